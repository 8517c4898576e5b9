// GraphQL multipart requests (the upload spec: `operations`, `map`, then the files), for the
// one kind of caller that needs them: an admin uploading a backup to restore. Everything else
// stays JSON only (a cross-origin form can send multipart without asking first).
//
// Why not Yoga's own multipart: it holds each file in memory, and a backup can be hundreds of
// megabytes. Here the caller is authorised before a byte of the body is read, a body larger
// than the limit is refused from its Content-Length alone, and the file is streamed to a
// private temporary file. The operation then goes to Yoga as plain JSON, each file variable
// replaced by a token that only this request's context can turn back into the file.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { IncomingMessage } from "node:http";
import busboy from "busboy";

/** A file received with this request: on disk until the answer has been sent. */
export type UploadedFile = { path: string; name: string; size: number };

/** What the File scalar parses a token to; the resolver looks it up in its context's uploads. */
export class UploadRef {
  constructor(readonly token: string) {}
}

export const UPLOAD_TOKEN = /^cz-upload:[0-9a-f]{32}$/;

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedUpload = { body: string; uploads: Map<string, UploadedFile>; cleanup: () => void };

/** Reads a multipart GraphQL request to disk under `dir`; throws UploadRefused for what the client must change. */
export async function readMultipart(req: IncomingMessage, o: { dir: string; maxBytes: number }): Promise<ParsedUpload> {
  const length = Number(req.headers["content-length"]);
  if (!req.headers["content-length"] || !Number.isFinite(length)) throw new UploadRefused(411, "LENGTH_REQUIRED", "Uploads need a Content-Length");
  const mb = Math.round(o.maxBytes / 1_048_576);
  // The multipart framing adds a little; the file itself is checked exactly below.
  if (length > o.maxBytes + 64 * 1024) throw new UploadRefused(413, "PAYLOAD_TOO_LARGE", `The file is larger than the ${mb} MB upload limit (BACKUP_MAX_UPLOAD_MB). Restore it with \`chillzone restore FILE\` on the server instead.`);
  const tmp = mkdtempSync(path.join(o.dir, ".upload-"));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fields: 2, fieldSize: 64 * 1024, fileSize: o.maxBytes } });
      } catch (err) {
        return reject(new UploadRefused(400, "BAD_REQUEST", `Not a multipart request: ${(err as Error).message}`));
      }
      const writes: Promise<void>[] = [];
      bb.on("field", (name, value, info) => {
        if (info.valueTruncated) return reject(new UploadRefused(413, "PAYLOAD_TOO_LARGE", `The ${name} field is too long`));
        fields.set(name, value);
      });
      bb.on("file", (field, stream, info) => {
        const file = path.join(tmp, `file-${files.size}`);
        const entry: UploadedFile = { path: file, name: info.filename ?? "upload", size: 0 };
        files.set(field, entry);
        stream.on("data", (chunk: Buffer) => (entry.size += chunk.length));
        stream.on("limit", () => reject(new UploadRefused(413, "PAYLOAD_TOO_LARGE", `The file is larger than the ${mb} MB upload limit (BACKUP_MAX_UPLOAD_MB)`)));
        writes.push(pipeline(stream, createWriteStream(file, { mode: 0o600 })));
      });
      bb.on("filesLimit", () => reject(new UploadRefused(400, "BAD_REQUEST", "Send one file per request")));
      bb.on("error", (err) => reject(new UploadRefused(400, "BAD_REQUEST", `The upload was cut off or malformed: ${(err as Error).message}`)));
      bb.on("close", () => Promise.all(writes).then(() => resolve(), reject));
      req.on("aborted", () => reject(new UploadRefused(400, "BAD_REQUEST", "The upload was cut off")));
      req.pipe(bb);
    });
    const operations = parseJson(fields.get("operations"), "operations");
    const map = parseJson(fields.get("map"), "map") as Record<string, unknown>;
    if (!operations || typeof operations !== "object" || Array.isArray(operations)) throw new UploadRefused(400, "BAD_REQUEST", "operations must be one GraphQL operation (batches are not accepted)");
    const uploads = new Map<string, UploadedFile>();
    for (const [field, paths] of Object.entries(map ?? {})) {
      const file = files.get(field);
      if (!file) throw new UploadRefused(400, "BAD_REQUEST", `map names a file "${field}" that was not sent`);
      if (!Array.isArray(paths) || paths.length !== 1 || typeof paths[0] !== "string") throw new UploadRefused(400, "BAD_REQUEST", "map must give each file one variables path");
      const token = `cz-upload:${randomBytes(16).toString("hex")}`;
      setPath(operations as Record<string, unknown>, paths[0], token);
      uploads.set(token, file);
    }
    return { body: JSON.stringify(operations), uploads, cleanup };
  } catch (err) {
    cleanup();
    req.resume();
    throw err;
  }
}

