// A GraphQL multipart request (the upload spec) as the Backups page sends it: one operation,
// one file at variables.file, the cookie-less bearer token or a cookie plus the CSRF header.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GqlResult } from "./server.js";

export async function uploadGql<T = any>(
  url: string,
  query: string,
  file: { path: string } | { bytes: Uint8Array; name: string },
  auth: { token?: string; headers?: Record<string, string> } = {},
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  const bytes = "path" in file ? readFileSync(file.path) : file.bytes;
  const name = "path" in file ? path.basename(file.path) : file.name;
  form.set("0", new Blob([new Uint8Array(bytes)]), name);
  const headers: Record<string, string> = { "x-graphql-yoga-csrf": "1", ...auth.headers };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: form });
  const text = await res.text();
  try {
    return { ...(JSON.parse(text) as GqlResult<T>), status: res.status, headers: res.headers };
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 300)}`);
  }
}
