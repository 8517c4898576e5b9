// GraphQL Code Generator: typed documents for the UI (ui/src/lib/graphql/generated/).
// schema.graphql is the schema the server really serves (`npm run schema:print`), so the
// UI's documents are checked against it and nothing else.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
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
