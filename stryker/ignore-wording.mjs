// A Stryker ignorer plugin (in a config: `plugins: [..., "./ignore-wording.mjs"]`,
// `ignorers: ["wording"]`): leaves out mutants inside activity-log and server-log calls
// (`services.log.write({...})`, `….logger.warn(...)`) and inside the message argument of the
// API's error helpers (badInput, conflict, forbidden, notFound). They change words staff read,
// not what happens to money or to the journal, and were more than a third of the refunds
// run's mutants (and its time). What this leaves untested is written up in MUTATION.md.
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const ERROR_HELPERS = new Set(["badInput", "conflict", "forbidden", "notFound"]);
const LOGGERS = new Set(["log", "logger"]);
const LOG_METHODS = new Set(["write", "trace", "debug", "info", "warn", "error", "fatal"]);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "wording", {
    shouldIgnore(path) {
      let child = path;
      for (let p = path.parentPath; p; child = p, p = p.parentPath) {
        if (!p.isCallExpression()) continue;
        const callee = p.node.callee;
        if (
          callee.type === "MemberExpression" && callee.property.type === "Identifier" && LOG_METHODS.has(callee.property.name) &&
          callee.object.type === "MemberExpression" && callee.object.property.type === "Identifier" && LOGGERS.has(callee.object.property.name)
        ) {
          return "Log entry wording and data (see MUTATION.md)";
        }
        if (callee.type === "Identifier" && ERROR_HELPERS.has(callee.name) && child.node === p.node.arguments[0]) {
          return "Error message wording (see MUTATION.md)";
        }
      }
      return undefined;
    },
  }),
];
