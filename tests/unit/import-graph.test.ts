// The module boundaries, checked on the import graph of api/**/*.ts (see README "Layout"):
// - a module (api/modules/<name>/) imports its own files, api/core, api/db, api/events,
//   api/drivers, api/modules/common, and of another module only its public index.ts;
// - a module's index.ts never reaches (through its own imports) a file that registers
//   GraphQL types, so importing it never changes the schema; schema.ts is the one file that
//   does, and only api/schema.ts imports it;
// - common/ imports no domain module; core, db, events and drivers import no module at all;
// - every module folder has the same shape: README.md, index.ts, schema.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const api = path.join(root, "api");
const rel = (file: string) => path.relative(root, file);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

/** The api/ files a file imports (relative specifiers, ".js" written for ".ts"), with the line. */
function importsOf(file: string): { target: string; line: number }[] {
  const text = readFileSync(file, "utf8");
  const info = ts.preProcessFile(text, true, true);
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
  return info.importedFiles
    .filter((f) => f.fileName.startsWith("."))
    .map((f) => {
      const resolved = path.resolve(path.dirname(file), f.fileName);
      const target = resolved.endsWith(".js") ? `${resolved.slice(0, -3)}.ts` : existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, "index.ts");
      return { target, line: lineOf(f.pos) };
    })
    .filter((i) => i.target.startsWith(api + path.sep));
}

const files = sources(api);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const modulesDir = path.join(api, "modules");
const moduleNames = readdirSync(modulesDir).filter((n) => statSync(path.join(modulesDir, n)).isDirectory());
const domainModules = moduleNames.filter((n) => n !== "common");

/** "users" for api/modules/users/x.ts; null outside modules/. */
function moduleOf(file: string): string | null {
  const r = path.relative(modulesDir, file);
  return r.startsWith("..") ? null : r.split(path.sep)[0]!;
}
const layerOf = (file: string) => path.relative(api, file).split(path.sep)[0]!;
const registersTypes = (file: string) => (graph.get(file) ?? []).some((i) => i.target === path.join(api, "core", "builder.ts"));

/** Every rule the import graph breaks, one readable line each. */
function violations(): string[] {
  const out: string[] = [];
  for (const [file, imports] of graph) {
    const from = moduleOf(file);
    const layer = layerOf(file);
    for (const { target, line } of imports) {
      const at = `${rel(file)}:${line} imports ${rel(target)}`;
      const to = moduleOf(target);
      if (to === null) continue;
      const isIndex = path.relative(path.join(modulesDir, to), target) === "index.ts";
      const isSchema = path.relative(path.join(modulesDir, to), target) === "schema.ts";
      if (["core", "db", "events", "drivers"].includes(layer)) {
        out.push(`${at}: api/${layer} must not depend on modules (pass what it needs in, or move the code to api/${layer})`);
      } else if (from === to) {
        continue;
      } else if (to === "common") {
        continue;
      } else if (from === "common") {
        out.push(`${at}: modules/common must not depend on a domain module (move the shared code into common/)`);
      } else if (isSchema) {
        if (rel(file) !== path.join("api", "schema.ts")) out.push(`${at}: only api/schema.ts imports a module's schema.ts`);
      } else if (!isIndex) {
        out.push(`${at}: a file of another module; import from modules/${to}/index.ts, or move shared code to modules/common/`);
      }
    }
  }
  // A module's public index.ts must not register GraphQL types, directly or through its own files.
  for (const name of domainModules) {
    const index = path.join(modulesDir, name, "index.ts");
    const seen = new Set<string>();
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file) || moduleOf(file) !== name) return;
      seen.add(file);
      if (registersTypes(file)) out.push(`${[...chain, rel(file)].join(" -> ")}: a module's index.ts must not reach a file that registers GraphQL types (put it in schema.ts)`);
      for (const i of graph.get(file) ?? []) walk(i.target, [...chain, rel(file)]);
    };
    if (existsSync(index)) walk(index, []);
  }
  return out;
}

describe("module boundaries", () => {
  it("reads the import graph (a parser that found nothing would pass everything)", () => {
    expect(domainModules.length).toBeGreaterThan(5);
    const schemaImports = graph.get(path.join(api, "schema.ts"))!.map((i) => rel(i.target));
    expect(schemaImports).toContain(path.join("api", "core", "builder.ts"));
    expect([...graph.values()].reduce((n, i) => n + i.length, 0)).toBeGreaterThan(100);
  });

  it("no module imports another module's internals, and index.ts files register no schema types", () => {
    expect(violations(), "module boundary violations (see tests/unit/import-graph.test.ts for the rule)").toEqual([]);
  });

  it("every module folder has README.md, index.ts and schema.ts", () => {
    const missing = moduleNames.flatMap((name) =>
      (name === "common" ? ["README.md"] : ["README.md", "index.ts", "schema.ts"])
        .filter((f) => !existsSync(path.join(modulesDir, name, f)))
        .map((f) => `api/modules/${name}/${f}`),
    );
    expect(missing, "each module has the same shape (see README Layout)").toEqual([]);
  });

  it("api/schema.ts assembles the schema from every module's schema.ts", () => {
    const schemaImports = new Set(graph.get(path.join(api, "schema.ts"))!.map((i) => i.target));
    const absent = domainModules.filter((n) => !schemaImports.has(path.join(modulesDir, n, "schema.ts")));
    expect(absent, "modules whose schema.ts api/schema.ts does not import").toEqual([]);
  });
});
