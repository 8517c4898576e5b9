// The outbox: SMS and email written with the sale, sent with retries through outages,
// given up on with a warning, and never sent twice by two processes.
import { afterAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startSmsStandin, type SmsStandin } from "../fixtures/sms-standin.js";
import { backoffMs } from "../../api/core/backoff.js";
import { buy, seedAllocation, waitFor } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

type Mail = { from: string; to: string[]; raw: string };

let server: TestServer;
let sms: SmsStandin;
let smtp: SMTPServer;
const mails: Mail[] = [];

setUpFile(async () => {
  sms = await startSmsStandin();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({
    env: {
      SMS_PROVIDER: "http",
      SMS_URL: sms.url,
      SMS_API_KEY: sms.apiKey,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MANAGER_EMAILS: "boss@chillzone.test, owner@chillzone.test",
      OUTBOX_POLL_MS: "30",
      OUTBOX_RETRY_BASE_MS: "40",
      OUTBOX_MAX_ATTEMPTS: "5",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await sms?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const prisma = () => server.app.services.prisma;

const policy = { baseMs: 5_000, capMs: 900_000 };

describe("outbox", () => {
  it("backs off exponentially with jitter, capped", () => {
    expect(backoffMs(1, policy, () => 0.5)).toBe(5_000);
    expect(backoffMs(2, policy, () => 0.5)).toBe(10_000);
    expect(backoffMs(4, policy, () => 0)).toBe(30_000);
    expect(backoffMs(4, policy, () => 1)).toBe(50_000);
    expect(backoffMs(20, policy, () => 1)).toBe(900_000);
  });

  it("an SMS outage (three 503s) delays the voucher SMS but loses nothing; managers get an email", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, name: "Night 2GB" });
    sms.failNext(3);
    const before = sms.requestCount();
    const r = await buy(server, bundle.id, { phoneNumber: "0271234567" });
    const reference = r.data.purchase.transaction.reference as string;
    expect(r.data.purchase.transaction.status).toBe("PAID");
    const t = await waitFor("voucher delivered", async () => {
      const x = await prisma().transaction.findUniqueOrThrow({ where: { reference } });
      return x.voucherDelivered ? x : null;
    });
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { transactionId: t.id, channel: "SMS" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 4, lastError: null });
    expect(row.providerMessageId).toBeTruthy();
    expect(sms.requestCount() - before).toBe(4);
    const delivered = sms.messages.filter((m) => m.recipient === "233271234567");
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.message).toContain(bundle.usernames[0]);
    expect(delivered[0]!.message).toContain("Night 2GB");

    const mail = await waitFor("manager email", () => mails.find((m) => m.raw.includes(reference)));
    expect(mail.to.sort()).toEqual(["boss@chillzone.test", "owner@chillzone.test"]);
    expect(mail.raw).toMatch(new RegExp(`Subject: Sale ${reference}: Night 2GB paid`));
    expect(mail.raw).not.toContain("pw"); // managers' email carries no password
    await waitFor("email row sent", () => prisma().outboxMessage.findFirst({ where: { transactionId: t.id, channel: "EMAIL", status: "SENT" } }));
  });

  it("gives up after the maximum attempts with a warning in the log", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    sms.failNext(50);
    const reference = (await buy(server, bundle.id, { phoneNumber: "0261234567" })).data.purchase.transaction.reference;
    const t = await prisma().transaction.findUniqueOrThrow({ where: { reference } });
    const row = await waitFor("sms failed", () => prisma().outboxMessage.findFirst({ where: { transactionId: t.id, channel: "SMS", status: "FAILED" } }), 15_000);
    sms.failNext(0);
    expect(row.attempts).toBe(5);
    expect(row.lastError).toMatch(/503/);
    expect((await prisma().transaction.findUniqueOrThrow({ where: { id: t.id } })).voucherDelivered).toBe(false);
    await server.app.services.log.flush();
    expect(await prisma().logEntry.count({ where: { kind: "SYSTEM", level: "WARN", recordId: row.id } })).toBe(1);
  });

  it("a rejected message (non-retryable) fails at once", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    sms.failNext(1, 422);
    const reference = (await buy(server, bundle.id, { phoneNumber: "0571234567" })).data.purchase.transaction.reference;
    const t = await prisma().transaction.findUniqueOrThrow({ where: { reference } });
    const row = await waitFor("sms failed", () => prisma().outboxMessage.findFirst({ where: { transactionId: t.id, channel: "SMS", status: "FAILED" } }));
    expect(row.attempts).toBe(1);
  });

  it("two processes draining one outbox send each message once", async () => {
    const second = await startTestServer({
      dataDir: server.dataDir,
      env: { SMS_PROVIDER: "http", SMS_URL: sms.url, SMS_API_KEY: sms.apiKey, OUTBOX_POLL_MS: "10" },
    });
    try {
      const recipients = Array.from({ length: 60 }, (_, i) => `02${String(40000000 + i).padStart(8, "0")}`);
      await prisma().outboxMessage.createMany({ data: recipients.map((r) => ({ channel: "SMS" as const, recipient: r, body: `hello ${r}` })) });
      await waitFor(
        "all sent",
        async () => (await prisma().outboxMessage.count({ where: { recipient: { in: recipients }, status: "SENT" } })) === recipients.length,
        15_000,
      );
      const got = sms.messages.filter((m) => m.message.startsWith("hello "));
      expect(got).toHaveLength(60);
      expect(new Set(got.map((m) => m.recipient)).size).toBe(60);
      const senders = await prisma().$queryRaw<{ origin: string; n: number }[]>`SELECT "origin", COUNT(*) AS n FROM "LogEntry"
        WHERE "model" = 'OutboxMessage' AND "kind" = 'UPDATE' AND "data" LIKE '%"status":"SENT"%' AND "data" LIKE '%hello %' GROUP BY "origin"`;
      // Each row went to SENT exactly once (a double claim would show a second SENT update).
      expect(senders.reduce((n, s) => n + Number(s.n), 0)).toBe(60);
    } finally {
      await second.stop();
    }
  });
});
