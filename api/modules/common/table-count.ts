// TableCount: rows per table, shared by backups (what a file holds) and restore (what came back).
import { builder } from "../../core/builder.js";

export type TableCount = { table: string; rows: number };

export const TableCountType = builder.objectRef<TableCount>("TableCount").implement({
  fields: (t) => ({ table: t.exposeString("table"), rows: t.exposeInt("rows") }),
});
