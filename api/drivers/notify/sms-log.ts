// Default SMS channel: writes the message to the log and succeeds, so a fresh
// install works with no SMS account (staff read vouchers off the screen/log).
import type { LoggerLike, SmsSender } from "./types.js";

export function createLogSmsSender(logger: LoggerLike): SmsSender {
  let n = 0;
  return {
    async send(to, text) {
      const providerMessageId = `log-sms-${++n}`;
      logger.info({ channel: "sms", to, text, providerMessageId }, "sms (log only)");
      return { providerMessageId };
    },
  };
}
