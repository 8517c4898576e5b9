// Every database enum the API serves has exactly the database's values: the GraphQL enums
// are built from Prisma's (api/modules/common/enums.ts), and this catches a hand-copied
// list that drifts, or a database value the API cannot return.
import { readFileSync } from "node:fs";
import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import * as prismaEnums from "../../api/db/generated/enums.js";

// GraphQL names that differ from the table's enum name.
const servedAs: Record<string, string> = { OutboxChannel: "NotificationChannel", OutboxStatus: "NotificationStatus" };
// Database enums no field serves (internal to their module).
const internal = new Set(["VoucherSource", "JobStatus"]);

const schema = buildSchema(readFileSync("schema.graphql", "utf8"));

describe("GraphQL enums match the database's", () => {
  const entries = Object.entries(prismaEnums).filter(([, v]) => typeof v === "object") as [string, Record<string, string>][];

  it("finds the database enums", () => {
    expect(entries.length).toBeGreaterThanOrEqual(14);
  });

  for (const [name, values] of entries) {
    if (internal.has(name)) continue;
    it(`${name}`, () => {
      const type = schema.getType(servedAs[name] ?? name);
      expect(type, `no GraphQL enum for ${name}`).toBeInstanceOf(GraphQLEnumType);
      const served = (type as GraphQLEnumType).getValues().map((v) => v.name).sort();
      expect(served).toEqual(Object.values(values).sort());
    });
  }
});
