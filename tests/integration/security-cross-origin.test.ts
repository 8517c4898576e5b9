// A hostile page in the admin's browser: requests it can send cross-origin without a CORS
// preflight (form posts, text/plain, a GET) carry the admin's cookie but must change and reveal
// nothing; CORS answers only the origins on CORS_ORIGINS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { loadConfig, ConfigError } from "../../api/core/config.js";

const PARTNER = "https://partner.example.com";
const EVIL = "http://127.0.0.1:6666"; // same host, another port: SameSite=Lax does not stop it

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer({ env: { CORS_ORIGINS: `${PARTNER}, https://other.example.com` } });
  const login = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(username: "${ADMIN.username}", password: "${ADMIN.password}") { token } }` }),
  });
  cookie = login.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(() => server?.stop());

const createKey = `mutation { createApiKey(input: { name: "stolen", role: ADMIN }) { key } }`;
const keyCount = () => server.app.services.prisma.apiKey.count({ where: { name: "stolen" } });

async function raw(body: BodyInit, headers: Record<string, string>, method = "POST", query = "") {
  const res = await fetch(`${server.url}/graphql${query}`, { method, headers: { cookie, origin: EVIL, ...headers }, body: method === "GET" ? undefined : body });
  const text = await res.text();
  let json: { errors?: { extensions?: { code?: string } }[]; data?: unknown } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { res, json };
}

describe("cross-origin requests with the admin's cookie", () => {
  it("a urlencoded form post of a mutation is refused with a code and creates no key", async () => {
    const { res, json } = await raw(new URLSearchParams({ query: createKey }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect(json?.errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(await keyCount()).toBe(0);
  });

  it("a multipart form post and a text/plain post are refused too", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: createKey }));
    form.set("map", "{}");
    // Multipart is accepted only for admin uploads, and only with the CSRF header that a
    // cross-origin form cannot add.
    const multipart = await raw(form, {});
    expect(multipart.res.status).toBe(403);
    expect(multipart.json?.errors?.[0]?.extensions?.code).toBe("CSRF_HEADER_REQUIRED");
    const text = await raw(JSON.stringify({ query: createKey }), { "content-type": "text/plain" });
    expect(text.res.status).toBe(415);
    expect(await keyCount()).toBe(0);
  });

  it("a JSON post with the cookie but without the CSRF header is refused", async () => {
    const { res, json } = await raw(JSON.stringify({ query: createKey }), { "content-type": "application/json" });
    expect(res.status).toBe(403);
    expect(json?.errors?.[0]?.extensions?.code).toBe("CSRF_HEADER_REQUIRED");
    expect(await keyCount()).toBe(0);
  });

  it("a GET query with the cookie but without the CSRF header reveals nothing", async () => {
    const { res, json } = await raw("", {}, "GET", `?query=${encodeURIComponent("{ me { username } }")}`);
    expect(res.status).toBe(403);
    expect(json?.data).toBeUndefined();
  });

  it("the UI's way (JSON and the CSRF header) works with the cookie", async () => {
    const r = await server.gql(`{ me { username } }`, {}, { headers: { cookie } });
    expect(r.data.me.username).toBe("admin");
  });

  it("API keys and bearer tokens need no CSRF header (browsers do not add them on their own)", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: `{ me { username } }` }),
    });
    expect(((await res.json()) as { data: { me: { username: string } } }).data.me.username).toBe("admin");
  });
});

describe("CORS", () => {
  async function preflight(origin: string) {
    return fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-graphql-yoga-csrf" },
    });
  }

  it("an unlisted origin gets no Access-Control-Allow-* headers, on the preflight or the request", async () => {
    const pre = await preflight(EVIL);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("access-control-allow-headers")).toBeNull();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin: EVIL, "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("a listed origin gets its own origin back, with credentials and the CSRF header allowed", async () => {
    const pre = await preflight(PARTNER);
    expect(pre.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(pre.headers.get("access-control-allow-credentials")).toBe("true");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/x-graphql-yoga-csrf/);
    expect(pre.headers.get("vary") ?? "").toMatch(/Origin/i);
  });

  it("CORS_ORIGINS accepts exact origins only", () => {
    const base = { DATA_DIR: "/tmp/cz-cfg" };
    expect(loadConfig({ ...base }).corsOrigins).toEqual([]);
    expect(loadConfig({ ...base, CORS_ORIGINS: "https://a.example.com, http://b.example.com:8080" }).corsOrigins).toEqual(["https://a.example.com", "http://b.example.com:8080"]);
    for (const bad of ["*", "https://a.example.com/path", "a.example.com", "ftp://a.example.com"]) {
      expect(() => loadConfig({ ...base, CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
    }
  });
});
