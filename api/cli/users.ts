// create-admin and reset-password: for the first login on a fresh install and for a locked-out
// owner. Passwords come from stdin (never the command line, which `ps` and shell history show)
// or are generated and printed once.
import type { Command } from "commander";
import { hashPassword } from "../core/passwords.js";
import { config, passwordFrom, withDb } from "./open.js";
import { CliError, usage } from "./exit.js";

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

function printPassword(username: string, p: { password: string; generated: boolean }) {
  if (p.generated) console.log(`Password for ${username}: ${p.password}\nWrite it down now: it is not shown again.`);
}

export function userCommands(program: Command): void {
  program
    .command("create-admin")
    .description("Create an admin user (the password is read from stdin with --password-stdin, else generated and printed)")
    .argument("<username>", "login name, 3-64 letters, digits, . _ -")
    .option("--password-stdin", "read the password from the first line of stdin")
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      if (!USERNAME.test(username)) throw usage(`"${username}" is not a valid username: use 3-64 letters, digits, dots, dashes or underscores`);
      const p = await passwordFrom(opts);
      await withDb(config(), async (db) => {
        if (await db.prisma.user.findUnique({ where: { username } })) throw new CliError(`A user named ${username} already exists: use reset-password to set a new password`);
        await db.prisma.user.create({ data: { username, role: "ADMIN", passwordHash: await hashPassword(p.password) } });
      });
      console.log(`Created admin ${username}.`);
      printPassword(username, p);
    });

  program
    .command("reset-password")
    .description("Set a new password for a user and log out all of their sessions")
    .argument("<username>", "the user's login name")
    .option("--password-stdin", "read the new password from the first line of stdin")
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const p = await passwordFrom(opts);
      const revoked = await withDb(config(), async (db) => {
        const user = await db.prisma.user.findUnique({ where: { username } });
        if (!user) throw new CliError(`There is no user named ${username}`);
        const passwordHash = await hashPassword(p.password);
        const [, sessions] = await db.prisma.$transaction([
          db.prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
          db.prisma.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } }),
        ]);
        return sessions.count;
      });
      console.log(`New password set for ${username}; ${revoked} open session${revoked === 1 ? "" : "s"} logged out.`);
      printPassword(username, p);
    });
}
