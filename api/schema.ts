// Assembles the schema: every module registers its types on the builder by import.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./core/builder.js";
import "./core/scalars.js";
import "./modules/users/index.js";
import "./modules/allocations/index.js";
import "./modules/logs/index.js";
import "./modules/vouchers/index.js";
import "./modules/transactions/index.js";
import "./modules/sales/index.js";
import "./modules/routers/index.js";
import "./modules/refunds/index.js";

export const schema = lexicographicSortSchema(builder.toSchema());
