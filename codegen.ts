// GraphQL Code Generator: typed documents for the UI (ui/src/lib/graphql/generated/).
// The served schema is printed to schema.graphql. While the server is still growing
// into the shared contract, the contract and the UI's list of agreed additions are
// merged in (a no-op once schema.graphql covers them). UI_CODEGEN_SERVED_ONLY=1
// checks the UI's documents against the served schema alone.
import { existsSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

const served = existsSync("schema.graphql") ? ["schema.graphql"] : [];
const agreed = existsSync("../shared/CONTRACT.graphql")
  ? ["../shared/CONTRACT.graphql", "ui/src/lib/graphql/contract-additions.graphql"]
  : [];
const schema = process.env.UI_CODEGEN_SERVED_ONLY === "1" ? served : [...served, ...agreed];

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
