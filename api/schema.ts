// Assembles the schema: every module registers its types on the builder in its schema.ts.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./core/builder.js";
import "./core/scalars.js";
import "./modules/users/schema.js";
import "./modules/allocations/schema.js";
import "./modules/logs/schema.js";
import "./modules/vouchers/schema.js";
import "./modules/transactions/schema.js";
import "./modules/notifications/schema.js";
import "./modules/sales/schema.js";
import "./modules/routers/schema.js";
import "./modules/refunds/schema.js";
import "./modules/backups/schema.js";
import "./modules/dashboard/schema.js";
import "./modules/restore/schema.js";
import "./modules/settings/schema.js";
import "./journal/schema.js";

export const schema = lexicographicSortSchema(builder.toSchema());
