// Exit codes of every `chillzone` command, so scripts and systemd can tell outcomes apart.
export const EXIT = {
  OK: 0,
  /** The command ran and failed (a check found a problem, a record is missing, bad file content). */
  FAILED: 1,
  /** Bad arguments or options: nothing was done. */
  USAGE: 2,
  /** The command needs a part this version does not have (backups, router checks). */
  UNAVAILABLE: 3,
} as const;

/** Thrown by a command: printed as one line (no stack trace), then the process exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.FAILED,
  ) {
    super(message);
  }
}

export const usage = (message: string) => new CliError(message, EXIT.USAGE);
