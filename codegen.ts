// GraphQL Code Generator: typed documents for the UI (ui/src/lib/graphql/generated/).
// The served schema is printed to schema.graphql, so the UI's documents are checked
// against what the server really serves. Without it (a server still being written),
// the shared contract plus the UI's list of agreed additions stands in.
import { existsSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

const schema = existsSync("schema.graphql")
  ? "schema.graphql"
  : ["../shared/CONTRACT.graphql", "ui/src/lib/graphql/contract-additions.graphql"];

const config: CodegenConfig = {
  schema,
  documents: ["ui/src/**/*.{ts,svelte}", "!ui/src/lib/graphql/generated/**"],
  ignoreNoDocuments: true,
  generates: {
    "ui/src/lib/graphql/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { DateTime: "string", JSON: "unknown", File: "File" },
      },
    },
  },
};

export default config;
