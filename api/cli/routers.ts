// check-router NAME: finds the router; talking to it needs RouterOS support, which the
// routers module does not have yet, so a known router exits UNAVAILABLE (3).
import type { Command } from "commander";
import { config, withDb } from "./open.js";
import { CliError, EXIT } from "./exit.js";

export function routerCommands(program: Command): void {
  program
    .command("check-router")
    .description("Check that a router is reachable and its hotspot is set up")
    .argument("<name>", "the router's name as shown on the Routers page")
    .action(async (name: string) => {
      const router = await withDb(config(), async (db) => {
        const r = await db.prisma.router.findUnique({ where: { name } });
        if (!r) {
          const known = (await db.prisma.router.findMany({ select: { name: true }, take: 20, orderBy: { name: "asc" } })).map((x) => x.name);
          throw new CliError(`There is no router named ${name}${known.length ? ` (routers: ${known.join(", ")})` : " (no routers are set up)"}`);
        }
        return r;
      });
      throw new CliError(
        `Router ${router.name} (${router.host}:${router.port}) is set up, but this version cannot connect to routers yet: checking it needs RouterOS support in the routers module.`,
        EXIT.UNAVAILABLE,
      );
    });
}
