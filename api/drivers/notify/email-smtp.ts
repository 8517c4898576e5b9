// Email through SMTP (nodemailer, SMTP_URL such as smtp://user:pass@host:587),
// or a log-only stand-in when no SMTP_URL is configured.
import { createTransport } from "nodemailer";
import { DeliveryError, type EmailSender, type LoggerLike } from "./types.js";

export type SmtpEmailOptions = { smtpUrl: string; from: string; timeoutMs?: number };

type SmtpError = Error & { code?: string; responseCode?: number; permanent?: boolean };

// Failures a retry cannot fix until someone changes the config or the message.
const permanentCodes = new Set(["EAUTH", "ENOAUTH", "EENVELOPE", "ECONFIG", "EMESSAGE", "EMAXRECIPIENTS"]);

function toDeliveryError(err: unknown): DeliveryError {
  const e = err as SmtpError;
  const why = e?.message ?? String(err);
  // nodemailer sets `permanent` from the SMTP reply class (5xx but 503); without a
  // reply (connection refused, timeout, TLS) it is an outage and worth retrying.
  const permanent = e?.permanent ?? (e?.code ? permanentCodes.has(e.code) : false);
  return new DeliveryError(`email: ${why}`, !permanent);
}

export function createSmtpEmailSender(opts: SmtpEmailOptions): EmailSender {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: opts.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(msg) {
      if (msg.to.length === 0) throw new DeliveryError("email: no recipients", false);
      try {
        const info = await transport.sendMail({ from: opts.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
        return { messageId: info.messageId };
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
    close: () => transport.close(),
  };
}

export function createLogEmailSender(logger: LoggerLike, from: string): EmailSender {
  let n = 0;
  return {
    async send(msg) {
      const messageId = `log-email-${++n}`;
      logger.info({ channel: "email", from, to: msg.to, subject: msg.subject, text: msg.text, messageId }, "email (log only)");
      return { messageId };
    },
  };
}
