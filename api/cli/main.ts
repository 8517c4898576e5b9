// `chillzone <command>`: the operator's command line (`npx chillzone` in the repository,
// `./chillzone` in the release). Configuration comes from the same environment variables as
// the server (DATA_DIR above all). Exit codes: api/cli/exit.ts.
import { Command, CommanderError } from "commander";
import { backupCommands } from "./backups.js";
import { doctorCommand } from "./doctor.js";
import { CliError, EXIT } from "./exit.js";
import { migrateCommand } from "./migrate.js";
import { routerCommands } from "./routers.js";
import { userCommands } from "./users.js";
import { voucherCommands } from "./vouchers.js";

export function buildProgram(): Command {
  const program = new Command("chillzone")
    .description("Chillzone operations. Settings come from the environment (DATA_DIR, REDIS_URL, ...) as for the server.")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  userCommands(program);
  migrateCommand(program);
  voucherCommands(program);
  doctorCommand(program);
  routerCommands(program);
  backupCommands(program);
  // Every subcommand reports through exitOverride too, so a bad argument anywhere exits USAGE.
  const walk = (c: Command) => c.commands.forEach((s) => (s.exitOverride().showHelpAfterError("(run with --help for usage)"), walk(s)));
  walk(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    process.exitCode = err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else if (err instanceof CliError) {
    console.error(err.message);
    process.exitCode = err.code;
  } else {
    console.error(err);
    process.exitCode = EXIT.FAILED;
  }
}
