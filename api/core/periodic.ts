// A background job that runs every `intervalMs`, or sooner when kicked, one run at a time:
// a kick during a run schedules one more run right after it. Runs happen in a system
// request scope, so the change log names the job as the actor. stop() waits for the run.
import type { Logger } from "pino";
import { runInScope } from "../db/request-context.js";

export type PeriodicJob = { kick(): void; stop(): Promise<void> };

export function periodicJob(opts: {
  label: string;
  intervalMs: number;
  logger: Logger;
  run(isStopped: () => boolean): Promise<unknown>;
}): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const isStopped = () => stopped;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, opts.intervalMs);
    timer.unref();
  };
  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = runInScope({ actor: { kind: "system", label: opts.label }, requestId: null }, () => opts.run(isStopped))
      .then(
        () => undefined,
        (err) => opts.logger.error({ err }, `${opts.label} run failed`),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        } else schedule();
      });
  }

  schedule();
  return {
    kick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
