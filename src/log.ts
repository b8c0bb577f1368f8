import { pino } from "pino";

/** Structured logs. Message text is personal data: it is never logged at info level. */
export function createLogger(level: string) {
  return pino({ level, base: { app: "learner-advisor" }, redact: ["text", "*.text", "value", "*.value"] });
}
export type { Logger } from "pino";
