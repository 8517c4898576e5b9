// Prisma CLI configuration. The CLI runs offline through the better-sqlite3 driver
// adapter and Prisma 6.19's WebAssembly schema engine (see ../shared/TOOLCHAIN.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// The engine sends whole migration files through executeRaw, which better-sqlite3
// runs with prepare() and so rejects multi-statement SQL: route those to executeScript.
function scriptAware(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = `file:${process.env.PRISMA_CLI_DB ?? "./data/cli.db"}`;
    const factory = new PrismaBetterSQLite3({ url });
    return {
      ...factory,
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => scriptAware(await factory.connect()),
      connectToShadowDb: async () => scriptAware(await factory.connectToShadowDb()),
    };
  },
});
