#!/usr/bin/env node
// `npx chillzone <command>` in the repository: the CLI's TypeScript source through tsx.
// The release folder runs the bundled server/cli.js through its ./chillzone script instead.
import { register } from "tsx/esm/api";

register();
await import("../api/cli/main.ts");