function parseJson(text: string | undefined, name: string): unknown {
  if (text === undefined) throw new UploadRefused(400, "BAD_REQUEST", `The multipart request has no ${name} field`);
  try {
    return JSON.parse(text);
  } catch {
    throw new UploadRefused(400, "BAD_REQUEST", `The ${name} field is not JSON`);
  }
}

/** Sets "variables.file" (the only kind of path the spec's clients send for one operation). */
function setPath(target: Record<string, unknown>, dotted: string, value: string): void {
  const parts = dotted.split(".");
  if (parts[0] !== "variables" || parts.length < 2 || parts.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) throw new UploadRefused(400, "BAD_REQUEST", `map path ${dotted} must point into variables`);
  let at = target as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) {
    const next = at[p];
    if (next === null || next === undefined) at[p] = {};
    else if (typeof next !== "object") throw new UploadRefused(400, "BAD_REQUEST", `map path ${dotted} does not exist in operations`);
    at = at[p] as Record<string, unknown>;
  }
  at[parts.at(-1)!] = value;
}

export type UploadDeps = {
  /** Who is calling, from the request's headers (cookie, bearer token or API key); null if nobody. */
  viewerRole: (headers: Headers) => Promise<string | null>;
  /** The CSRF rule of JSON requests: a request with the session cookie must carry the header. */
  csrfOk: (headers: Headers) => boolean;
  dir: string;
  maxBytes: number;
  /** Runs the operation (now JSON) through Yoga with the uploads in its context. */
  forward: (body: string, uploads: Map<string, UploadedFile>) => Promise<Response>;
};

const refusal = (status: number, code: string, message: string) => ({ status, body: JSON.stringify({ errors: [{ message, extensions: { code } }] }) });

/** POST /graphql with multipart/form-data: admins only, checked before the body is read. */
export async function serveUpload(req: IncomingMessage, res: import("node:http").ServerResponse, headers: Headers, deps: UploadDeps): Promise<void> {
  const send = (r: { status: number; body: string }) => {
    res.writeHead(r.status, { "content-type": "application/json; charset=utf-8", connection: "close" });
    res.end(r.body);
  };
  if (!deps.csrfOk(headers)) return send(refusal(403, "CSRF_HEADER_REQUIRED", "A request with the session cookie must carry the x-graphql-yoga-csrf header"));
  const role = await deps.viewerRole(headers);
  if (!role) return send(refusal(401, "UNAUTHENTICATED", "Sign in as an admin to upload a backup"));
  if (role !== "ADMIN") return send(refusal(403, "FORBIDDEN", "Only admins may upload files (a backup to restore)"));
  let parsed: ParsedUpload;
  try {
    parsed = await readMultipart(req, { dir: deps.dir, maxBytes: deps.maxBytes });
  } catch (err) {
    if (err instanceof UploadRefused) return send(refusal(err.status, err.code, err.message));
    throw err;
  }
  try {
    const response = await deps.forward(parsed.body, parsed.uploads);
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((v, k) => {
      if (k !== "set-cookie") out[k] = v;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) out["set-cookie"] = cookies;
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  } finally {
    parsed.cleanup();
  }
}
