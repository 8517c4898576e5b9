// What other modules may use of refunds (nothing here registers GraphQL types).
// sales/settle.ts opens a refund for a paid sale that got no voucher; sales/webhook.ts hands
// refund.processed / refund.failed events here.
export { openNoVoucherRefund, logRequested as logRefundRequested, NO_VOUCHER_REFUND_REASON } from "./request.js";
export { applyRefundEvent, type RefundEventResult } from "./provider-events.js";
