// GET /backups/download/<id>: the backup file, streamed, for managers and admins (session
// cookie or bearer token, as the CSV export). Who may not gets 401/403 before anything is
// looked up, so the answer says nothing about which backups exist; a bad or unknown id is
// 404. The file's path comes from the stored row, never from the URL.
import { createReadStream, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../../core/context.js";
import { actorFor } from "../../core/context.js";
import { headersOf, httpRoutes, sendJson } from "../../core/extensions.js";
import { roleAtLeast } from "../../core/roles.js";
import { backupPath, contentTypeOf } from "./files.js";

const PREFIX = "/backups/download/";

export const downloadPath = (id: string) => `${PREFIX}${encodeURIComponent(id)}`;

async function handle(req: IncomingMessage, res: ServerResponse, services: Services, url: URL): Promise<void> {
  const viewer = await services.auth.viewerFromHeaders(headersOf(req));
  if (!viewer) return sendJson(res, 401, { error: "Log in first", code: "UNAUTHENTICATED" });
  if (!roleAtLeast(viewer.role, "MANAGER")) return sendJson(res, 403, { error: "Backups are for managers and admins", code: "FORBIDDEN" });

  const id = url.pathname.slice(PREFIX.length);
  const row = /^[a-z0-9]{20,32}$/.test(id) ? await services.prisma.backup.findUnique({ where: { id } }) : null;
  if (!row || row.status !== "DONE") return sendJson(res, 404, { error: "No such backup: it may have been deleted, or is not finished yet", code: "NOT_FOUND" });
  const file = backupPath(services.config.backups.dir, row.fileName);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return sendJson(res, 404, { error: "The backup's file is missing from the backup directory", code: "NOT_FOUND" });
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

httpRoutes.push({ method: "GET", path: PREFIX, handle });
