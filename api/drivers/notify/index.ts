// Builds the notification channels from config: log-only by default, an HTTP
// SMS provider and SMTP when configured.
import { createLogEmailSender, createSmtpEmailSender } from "./email-smtp.js";
import { createHttpSmsSender } from "./sms-http.js";
import { createLogSmsSender } from "./sms-log.js";
import type { EmailSender, LoggerLike, SmsSender } from "./types.js";

export type NotifyConfig = {
  sms: { provider: "log" | "http"; url?: string; apiKey?: string; sender: string; timeoutMs?: number };
  mail: { smtpUrl?: string; from: string; timeoutMs?: number };
};

export type Notifiers = { sms: SmsSender; email: EmailSender };

export function createNotifiers(config: NotifyConfig, logger: LoggerLike): Notifiers {
  let sms: SmsSender;
  if (config.sms.provider === "http") {
    // Config validation already demands SMS_URL; this guards other callers.
    if (!config.sms.url) throw new Error("SMS provider http needs SMS_URL");
    sms = createHttpSmsSender({ url: config.sms.url, apiKey: config.sms.apiKey ?? "", sender: config.sms.sender, timeoutMs: config.sms.timeoutMs });
  } else {
    sms = createLogSmsSender(logger);
  }
  const email = config.mail.smtpUrl
    ? createSmtpEmailSender({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, timeoutMs: config.mail.timeoutMs })
    : createLogEmailSender(logger, config.mail.from);
  return { sms, email };
}

export * from "./types.js";
export { createLogSmsSender } from "./sms-log.js";
export { createHttpSmsSender, toInternationalGh, type HttpSmsOptions } from "./sms-http.js";
export { createSmtpEmailSender, createLogEmailSender, type SmtpEmailOptions } from "./email-smtp.js";
