import { builder } from "../../core/builder.js";

export const NotificationChannelEnum = builder.enumType("NotificationChannel", { values: ["SMS", "EMAIL"] as const });
export const NotificationStatusEnum = builder.enumType("NotificationStatus", { values: ["PENDING", "SENT", "FAILED"] as const });

export const Notification = builder.prismaObject("OutboxMessage", {
  name: "Notification",
  description: "A message about a sale (the voucher by SMS, a receipt by email) and how its delivery is going.",
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    channel: t.expose("channel", { type: NotificationChannelEnum }),
    recipient: t.exposeString("recipient", { description: "Phone number or email address." }),
    status: t.expose("status", { type: NotificationStatusEnum }),
    attempts: t.exposeInt("attempts", { description: "Delivery attempts so far; failed ones are retried with backoff." }),
    lastError: t.exposeString("lastError", { nullable: true }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
