import { z } from "zod";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());

/** Every setting, from the environment, validated: a bad value stops start-up with a clear message. */
export const Config = z.object({
  /** Interface to listen on. Default: 127.0.0.1 while authentication is off (local use), all interfaces once MicrosoftAppId is set. */
  HOST: opt(z.string().min(1).max(255)),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("MultiTenant"),
  ),
  MicrosoftAppId: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string()),
  MicrosoftAppPassword: opt(z.string()),
  MicrosoftAppTenantId: opt(z.string()),
  STORAGE: z.preprocess(emptyToUndefined, z.enum(["lowdb", "memory", "blob"]).default("lowdb")),
  /** For STORAGE=blob: an Azure Storage connection string (Azurite: UseDevelopmentStorage=true;). */
  AZURE_STORAGE_CONNECTION_STRING: opt(z.string()),
  AZURE_STORAGE_CONTAINER: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
        "3–63 lower-case letters, digits and single hyphens",
      )
      .default("advisor-state"),
  ),
  /** Conversations idle for longer than this many days are deleted (0 = keep until deleted). */
  DATA_RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(3650).default(90)),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data")),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  CATALOGUE_OVERRIDES: opt(z.string()),
  /** The local web chat at GET / (on by default for local use; off by default once MicrosoftAppId is set). */
  WEBCHAT: opt(z.enum(["on", "off"])),
  /** All open web chats' transcripts together, in MB (least recently used chats are dropped beyond it). */
  WEBCHAT_MEMORY_MB: z.preprocess(emptyToUndefined, z.coerce.number().min(0.1).max(4096).default(64)),
  /** Connections held at once; more are refused. Keep it under the process's file limit (ulimit -n). */
  MAX_CONNECTIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(512)),
  /** Time for a whole request (headers within 5 s, then the body) to arrive: slower clients get 408. */
  REQUEST_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(600_000).default(10_000),
  ),
  /** Requests per minute per client on the REST API and on starting web chats. */
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(600),
  ),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const r = Config.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Bad configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const c = r.data;
  if (c.MicrosoftAppId && c.MicrosoftAppType !== "UserAssignedMSI" && !c.MicrosoftAppPassword)
    throw new ConfigError(
      "Bad configuration: MicrosoftAppPassword is required when MicrosoftAppId is set (SingleTenant or MultiTenant).",
    );
  if (c.MicrosoftAppId && c.MicrosoftAppType === "SingleTenant" && !c.MicrosoftAppTenantId)
    throw new ConfigError("Bad configuration: MicrosoftAppTenantId is required for a SingleTenant bot.");
  if (c.STORAGE === "blob" && !c.AZURE_STORAGE_CONNECTION_STRING)
    throw new ConfigError("Bad configuration: STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING.");
  return c;
}
