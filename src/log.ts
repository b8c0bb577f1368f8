import { format } from "node:util";
import { type Logger, pino } from "pino";

/** A bearer token in free text (an error message, a library's console line) is blanked. */
const BEARER = /\b(bearer\s+)[\w.~+/=-]+/gi;
const scrub = (s: string) => s.replace(BEARER, "$1[redacted]");

/**
 * A request as logged: what was asked (the route matched, never the raw path, which holds ids), never
 * its headers (Authorization carries the web chat's or the Bot Framework's token) nor its body.
 */
function requestSerializer(req: unknown): unknown {
  const r = req as { method?: string; getRoute?: () => { path?: unknown } | undefined; id?: () => string };
  if (!r || typeof r !== "object") return r;
  return {
    method: r.method,
    route: String(r.getRoute?.()?.path ?? "(no route)"),
    ...(typeof r.id === "function" ? { requestId: r.id() } : {}),
  };
}

/** An error as logged: its kind, message, codes and stack; not the request or response it may carry. */
function errorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.name,
    message: scrub(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    ...(e.stack ? { stack: scrub(e.stack) } : {}),
  };
}

/**
 * Structured logs. Message text and card values are personal data: never logged (redacted). Every
 * line of the process goes through this logger (restify's own logging included, see server.ts;
 * the console and Node's warnings, see `routeProcessOutput`), so LOG_LEVEL and the redaction hold for
 * all of them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "learner-advisor" },
    redact: [
      "text",
      "*.text",
      "value",
      "*.value",
      "token",
      "*.token",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
    ],
    serializers: { req: requestSerializer, err: errorSerializer, error: errorSerializer },
  });
}

/**
 * Libraries that print to the console (botbuilder's authentication does) and Node's own warnings
 * (restify's DEP0111) go through the logger, at its level, with bearer tokens blanked: nothing is
 * printed beside it. For the server process only (tests keep their console).
 */
export function routeProcessOutput(log: Logger): void {
  const child = log.child({ source: "console" });
  const to =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](scrub(format(...args)));
    };
  console.debug = to("debug");
  console.trace = to("debug");
  console.log = to("info");
  console.info = to("info");
  console.warn = to("warn");
  console.error = to("error");
  process.removeAllListeners("warning");
  // Deprecations are the libraries' business (restify's DEP0111 is harmless): debug; others: warn.
  process.on("warning", (w: Error & { code?: string }) =>
    log[w.name === "DeprecationWarning" ? "debug" : "warn"](
      { source: "node", code: w.code, type: w.name },
      scrub(w.message),
    ),
  );
}

export type { Logger } from "pino";
