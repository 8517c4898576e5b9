// Entry point: load configuration, build the app, start it, stop it cleanly on a signal.
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./core/config.js";
import { createLogger } from "./core/logger.js";

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger(config);
const app = await buildApp(config, { logger });
await app.start();

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // app.stop() keeps within SHUTDOWN_TIMEOUT_MS; past it something hangs: exit 1 so a
    // supervisor sees the stop was not clean.
    const force = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, "shutdown did not finish in time");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
