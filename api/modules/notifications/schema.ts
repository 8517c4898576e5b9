// The notifications module's GraphQL types; imported by api/schema.ts only.
import "./notification.js";
import "./resend-voucher.js";
