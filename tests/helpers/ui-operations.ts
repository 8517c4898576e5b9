// The dashboard's real GraphQL operations, plucked from ui/src the way codegen finds them
// (graphql(`...`) and gql`...` in .ts and .svelte files), each with the fragments it uses.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gqlPluckFromCodeStringSync } from "@graphql-tools/graphql-tag-pluck";
import { Kind, parse, print, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return p.includes(`${path.sep}generated`) ? [] : files(p);
    return /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

export type UiOperation = { name: string; file: string; source: string };

export function uiOperations(root = "ui/src"): UiOperation[] {
  const operations: { op: OperationDefinitionNode; file: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files(root)) {
    const sources = gqlPluckFromCodeStringSync(file, readFileSync(file, "utf8"), { globalGqlIdentifierName: ["graphql", "gql"] });
    for (const s of sources) {
      for (const def of parse(s.body).definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
        else if (def.kind === Kind.OPERATION_DEFINITION) operations.push({ op: def, file });
      }
    }
  }
  return operations.map(({ op, file }) => {
    // The operation plus every fragment it reaches, as the client sends it.
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const f = fragments.get(spread.name.value);
          if (f && !used.has(f.name.value)) {
            used.set(f.name.value, f);
            collect(f);
          }
        },
      });
    collect(op);
    const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...used.values()] };
    return { name: op.name?.value ?? "unnamed", file, source: print(doc) };
  });
}
