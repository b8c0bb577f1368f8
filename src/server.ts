import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ConfigurationBotFrameworkAuthentication, MemoryStorage, type Storage } from "botbuilder";
import restify from "restify";
import { createTurn } from "../dialogs/turn.ts";
import { createServices } from "./advice/services.ts";
import { type Catalogue, loadCatalogue } from "./catalogue/load.ts";
import { AdvisorBot } from "./channels/bot/advisor-bot.ts";
import { AdvisorAdapter, messagesEndpoint } from "./channels/bot/endpoint.ts";
import { ReusingClientsAuthentication } from "./channels/bot/reuse-clients.ts";
import { AdvisorApi, type ApiResponse } from "./channels/rest/api.ts";
import { openApiDocument } from "./channels/rest/openapi.ts";
import { DirectLineError, LocalDirectLine } from "./channels/webchat/directline.ts";
import { WEBCHAT_PAGE } from "./channels/webchat/page.ts";
import type { Config } from "./config.ts";
import { jsonBody } from "./http/body.ts";
import { limitConnections } from "./http/connections.ts";
import { createLogger, type Logger } from "./log.ts";
import { loadSolver } from "./planner/solver.ts";
import { LowdbStorage } from "./storage/lowdb-storage.ts";
import { storeProbe } from "./storage/readiness.ts";
import { purgeIdleConversations } from "./storage/retention.ts";

export interface App {
  server: restify.Server;
  storage: Storage;
  catalogue: Catalogue;
  log: Logger;
  /** Listen on config.PORT (0 = a free port); resolves to the base URL. */
  listen(): Promise<string>;
  /** The latest retention purge (DATA_RETENTION_DAYS), for tests and shutdown. */
  retention(): Promise<unknown>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Today's date and time (tests fix it). */
  now?: () => Date;
  log?: Logger;
  storage?: Storage;
}

/** Request bodies: JSON only, at most 64 KB, nested at most 64 levels. */
const BODY_LIMITS = { maxBytes: 64 * 1024, maxDepth: 64 };
/** /readyz writes to the store at most once a second, whoever asks. */
const READINESS_INTERVAL_MS = 1000;

