// Live subscribers of the same operation share one execution per event (api/core/shared-
// subscriptions.ts). What each one receives must still be exactly what its own execution
// would give: by role (a voucher's password), by user (contact fields of one's own user),
// by variables (the models filter, the selection's arguments), by document. All subscribers
// here are live (no replay) and subscribed to the same text, so the events reach them as the
// one entry object the bus hands to everyone: the shared path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInScope } from "../../api/db/request-context.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { live, watch, type Watch } from "../helpers/watch.js";

type Ev = { sequence: number; model: string; recordId: string; actor: { username: string; email: string | null } | null; data: Record<string, unknown> };
const SAVED = `subscription Saved($models: [String!]) { modelSaved(models: $models) { sequence model recordId actorLabel actor { username email } data } }`;
// The same selection without the actor's contact: another document, never shared with SAVED.
const SAVED_SHORT = `subscription Saved($models: [String!]) { modelSaved(models: $models) { sequence model recordId data } }`;

let server: TestServer;
let n = 0;
const uid = () => `${Date.now().toString(36)}${(++n).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type Person = { id: string; username: string; email: string; role: "ADMIN" | "MANAGER" | "STAFF"; token: string };
async function person(role: "ADMIN" | "MANAGER" | "STAFF"): Promise<Person> {
  const username = `${role.toLowerCase()}${uid()}`;
  const email = `${username}@example.com`;
  const r = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username, password: "password-123", role, email } }, { token: server.adminToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const row = await server.app.services.prisma.user.findUniqueOrThrow({ where: { username } });
  return { id: row.id, username, email, role, token: await server.login(username, "password-123") };
}
const as = <T>(p: Person, fn: () => PromiseLike<T>) =>
  runInScope({ actor: { kind: "user", userId: p.id, username: p.username, role: p.role }, requestId: `t-${uid()}` }, async () => await fn());

let staffA: Person, staffB: Person, manager: Person, admin: Person;

beforeAll(async () => {
  server = await startTestServer();
  [staffA, staffB, manager, admin] = [await person("STAFF"), await person("STAFF"), await person("MANAGER"), await person("ADMIN")];
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

describe("shared fan-out", () => {
  it("never mixes results across roles, users, variables or documents", async () => {
    const both = { models: ["Voucher", "Allocation"] };
    const subs = {
      staffA1: watch<{ modelSaved: Ev }>(server.ws(bearer(staffA.token)), SAVED, both),
      staffA2: watch<{ modelSaved: Ev }>(server.ws(bearer(staffA.token)), SAVED, both),
      staffB: watch<{ modelSaved: Ev }>(server.ws(bearer(staffB.token)), SAVED, both),
      manager1: watch<{ modelSaved: Ev }>(server.ws(bearer(manager.token)), SAVED, both),
      manager2: watch<{ modelSaved: Ev }>(server.ws(bearer(manager.token)), SAVED, both),
      admin: watch<{ modelSaved: Ev }>(server.ws(bearer(admin.token)), SAVED, both),
      managerShort: watch<{ modelSaved: Ev }>(server.ws(bearer(manager.token)), SAVED_SHORT, both),
      managerAllocations: watch<{ modelSaved: Ev }>(server.ws(bearer(manager.token)), SAVED, { models: ["Allocation"] }),
      staffVouchers: watch<{ modelSaved: Ev }>(server.ws(bearer(staffA.token)), SAVED, { models: ["Voucher"] }),
    };
    const prisma = server.app.services.prisma;
    const allocation = () => as(admin, () => prisma.allocation.create({ data: { code: `c-${uid()}`, name: `Bundle ${uid()}`, priceMinor: 100 } }));
    const voucherBy = (p: Person, allocationId: string) => as(p, () => prisma.voucher.create({ data: { username: `v${uid()}`, password: `pw-${uid()}`, allocationId } }));
    const alloc = await allocation();
    for (const [name, w] of Object.entries(subs)) {
      await live(w, async () => (name === "staffVouchers" ? (await voucherBy(admin, alloc.id)).id : (await allocation()).id), (x) => x.modelSaved.recordId);
    }
    const marks = Object.fromEntries(Object.entries(subs).map(([k, w]) => [k, w.items.length]));
    const after = (k: keyof typeof subs) => subs[k].items.slice(marks[k]).map((x) => x.modelSaved);

    // A voucher written by admin, one by staff B, then an allocation: in that order for everyone.
    const byAdmin = await voucherBy(admin, alloc.id);
    const byStaffB = await voucherBy(staffB, alloc.id);
    const last = await allocation();
    const vouchers = (k: keyof typeof subs) => after(k).filter((e) => e.model === "Voucher");
    for (const k of Object.keys(subs) as (keyof typeof subs)[]) {
      await subs[k].until((xs) => xs.slice(marks[k]).some((x) => x.modelSaved.recordId === (k === "staffVouchers" ? byStaffB.id : last.id)), `${k}: the last write`);
    }
    const seen = (k: keyof typeof subs) => after(k).map((e) => e.recordId);

    // Everyone with both models: the three writes, once each, in order.
    for (const k of ["staffA1", "staffA2", "staffB", "manager1", "manager2", "admin", "managerShort"] as const) {
      expect(seen(k), k).toEqual([byAdmin.id, byStaffB.id, last.id]);
    }
    // Variables: the filter of each subscriber holds.
    expect(seen("managerAllocations")).toEqual([last.id]);
    expect(seen("staffVouchers")).toEqual([byAdmin.id, byStaffB.id]);

    // Role: the password is for managers and up.
    for (const k of ["staffA1", "staffA2", "staffB", "staffVouchers"] as const) {
      expect(vouchers(k).map((e) => e.data.password), k).toEqual(["[hidden]", "[hidden]"]);
    }
    for (const k of ["manager1", "manager2", "admin", "managerShort"] as const) {
      expect(vouchers(k).map((e) => e.data.password), k).toEqual([byAdmin.password, byStaffB.password]);
    }
    // User: a contact field is for admins and the user themselves.
    const emails = (k: keyof typeof subs) => vouchers(k).map((e) => [e.actor?.username, e.actor?.email]);
    for (const k of ["staffA1", "staffA2", "manager1", "manager2", "staffVouchers"] as const) {
      expect(emails(k), k).toEqual([[admin.username, null], [staffB.username, null]]);
    }
    expect(emails("staffB")).toEqual([[admin.username, null], [staffB.username, staffB.email]]);
    expect(emails("admin")).toEqual([[admin.username, admin.email], [staffB.username, staffB.email]]);
    // Document: the shorter selection has no actor at all.
    for (const e of after("managerShort")) expect(e).not.toHaveProperty("actor");

    for (const w of Object.values(subs) as Watch<unknown>[]) {
      expect(w.errors).toEqual([]);
      w.stop();
    }
  });
});
