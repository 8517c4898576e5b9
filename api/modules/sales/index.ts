import "./purchase.js";
import "./confirm-payment.js";
import "./webhook.js";
import "./reconciler.js";
// The outbox delivers what a sale writes (voucher SMS, managers' email).
import "../notifications/index.js";
