// Shared by the refund tests: a paid sale, and the refund mutations as the UI sends them.
import { randomUUID } from "node:crypto";
import type { Auth, GqlResult, TestServer } from "../helpers/server.js";
import { buy } from "./sales-seed.js";

export const REFUND_FIELDS = `id status source reason decisionNote failureReason providerReference amount { amountMinor }
  requestedBy { username } decidedBy { username } transaction { id reference status refundedAmount { amountMinor } refundableAmount { amountMinor } }`;

export const REQUEST = `mutation Request($input: RequestRefundInput!) { requestRefund(input: $input) { ${REFUND_FIELDS} } }`;
export const APPROVE = `mutation Approve($id: ID!, $note: String) { approveRefund(id: $id, note: $note) { ${REFUND_FIELDS} } }`;
export const REJECT = `mutation Reject($id: ID!, $note: String!) { rejectRefund(id: $id, note: $note) { ${REFUND_FIELDS} } }`;
export const RETRY = `mutation Retry($id: ID!) { retryRefund(id: $id) { ${REFUND_FIELDS} } }`;
export const REPORT = `mutation Report($reference: String!, $message: String!) { reportProblem(reference: $reference, message: $message) { message alreadyOpen } }`;

/** A sale paid at once (sandbox, or cash confirmed by staff); returns its global id and reference. */
export async function paidSale(server: TestServer, allocationId: string, phoneNumber = "0241234567", auth: Auth = {}, provider?: string) {
  const r = await buy(server, allocationId, { phoneNumber, ...(provider ? { provider } : {}) }, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const t = r.data.purchase.transaction as { id: string; reference: string; status: string };
  return t;
}

export function requestRefund(
  server: TestServer,
  auth: Auth,
  transactionId: string,
  extra: { amountMinor?: number | null; reason?: string; idempotencyKey?: string } = {},
): Promise<GqlResult> {
  const input: Record<string, unknown> = { transactionId, reason: extra.reason ?? "Voucher did not connect", idempotencyKey: extra.idempotencyKey ?? randomUUID() };
  if (extra.amountMinor !== undefined) input.amountMinor = extra.amountMinor;
  return server.gql(REQUEST, { input }, auth);
}

export const dbId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;
