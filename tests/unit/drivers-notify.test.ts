import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DeliveryError, createHttpSmsSender, createLogEmailSender, createLogSmsSender, createNotifiers, createSmtpEmailSender,
  toInternationalGh, type LoggerLike,
} from "../../api/drivers/notify/index.js";
import { startSmsStandin, type SmsStandin } from "../fixtures/sms-standin.js";

async function deliveryRejection(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger: LoggerLike = {
    info: (obj, msg) => void lines.push({ ...obj, msg }),
    warn: (obj, msg) => void lines.push({ ...obj, msg }),
  };
  return { logger, lines };
}

describe("phone numbers for the SMS API", () => {
  it("turns every accepted form into 233XXXXXXXXX", () => {
    expect(toInternationalGh("0241234567")).toBe("233241234567");
    expect(toInternationalGh("233241234567")).toBe("233241234567");
    expect(toInternationalGh("+233 24 123 4567")).toBe("233241234567");
    expect(toInternationalGh("12345")).toBeUndefined();
  });
});

describe("http SMS sender against the stand-in", () => {
  let standin: SmsStandin;
  beforeAll(async () => {
    standin = await startSmsStandin({ apiKey: "key-123" });
  });
  afterAll(() => standin.close());

  it("sends sender/message/recipients with the api-key and returns the provider id", async () => {
    const sms = createHttpSmsSender({ url: standin.url, apiKey: "key-123", sender: "Chillzone" });
    const r = await sms.send("0241234567", "Your voucher: user ab12 pass cd34");
    const sent = standin.messages.at(-1)!;
    expect(sent).toMatchObject({ sender: "Chillzone", recipient: "233241234567", message: "Your voucher: user ab12 pass cd34" });
    expect(r.providerMessageId).toBe(sent.id);
  });

  it("an outage (503) is retryable and nothing is lost once it recovers", async () => {
    const sms = createHttpSmsSender({ url: standin.url, apiKey: "key-123", sender: "Chillzone" });
    const before = standin.messages.length;
    standin.failNext(2);
    for (let i = 0; i < 2; i++) expect((await deliveryRejection(sms.send("0551234567", "hello"))).retryable).toBe(true);
    await sms.send("0551234567", "hello");
    expect(standin.messages.length).toBe(before + 1);
  });

  it("a 4xx (bad key) is not retryable; a bad number never leaves", async () => {
    const wrong = createHttpSmsSender({ url: standin.url, apiKey: "nope", sender: "Chillzone" });
    const err = await deliveryRejection(wrong.send("0241234567", "x"));
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/401.*Invalid API key/);
    const requests = standin.requestCount();
    expect((await deliveryRejection(wrong.send("12345", "x"))).retryable).toBe(false);
    expect(standin.requestCount()).toBe(requests);
  });

  it("times out a hung provider and refused connections as retryable", async () => {
    const hung = createServer(() => {});
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/send`;
    try {
      const err = await deliveryRejection(createHttpSmsSender({ url, apiKey: "k", sender: "C", timeoutMs: 150 }).send("0241234567", "x"));
      expect(err.retryable).toBe(true);
      expect(err.message).toMatch(/timed out/);
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
    expect((await deliveryRejection(createHttpSmsSender({ url, apiKey: "k", sender: "C" }).send("0241234567", "x"))).retryable).toBe(true);
  });
});

describe("log-only senders", () => {
  it("SMS and email are logged and resolve", async () => {
    const { logger, lines } = captureLogger();
    expect((await createLogSmsSender(logger).send("0241234567", "hi")).providerMessageId).toBeTruthy();
    await createLogEmailSender(logger, "Chillzone <no-reply@chillzone.local>").send({ to: ["m@example.com"], subject: "S", text: "T" });
    // The SMS text (voucher credentials) is never logged.
    expect(JSON.stringify(lines[0])).not.toContain("hi\"");
    expect(lines).toEqual([
      expect.objectContaining({ channel: "sms", to: "0241234567", chars: 2 }),
      expect.objectContaining({ channel: "email", to: ["m@example.com"], subject: "S" }),
    ]);
  });

  it("a real pino logger fits", async () => {
    const out: string[] = [];
    const logger = pino({ level: "info" }, new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) }));
    await createLogSmsSender(logger).send("0241234567", "via pino");
    expect(out.join("")).toContain("sms (log only");
    expect(out.join("")).not.toContain("via pino");
  });
});

type Captured = { from: string; to: string[]; raw: string };

async function startSmtp(opts: { rejectRcpt?: { code: number; message: string } } = {}) {
  const mails: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"], // plain SMTP on loopback: no self-signed cert to trust
    logger: false,
    onRcptTo(address, _session, cb) {
      if (!opts.rejectRcpt) return cb();
      const err = Object.assign(new Error(opts.rejectRcpt.message), { responseCode: opts.rejectRcpt.code });
      cb(err);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("SMTP email sender against a real SMTP server", () => {
  it("delivers subject, recipients and body", async () => {
    const smtp = await startSmtp();
    const email = createSmtpEmailSender({ smtpUrl: smtp.url, from: "Chillzone <no-reply@chillzone.local>", timeoutMs: 5000 });
    try {
      const r = await email.send({ to: ["manager@example.com", "owner@example.com"], subject: "Refund requested: CZ-42", text: "Staff asked to refund 5.00 GHS." });
      expect(r.messageId).toBeTruthy();
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.from).toBe("no-reply@chillzone.local");
      expect(mail.to).toEqual(["manager@example.com", "owner@example.com"]);
      expect(mail.raw).toMatch(/^Subject: Refund requested: CZ-42\r?$/m);
      expect(mail.raw).toMatch(/^To: manager@example.com, owner@example.com\r?$/m);
      expect(mail.raw).toContain("Staff asked to refund 5.00 GHS.");
    } finally {
      email.close?.();
      await smtp.close();
    }
  });

  it("a 5xx rejection is permanent, a 4xx one retryable", async () => {
    for (const [code, retryable] of [[550, false], [451, true]] as const) {
      const smtp = await startSmtp({ rejectRcpt: { code, message: `${code} mailbox says no` } });
      const email = createSmtpEmailSender({ smtpUrl: smtp.url, from: "no-reply@chillzone.local", timeoutMs: 5000 });
      try {
        const err = await deliveryRejection(email.send({ to: ["x@example.com"], subject: "s", text: "t" }));
        expect(err.retryable).toBe(retryable);
      } finally {
        email.close?.();
        await smtp.close();
      }
    }
  });

  it("an unreachable server is retryable", async () => {
    const smtp = await startSmtp();
    await smtp.close();
    const email = createSmtpEmailSender({ smtpUrl: smtp.url, from: "no-reply@chillzone.local", timeoutMs: 2000 });
    expect((await deliveryRejection(email.send({ to: ["x@example.com"], subject: "s", text: "t" }))).retryable).toBe(true);
  });
});

describe("createNotifiers", () => {
  it("defaults to log-only channels", async () => {
    const { logger, lines } = captureLogger();
    const n = createNotifiers({ sms: { provider: "log", sender: "Chillzone" }, mail: { from: "a@b.c" } }, logger);
    await n.sms.send("0241234567", "x");
    await n.email.send({ to: ["m@example.com"], subject: "s", text: "t" });
    expect(lines.map((l) => l.channel)).toEqual(["sms", "email"]);
  });

  it("uses the HTTP SMS provider when configured", async () => {
    const standin = await startSmsStandin();
    try {
      const { logger } = captureLogger();
      const n = createNotifiers({ sms: { provider: "http", url: standin.url, apiKey: standin.apiKey, sender: "Chillzone" }, mail: { from: "a@b.c" } }, logger);
      await n.sms.send("+233 20 123 4567", "hi");
      expect(standin.messages.map((m) => m.recipient)).toEqual(["233201234567"]);
    } finally {
      await standin.close();
    }
  });
});
