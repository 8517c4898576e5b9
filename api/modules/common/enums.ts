// GraphQL enums whose values come from the Prisma schema's enums (api/db/generated/enums.ts),
// so a value added to a table's column is served, and a value removed stops compiling where
// it was described, instead of a hand-copied list drifting from the database.
import { builder } from "../../core/builder.js";

type PrismaEnum = Record<string, string>;

/**
 * The GraphQL enum `name` with the Prisma enum's values, in the Prisma schema's order.
 * `values` may describe each value; it must name every one (a new database value needs words).
 */
export function enumFromPrisma<const E extends PrismaEnum>(
  name: string,
  prismaEnum: E,
  options: { description?: string; values?: Record<keyof E & string, string> } = {},
) {
  const values = Object.fromEntries(
    Object.keys(prismaEnum).map((key) => [key, { value: prismaEnum[key], description: options.values?.[key] }]),
  ) as { [K in keyof E & string]: { value: E[K]; description?: string } };
  return builder.enumType(name, { description: options.description, values });
}
