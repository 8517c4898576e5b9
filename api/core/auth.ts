// Sessions (signed, expiring bearer tokens that name a revocable Session row) and API keys.
import { parse as parseCookieHeader } from "cookie";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../db/generated/client.js";
import type { Config } from "./config.js";
import type { Role } from "./roles.js";
import { hashPassword } from "./passwords.js";

export const SESSION_COOKIE = "cz_session";

export type Viewer = {
  role: Role;
  userId?: string;
  username?: string;
  sessionId?: string;
  apiKeyId?: string;
  apiKeyName?: string;
};

function loadSecret(dataDir: string, given: string | undefined): Buffer {
  if (given) return Buffer.from(given);
  const file = path.join(dataDir, "session.key");
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The request's cookies; a value that is not valid percent-encoding is kept as sent, never an error. */
export function parseCookies(header: string | null | undefined): Record<string, string | undefined> {
  return parseCookieHeader(header ?? "");
}

export class AuthService {
  private readonly secret: Buffer;
  /** API keys are looked up on every request; lastUsedAt is written at most this often. */
  private readonly lastUsedWriteMs = 5 * 60_000;

  constructor(private readonly prisma: PrismaClient, private readonly config: Config) {
    this.secret = loadSecret(config.dataDir, config.sessionSecret);
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }

  async createSession(userId: string): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const session = await this.prisma.session.create({ data: { userId, expiresAt } });
    const payload = `v1.${session.id}.${expiresAt.getTime()}`;
    return { token: `${payload}.${this.sign(payload)}`, expiresAt, sessionId: session.id };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  async viewerFromToken(token: string): Promise<Viewer | null> {
    const parts = token.split(".");
    if (parts.length !== 4 || parts[0] !== "v1") return null;
    const payload = parts.slice(0, 3).join(".");
    const given = Buffer.from(parts[3]!);
    const expected = Buffer.from(this.sign(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(parts[2]) < Date.now()) return null;
    const session = await this.prisma.session.findUnique({ where: { id: parts[1] }, include: { user: true } });
    if (!session || session.revokedAt || session.expiresAt.getTime() < Date.now()) return null;
    return { role: session.user.role, userId: session.user.id, username: session.user.username, sessionId: session.id };
  }

  /** Whether the credential a viewer was built from still holds (for long-lived subscriptions). */
  async stillValid(viewer: Viewer): Promise<boolean> {
    if (viewer.sessionId) {
      const s = await this.prisma.session.findUnique({ where: { id: viewer.sessionId } });
      return Boolean(s && !s.revokedAt && s.expiresAt.getTime() > Date.now());
    }
    if (viewer.apiKeyId) {
      const k = await this.prisma.apiKey.findUnique({ where: { id: viewer.apiKeyId } });
      return Boolean(k && !k.revokedAt);
    }
    return true;
  }

  static newApiKey(): { key: string; prefix: string } {
    const prefix = randomBytes(4).toString("hex");
    return { key: `cz_${prefix}_${randomBytes(24).toString("base64url")}`, prefix: `cz_${prefix}` };
  }

  async viewerFromApiKey(key: string): Promise<Viewer | null> {
    const apiKey = await this.prisma.apiKey.findUnique({ where: { keyHash: sha256(key) } });
    if (!apiKey || apiKey.revokedAt) return null;
    if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > this.lastUsedWriteMs) {
      await this.prisma.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } });
    }
    return { role: apiKey.role, apiKeyId: apiKey.id, apiKeyName: apiKey.name };
  }

  /** Authorization: Bearer, X-Api-Key, then the session cookie. A bad credential is not a fallback to the next. */
  async viewerFromHeaders(headers: Headers): Promise<Viewer | null> {
    const authz = headers.get("authorization");
    if (authz) {
      const m = /^Bearer\s+(.+)$/i.exec(authz.trim());
      if (!m) return null;
      // Partner tools often can only send a bearer token: an API key is accepted there too.
      return m[1]!.startsWith("cz_") ? this.viewerFromApiKey(m[1]!) : this.viewerFromToken(m[1]!);
    }
    const apiKey = headers.get("x-api-key");
    if (apiKey) return this.viewerFromApiKey(apiKey.trim());
    const cookie = parseCookies(headers.get("cookie"))[SESSION_COOKIE];
    return cookie ? this.viewerFromToken(cookie) : null;
  }

  sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
    return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
  }

  clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  /** First start: create the ADMIN from ADMIN_USERNAME/ADMIN_PASSWORD when there are no users. */
  // Without ADMIN_* a fresh install still gets a way in: user "admin" with a random
  // password written to DATA_DIR/admin-password.txt (readable by the owner only).
  async ensureFirstAdmin(): Promise<{ created: false } | { created: true; username: string; passwordFile?: string }> {
    if ((await this.prisma.user.count()) > 0) return { created: false };
    const username = this.config.admin?.username ?? "admin";
    const password = this.config.admin?.password ?? randomBytes(12).toString("base64url");
    await this.prisma.user.create({ data: { username, role: "ADMIN", passwordHash: await hashPassword(password) } });
    if (this.config.admin) return { created: true, username };
    const passwordFile = path.join(this.config.dataDir, "admin-password.txt");
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    return { created: true, username, passwordFile };
  }
}
