// Outbound notification channels. The outbox calls these and retries on
// DeliveryError.retryable, so an SMS/email provider outage loses nothing.

export interface SmsSender {
  /** to: a Ghana number in any accepted form (0XXXXXXXXX, 233XXXXXXXXX, +233 ...). */
  /** opts.sender: the sender name for this message (the Settings page's), else the driver's own. */
  send(to: string, text: string, opts?: { sender?: string }): Promise<{ providerMessageId?: string }>;
}

export type EmailMessage = { to: string[]; subject: string; text: string; html?: string };

export interface EmailSender {
  send(msg: EmailMessage): Promise<{ messageId?: string }>;
  /** Release pooled connections on shutdown. */
  close?(): void;
}

/** retryable: try again later (outage, timeout, 5xx); false: this message will never go as is. */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** The part of a pino logger the drivers use; pino's Logger satisfies it. */
export type LoggerLike = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
};
