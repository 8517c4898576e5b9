// Pothos maps (and validates) arguments before the scope-auth wrapper runs, so a caller
// without access would learn the input rules from BAD_USER_INPUT errors. This plugin puts
// the field's authScopes check in front of every argument mapper.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { forbidden, unauthenticated } from "./errors.js";

type ScopeCheck = (ctx: object) => Record<string, boolean>;
let scopesOf: ScopeCheck = () => ({});
export function setScopeSource(fn: ScopeCheck) {
  scopesOf = fn;
}

export class AuthFirstPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const declared = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    if (!declared || typeof declared !== "object" || !fieldConfig.argMappers?.length) return fieldConfig;
    const required = Object.entries(declared as Record<string, boolean>).filter(([, v]) => v).map(([k]) => k);
    return {
      ...fieldConfig,
      argMappers: [
        (args, ctx) => {
          const have = scopesOf(ctx as object);
          if (!required.some((k) => have[k])) throw (ctx as { viewer?: unknown }).viewer ? forbidden() : unauthenticated();
          return args;
        },
        ...fieldConfig.argMappers,
      ],
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      authFirst: AuthFirstPlugin<Types>;
    }
  }
}

const pluginName = "authFirst";
SchemaBuilder.registerPlugin(pluginName, AuthFirstPlugin);
export default pluginName;
