// Prints the served schema to schema.graphql (sorted), the file the UI's codegen and the
// contract check read. `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../api/schema.js";

const file = new URL("../schema.graphql", import.meta.url);
const printed = `${printSchema(schema)}\n`;
if (process.argv.includes("--check")) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current !== printed) {
    console.error("schema.graphql is stale: run `npm run schema:print`");
    process.exit(1);
  }
} else {
  writeFileSync(file, printed);
  console.log("wrote schema.graphql");
}
