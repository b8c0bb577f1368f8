import { type Activity, type ActivityHandler, CloudAdapter, type TurnContext } from "botbuilder";
import type { AuthenticateRequestResult } from "botframework-connector";
import type { Logger } from "pino";
import type restify from "restify";
import { ActivityShape, issuesOf } from "./activity.ts";

/**
 * botbuilder's CloudAdapter, with its two halves (authenticate a request; run an authenticated
 * activity through the bot) callable apart. Its own `process()` parses the body before it checks the
 * token (a body without `type` got 500, not 401) and prints rejected requests to the console.
 */
export class AdvisorAdapter extends CloudAdapter {
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  run(
    identity: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(identity, activity, logic);
  }
}

function repliesStayLocal(body: { deliveryMode?: unknown; serviceUrl?: unknown }): boolean {
  if (body.deliveryMode === "expectReplies") return true;
  try {
    const host = new URL(String(body.serviceUrl ?? "")).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

/** What authentication reads of an activity (the channel and service URL the token must be for). */
function claimsOf(body: unknown): Partial<Activity> {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  return {
    ...(typeof b.channelId === "string" ? { channelId: b.channelId } : {}),
    ...(typeof b.serviceUrl === "string" ? { serviceUrl: b.serviceUrl } : {}),
  };
}

/** Timestamps as the Bot Framework SDK hands them to bots (as its own `process()` does). */
function withDates(a: Activity): Activity {
  const raw = a as Activity & Record<string, unknown>;
  for (const field of ["timestamp", "expiration", "localTimestamp"] as const)
    if (typeof raw[field] === "string") {
      const rawField = `raw${field[0]?.toUpperCase()}${field.slice(1)}`;
      raw[rawField] = raw[field];
      raw[field] = new Date(raw[field] as string);
    }
  return a;
}

export interface MessagesDeps {
  adapter: AdvisorAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** MicrosoftAppId is set: every request needs a valid Bot Framework token. */
  authenticated: boolean;
}

/**
 * POST /api/messages. With authentication on, the token is checked first: an unauthenticated caller
 * gets 401 whatever the body, and learns nothing about it. Then the body must be an activity the bot
 * can read (400 naming the fields); with authentication off, replies may only go back in the
 * response or to this machine (the Emulator), never to an address a caller names (no request forgery).
 */
export function messagesEndpoint({ adapter, bot, log, authenticated }: MessagesDeps) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const authHeader = req.header("authorization") ?? "";
    let identity: AuthenticateRequestResult | undefined;
    if (authenticated) {
      try {
        identity = await adapter.authenticate(claimsOf(req.body), authHeader);
      } catch (err) {
        log.debug({ err, requestId: req.id() }, "request refused: not authenticated");
        res.send(401, { error: "A valid Bot Framework token is required." });
        return;
      }
    }
    const shape = ActivityShape.safeParse(req.body);
    if (!shape.success) {
      res.send(400, { error: "The body is not a Bot Framework activity.", issues: issuesOf(shape.error) });
      return;
    }
    if (!authenticated && !repliesStayLocal(shape.data)) {
      res.send(400, {
        error:
          'With authentication off, use deliveryMode "expectReplies" or a serviceUrl on this machine (localhost).',
      });
      return;
    }
    const activity = withDates(shape.data as unknown as Activity);
    try {
      identity ??= await adapter.authenticate(activity, "");
      const response = await adapter.run(identity, activity, (context) => {
        context.turnState.set("requestId", req.id());
        return bot.run(context);
      });
      if (response?.body !== undefined) res.send(response.status ?? 200, response.body);
      else res.send(response?.status ?? 200);
    } catch (err) {
      const requestId = req.id();
      log.error({ err, requestId }, "activity not processed");
      res.send(500, { error: `Something went wrong (reference ${requestId.slice(0, 8)}).` });
    }
  };
}
