// Default SMS channel: logs that a message was "sent" and succeeds, so a fresh install works
// with no SMS account. The text itself is not logged: the voucher SMS carries the voucher's
// password, and a server log is read by more people than the dashboard's managers (who see
// the voucher in the dashboard).
import type { LoggerLike, SmsSender } from "./types.js";

export function createLogSmsSender(logger: LoggerLike): SmsSender {
  let n = 0;
  return {
    async send(to, text, opts) {
      const providerMessageId = `log-sms-${++n}`;
      logger.info({ channel: "sms", to, sender: opts?.sender, chars: text.length, providerMessageId }, "sms (log only; text not logged)");
      return { providerMessageId };
    },
  };
}
