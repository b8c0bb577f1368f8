import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger, routeProcessOutput } from "./log.ts";
import { createApp } from "./server.ts";

try {
  // Settings from .env when there is one (see .env.example); the environment wins.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  // Libraries' console output and Node's warnings go through the logger too (LOG_LEVEL, redaction).
  routeProcessOutput(log);
  const started = performance.now();
  const app = await createApp(config, { log });
  const url = await app.listen();
  log.info(
    {
      url,
      storage: config.STORAGE,
      auth: config.MicrosoftAppId ? config.MicrosoftAppType : "off (local use)",
      ms: Math.round(performance.now() - started),
    },
    "learner advisor listening: POST /api/messages",
  );
  const stop = () => {
    log.info("shutting down");
    void app.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
