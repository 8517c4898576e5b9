// TransactionFilter as a Prisma where clause, shared by Query.transactions and the CSV
// export so the two always agree; and the keyset (createdAt, id) both page with.
import type { Prisma } from "../../db/generated/client.js";
import { badInput } from "../../core/errors.js";
import { idOf } from "../common/ids.js";
import { normalizePhone } from "../common/phone.js";

export const transactionStatuses = ["PENDING", "PAID", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
export type TransactionStatusValue = (typeof transactionStatuses)[number];

export type TransactionFilterValue = {
  status?: readonly TransactionStatusValue[] | null;
  search?: string | null;
  allocationId?: string | number | null;
  from?: Date | null;
  to?: Date | null;
};

/** A phone number in any accepted form, as stored (0XXXXXXXXX); null when it is not one. */
function phoneOf(s: string): string | null {
  if (!/^[+\d][\d\s\-().]{8,}$/.test(s)) return null;
  try {
    return normalizePhone(s).number;
  } catch {
    return null;
  }
}

// Each alternative is an indexed equality except the name, which is a substring match
// (a scan, stopped early by the page's LIMIT when the name is common).
function searchWhere(raw: string): Prisma.TransactionWhereInput | null {
  const s = raw.trim();
  if (!s) return null;
  const or: Prisma.TransactionWhereInput[] = [
    { reference: s.toUpperCase() },
    { fullName: { contains: s } },
    { providerReference: s },
    { voucher: { is: { username: s } } },
  ];
  const phone = phoneOf(s);
  if (phone) or.push({ phoneNumber: phone });
  return { OR: or };
}

export function transactionWhere(f: TransactionFilterValue | null | undefined): Prisma.TransactionWhereInput {
  const and: Prisma.TransactionWhereInput[] = [];
  if (f?.status?.length) and.push({ status: { in: [...f.status] } });
  if (f?.allocationId) and.push({ allocationId: idOf(String(f.allocationId), "Allocation") });
  if (f?.from && f?.to && f.from >= f.to) throw badInput("`from` must be before `to`", "filter.from");
  if (f?.from) and.push({ createdAt: { gte: f.from } });
  if (f?.to) and.push({ createdAt: { lt: f.to } });
  const search = f?.search ? searchWhere(f.search) : null;
  if (search) and.push(search);
  return and.length ? { AND: and } : {};
}

/** Sales are listed newest first; (createdAt, id) orders them totally. */
export type Key = { createdAt: Date; id: string };

export const cursorOf = (k: Key) => Buffer.from(`tx:${k.createdAt.toISOString()}|${k.id}`).toString("base64url");

export function keyOf(cursor: string): Key {
  const m = /^tx:([^|]+)\|([a-z0-9]+)$/.exec(Buffer.from(cursor, "base64url").toString());
  const createdAt = m ? new Date(m[1]!) : null;
  if (!m || !createdAt || Number.isNaN(createdAt.getTime())) throw badInput(`"${cursor}" is not a transactions cursor`);
  return { createdAt, id: m[2]! };
}

// Written as `createdAt <= c AND (createdAt < c OR id < i)`, not as a plain OR, so SQLite
// can still range-scan the createdAt index from the cursor on.
export const olderThan = (k: Key): Prisma.TransactionWhereInput => ({
  AND: [{ createdAt: { lte: k.createdAt } }, { OR: [{ createdAt: { lt: k.createdAt } }, { id: { lt: k.id } }] }],
});
export const newerThan = (k: Key): Prisma.TransactionWhereInput => ({
  AND: [{ createdAt: { gte: k.createdAt } }, { OR: [{ createdAt: { gt: k.createdAt } }, { id: { gt: k.id } }] }],
});

export const newestFirst: Prisma.TransactionOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
export const oldestFirst: Prisma.TransactionOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
