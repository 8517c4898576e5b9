// Cash at the counter: the "provider" is a staff member. Nothing is collected
// here; staff confirm the payment through the API (confirmPayment), which is why
// verify() never reports PAID on its own.
import type { PaymentProvider } from "./types.js";

export const CASH_INSTRUCTIONS = "Collect cash at the counter";

export function createCashProvider(): PaymentProvider {
  return {
    key: "cash",
    localReference: (reference) => `CASH-${reference}`,
    async charge(req) {
      return { status: "PENDING", providerReference: `CASH-${req.reference}`, instructions: CASH_INSTRUCTIONS };
    },
    async verify(reference) {
      return { status: "PENDING", providerReference: `CASH-${reference}`, instructions: CASH_INSTRUCTIONS };
    },
    // Cash handed back over the counter completes on the spot.
    async refund(req) {
      return { status: "COMPLETED", providerReference: `CASH-RF-${req.reference}` };
    },
  };
}
