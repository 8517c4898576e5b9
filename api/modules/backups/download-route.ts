// GET /backups/download/<id>: the backup file, streamed, for managers and admins (session
// cookie or bearer token, as the CSV export). Who may not gets 401/403 before anything is
// looked up, so the answer says nothing about which backups exist; a bad or unknown id is
// 404. The file's path comes from the stored row, never from the URL.
import { createReadStream, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { actorFor } from "../../core/context.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import type { HttpRoute, RouteContext } from "../../core/extensions.js";
import { backupPath, contentTypeOf } from "./files.js";

const PREFIX = "/backups/download/";

export const downloadPath = (id: string) => `${PREFIX}${encodeURIComponent(id)}`;

async function handle({ res, services, url, viewer }: RouteContext): Promise<void> {
  const id = url.pathname.slice(PREFIX.length);
  const row = /^[a-z0-9]{20,32}$/.test(id) ? await services.prisma.backup.findUnique({ where: { id } }) : null;
  if (!row || row.status !== "DONE") throw new AppError(ErrorCode.NOT_FOUND, "No such backup: it may have been deleted, or is not finished yet");
  const file = backupPath(services.config.backups.dir, row.fileName);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError(ErrorCode.NOT_FOUND, "The backup's file is missing from the backup directory");
  }
  res.writeHead(200, {
    "content-type": contentTypeOf(row.fileName),
    "content-length": String(size),
    "content-disposition": `attachment; filename="${row.fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    // An HTML backup opened from this origin must not run anything or reach the API.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  services.log.write({
    kind: "BACKUP",
    message: `${row.format} backup ${row.fileName} downloaded`,
    model: "Backup",
    recordId: row.id,
    actor: actorFor(viewer),
    data: { fileName: row.fileName, sizeBytes: size },
  });
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}

export const backupDownloadRoute: HttpRoute = {
  method: "GET",
  path: PREFIX,
  // Checked before anything is looked up (serveRoute), so 401/403 say nothing about which backups exist.
  access: "MANAGER",
  forbidden: "Backups are for managers and admins",
  handle,
};