/** Wiring only: configuration → catalogue, solver, store, bot, REST API, HTTP routes. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const now = options.now ?? (() => new Date());
  const catalogue = loadCatalogue({ overridesDir: config.CATALOGUE_OVERRIDES });
  const solver = await loadSolver();
  const storage: Storage =
    options.storage ??
    (config.STORAGE === "memory"
      ? new MemoryStorage()
      : config.STORAGE === "blob"
        ? // Loaded only when used: the Azure libraries are ~18 MB of memory a lowdb server does not need.
          new (await import("botbuilder-azure-blobs")).BlobsStorage(
            config.AZURE_STORAGE_CONNECTION_STRING ?? "",
            config.AZURE_STORAGE_CONTAINER,
          )
        : new LowdbStorage(join(config.DATA_DIR, "state"), (info) =>
            log.warn(
              { file: info.file, movedTo: info.movedTo, problem: info.problem },
              "corrupt stored document moved aside; that conversation starts over",
            ),
          ));
  // One domain for the conversation and the REST API: they share its caches.
  const services = createServices(catalogue, solver);
  const turn = createTurn(services);
  const bot = new AdvisorBot({ turn, storage, log, now });
  const api = new AdvisorApi(services, now);

  // botbuilder's authentication, with the clients it builds for every turn reused (see reuse-clients.ts).
  const auth = new ReusingClientsAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
    }),
  );
  const adapter = new AdvisorAdapter(auth);
  const authenticated = Boolean(config.MicrosoftAppId);
  adapter.onTurnError = async (context, error) => {
    const requestId = (context.turnState.get("requestId") as string | undefined) ?? randomUUID();
    log.error({ err: error, requestId }, "turn failed");
    // The stored state is only written after a turn succeeds, so it stays as it was.
    await context
      .sendActivity(
        `Sorry, something went wrong on my side (reference ${requestId.slice(0, 8)}). Please try again.`,
      )
      .catch(() => {});
  };

  // restify logs through the app's logger: LOG_LEVEL and the redaction apply to its lines too.
  const server = restify.createServer({
    name: "learner-advisor",
    handleUncaughtExceptions: false,
    // restify 11 logs with pino; its type definitions (8.x) still name bunyan's Logger.
    log: log.child({ component: "http" }) as unknown as restify.ServerOptions["log"],
  });
  limitConnections(server.server, {
    maxConnections: config.MAX_CONNECTIONS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });
  server.pre(restify.plugins.pre.context());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Per-client rate limit on the REST API and on starting web chats. Not on /api/messages (Bot
  // Framework traffic comes from a few connector addresses and is authenticated) nor on Web Chat's
  // polling (two requests a second per open chat). By the route the router matched, so a
  // percent-encoded path (/%61pi/check) is limited like the plain one.
  const throttle = restify.plugins.throttle({
    burst: config.RATE_LIMIT_PER_MINUTE,
    rate: config.RATE_LIMIT_PER_MINUTE / 60,
    ip: true,
  });
  server.use((req: restify.Request, res: restify.Response, next: restify.Next) => {
    const route = String(req.getRoute()?.path ?? "");
    if ((route.startsWith("/api/") && route !== "/api/messages") || route === "/directline/tokens/generate")
      return throttle(req, res, next);
    return next();
  });
  // With authentication on, a request to /api/messages without a token is refused before its body is read.
  server.use((req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (authenticated && req.getRoute()?.path === "/api/messages" && !req.header("authorization")) {
      res.send(401, { error: "A valid Bot Framework token is required." });
      return next(false);
    }
    return next();
  });
  server.use(jsonBody(BODY_LIMITS));
  // Errors restify raises (throttled, no such route or method) in the API's error shape.
  server.on(
    "restifyError",
    (
      _req: restify.Request,
      _res: restify.Response,
      err: Error & { toJSON?: () => unknown; body?: unknown },
      cb: () => void,
    ) => {
      err.toJSON = () => ({ error: err.message || err.name });
      cb();
    },
  );
  server.on("after", (req: restify.Request, res: restify.Response) => {
    if (!log.isLevelEnabled("info")) return;
    log.info(
      {
        method: req.method,
        // The route, not the path: conversation ids are not logged.
        route: String(req.getRoute()?.path ?? "(no route)"),
        status: res.statusCode,
        ms: Date.now() - (req.time?.() ?? Date.now()),
      },
      "request",
    );
  });

  server.post("/api/messages", messagesEndpoint({ adapter, bot, log, authenticated }));

  const send = (res: restify.Response, r: ApiResponse) => {
    res.send(r.status, r.body);
  };
  const guarded =
    (f: (req: restify.Request) => ApiResponse) => async (req: restify.Request, res: restify.Response) => {
      try {
        send(res, f(req));
      } catch (err) {
        const requestId = req.id();
        log.error({ err, requestId }, "API request failed");
        send(res, {
          status: 500,
          body: { error: `Something went wrong (reference ${requestId.slice(0, 8)}).` },
        });
      }
    };
  server.get(
    "/api/qualifications",
    guarded(() => api.qualifications()),
  );
  server.get(
    "/api/qualifications/:id",
    guarded((req) => api.qualification(String(req.params.id))),
  );
  server.post(
    "/api/check",
    guarded((req) => api.check(req.body)),
  );
  server.post(
    "/api/plan",
    guarded((req) => api.plan(req.body)),
  );
  server.post(
    "/api/recommend",
    guarded((req) => api.recommend(req.body)),
  );
  server.get(
    "/api/progression/:id",
    guarded((req) => {
      const have =
        typeof req.query?.have === "string"
          ? req.query.have
              .split(",")
              .map((s: string) => s.trim())
              .filter(Boolean)
          : [];
      return api.progression(String(req.params.id), have);
    }),
  );
  server.get("/api/openapi.json", async (_req: restify.Request, res: restify.Response) => {
    res.send(200, openApiDocument);
  });
  server.get("/healthz", async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: "alive" });
  });
  const storeWritable = storeProbe(storage, READINESS_INTERVAL_MS, (err) =>
    log.error({ err }, "store not writable"),
  );
  server.get("/readyz", async (_req: restify.Request, res: restify.Response) => {
    const checks = { catalogue: catalogue.entries.size > 0, store: await storeWritable() };
    res.send(checks.catalogue && checks.store ? 200 : 503, {
      ready: checks.catalogue && checks.store,
      checks,
    });
  });

  // The local web chat: Web Chat's bundle from npm (never a CDN) on a local Direct Line endpoint.
  const webchat = config.WEBCHAT === "on" || (config.WEBCHAT === undefined && !config.MicrosoftAppId);
  if (webchat) {
    const directLine = new LocalDirectLine(bot, log, {
      now,
      maxBytes: config.WEBCHAT_MEMORY_MB * 1024 * 1024,
    });
    // The package exports only its modules; the browser bundle sits beside them in dist/.
    const bundle = join(
      dirname(createRequire(import.meta.url).resolve("botframework-webchat")),
      "..",
      "dist",
      "webchat.js",
    );
    server.get("/", async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(WEBCHAT_PAGE);
    });
    server.get("/webchat/webchat.js", async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, {
        "content-type": "application/javascript; charset=utf-8",
        "cache-control": "public, max-age=86400",
      });
      await new Promise<void>((resolve) => createReadStream(bundle).on("close", resolve).pipe(res));
    });
    const dl =
      (f: (req: restify.Request) => Promise<unknown> | unknown) =>
      async (req: restify.Request, res: restify.Response) => {
        try {
          res.send(200, await f(req));
        } catch (err) {
          if (err instanceof DirectLineError)
            res.send(err.status, { error: { code: String(err.status), message: err.message } });
          else {
            log.error({ err, requestId: req.id() }, "web chat request failed");
            res.send(500, { error: { code: "500", message: "Something went wrong." } });
          }
        }
      };
    server.post(
      "/directline/tokens/generate",
      dl(() => directLine.generate()),
    );
    server.post(
      "/directline/conversations",
      dl((req) => directLine.start(req.header("authorization"))),
    );
    server.post(
      "/directline/conversations/:id/activities",
      dl((req) => directLine.post(req.header("authorization"), String(req.params.id), req.body)),
    );
    server.get(
      "/directline/conversations/:id/activities",
      dl((req) =>
        directLine.activities(
          req.header("authorization"),
          String(req.params.id),
          typeof req.query?.watermark === "string" ? req.query.watermark : undefined,
        ),
      ),
    );
  }

  // Privacy: conversations idle for longer than DATA_RETENTION_DAYS are deleted, at start and hourly.
  let retentionTimer: NodeJS.Timeout | undefined;
  let purging: Promise<unknown> = Promise.resolve();
  if (config.DATA_RETENTION_DAYS > 0) {
    const target = {
      storage,
      ...(config.STORAGE === "blob" && config.AZURE_STORAGE_CONNECTION_STRING
        ? {
            blob: {
              connectionString: config.AZURE_STORAGE_CONNECTION_STRING,
              container: config.AZURE_STORAGE_CONTAINER,
            },
          }
        : {}),
    };
    const purge = () => {
      const cutoff = new Date(now().getTime() - config.DATA_RETENTION_DAYS * 86_400_000);
      purging = purgeIdleConversations(target, cutoff)
        .then((n) => log.info({ purged: n, days: config.DATA_RETENTION_DAYS }, "idle conversations deleted"))
        .catch((err) => log.error({ err }, "retention purge failed"));
    };
    purge();
    retentionTimer = setInterval(purge, 3_600_000);
    retentionTimer.unref();
  }

  return {
    server,
    storage,
    catalogue,
    log,
    listen: () =>
      new Promise((resolve) => {
        // With authentication off, anyone who reaches the port can drive the bot: local use only,
        // unless HOST says otherwise.
        const host = config.HOST ?? (config.MicrosoftAppId ? "0.0.0.0" : "127.0.0.1");
        server.listen(config.PORT, host, () =>
          resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
        );
      }),
    retention: () => purging,
    close: async () => {
      if (retentionTimer) clearInterval(retentionTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // What the lowdb journal holds goes to the conversations' files.
      if (storage instanceof LowdbStorage) await storage.close();
    },
  };
}
