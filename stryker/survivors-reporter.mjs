// A Stryker reporter plugin ("survivors"): appends every mutant that survived or had no
// coverage to reports/mutation/<name>.survivors.txt as soon as it is tested, so a long run's
// survivors can be studied (and tests written) while it goes on. Usage in a config:
// plugins: [..., "./stryker/survivors-reporter.mjs"], reporters: [..., "survivors"].
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PluginKind, commonTokens, declareFactoryPlugin } from "@stryker-mutator/api/plugin";

function survivorsReporter(options) {
  const file = options.jsonReporter.fileName.replace(/\.json$/, ".survivors.txt");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  return {
    onMutantTested(m) {
      if (m.status !== "Survived" && m.status !== "NoCoverage") return;
      const l = m.location.start;
      appendFileSync(file, `${m.status} #${m.id} ${m.fileName}:${l.line}:${l.column + 1} ${m.mutatorName}: ${m.replacement ?? ""}`.replace(/\s+/g, " ") + "\n");
    },
  };
}
survivorsReporter.inject = [commonTokens.options];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Reporter, "survivors", survivorsReporter)];
