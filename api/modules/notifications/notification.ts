import { builder } from "../../core/builder.js";
import { OutboxChannel, OutboxStatus } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";

export const NotificationChannelEnum = enumFromPrisma("NotificationChannel", OutboxChannel);
export const NotificationStatusEnum = enumFromPrisma("NotificationStatus", OutboxStatus);

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
