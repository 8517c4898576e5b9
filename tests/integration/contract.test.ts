// The served schema must stay a superset of ../shared/CONTRACT.graphql. What it does not
// serve yet is listed in tests/contract-pending.txt; the list may only shrink: an item
// that is no longer reported fails the test too, so it gets deleted from the list.
import { readFileSync, existsSync } from "node:fs";
import { buildSchema, findBreakingChanges, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../api/schema.js";
import { missing } from "../helpers/external.js";

const contractFile = new URL("../../../shared/CONTRACT.graphql", import.meta.url);
const pendingFile = new URL("../contract-pending.txt", import.meta.url);

function pendingItems(): string[] {
  return readFileSync(pendingFile, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

describe("schema", () => {
  it("schema.graphql is the printed schema (run `npm run schema:print`)", () => {
    expect(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8")).toBe(`${printSchema(schema)}\n`);
  });

  const skip = missing("../shared/CONTRACT.graphql", existsSync(contractFile));
  it.skipIf(skip)("differs from the contract only by the pending items", () => {
    const contract = buildSchema(readFileSync(contractFile, "utf8"));
    const reported = findBreakingChanges(contract, schema).map((c) => c.description).sort();
    const pending = pendingItems().sort();
    const unlisted = reported.filter((r) => !pending.includes(r));
    const fixed = pending.filter((p) => !reported.includes(p));
    expect(unlisted, "breaking changes not in tests/contract-pending.txt").toEqual([]);
    expect(fixed, "pending items that are done: delete them from tests/contract-pending.txt").toEqual([]);
  });
});
