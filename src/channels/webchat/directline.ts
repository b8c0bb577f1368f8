import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  type Activity,
  type ActivityHandler,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import { z } from "zod";
import { CardValue, issuesOf } from "../bot/activity.ts";

/** One web-chat conversation: its token, its user, and the activities so far (the watermark indexes them). */
interface LocalConversation {
  id: string;
  /** SHA-256 of the token: the key it is found by. */
  tokenHash: string;
  token: string;
  userId: string;
  activities: Partial<Activity>[];
  /** The size of `activities` as JSON (what a poll from watermark 0 would send). */
  bytes: number;
  started: boolean;
  lastSeen: number;
}

const MAX_ACTIVITIES = 1000;
/** A chat's transcript is at most this large (then 429: start a new one). */
export const MAX_CONVERSATION_BYTES = 1024 * 1024;
const IDLE_MS = 2 * 60 * 60 * 1000;
const MAX_CONVERSATIONS = 5000;
export const BOT_ID = "advisor-bot";

export interface LocalDirectLineOptions {
  now?: () => Date;
  /** All chats' transcripts together are at most this large: the least recently used chats go first. */
  maxBytes?: number;
}

/** What a client may post: a message, its text and card submit checked before anything keeps them. */
const Posted = z.looseObject({
  type: z.literal("message", { error: 'Only "message" activities can be posted.' }),
  text: z.string().optional(),
  value: CardValue.optional(),
  locale: z.string().max(64).optional(),
});

const sizeOf = (a: Partial<Activity>) => Buffer.byteLength(JSON.stringify(a));
const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Delivers the bot's replies into the local conversation log instead of a Bot Connector. The bot,
 * the turn function and the store are the same as on every other channel.
 */
class LocalAdapter extends BotAdapter {
  constructor(
    private readonly deliver: (conversationId: string, activities: Partial<Activity>[]) => string[],
    private readonly log: Logger,
  ) {
    super();
    this.onTurnError = async (context, error) => {
      const ref = randomUUID().slice(0, 8);
      this.log.error({ err: error, requestId: ref }, "web chat turn failed");
      await context.sendActivity(
        `Sorry, something went wrong on my side (reference ${ref}). Please try again.`,
      );
    };
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const ids = this.deliver(context.activity.conversation.id, activities);
    return ids.map((id) => ({ id }));
  }

  async updateActivity(): Promise<void> {
    throw new Error("The local web chat does not update activities.");
  }

  async deleteActivity(): Promise<void> {
    throw new Error("The local web chat does not delete activities.");
  }

  async continueConversation(
    _ref: Partial<ConversationReference>,
    _logic: (c: TurnContext) => Promise<void>,
  ): Promise<void> {
    throw new Error("The local web chat does not continue conversations.");
  }

  run(activity: Partial<Activity>, bot: ActivityHandler): Promise<void> {
    return this.runMiddleware(new TurnContext(this, activity), (context) => bot.run(context));
  }
}

function clientActivityIdOf(channelData: unknown): { clientActivityID?: string } {
  const id = (channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  return typeof id === "string" && id.length <= 200 ? { clientActivityID: id } : {};
}

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A local Direct Line 3.0 endpoint, enough for Web Chat's own client (polling, no WebSocket):
 * generate a token (which creates a conversation), start it, post activities, get activities from a
 * watermark. Each conversation has its own random token; conversation and user ids are made here, so a
 * client cannot pose as another channel or conversation. It calls the bot directly: /api/messages and
 * its authentication are not involved.
 */
export class LocalDirectLine {
  /** Least recently used first: a chat moves to the end whenever its token is used. */
  readonly #conversations = new Map<string, LocalConversation>();
  readonly #byTokenHash = new Map<string, LocalConversation>();
  readonly #adapter: LocalAdapter;
  readonly #now: () => Date;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(
    private readonly bot: ActivityHandler & { onDataDeleted?: (l: (a: Partial<Activity>) => void) => void },
    log: Logger,
    options: LocalDirectLineOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    // "Delete my data": the transcript held here goes too (ids stay, so watermarks keep working).
    bot.onDataDeleted?.((a) => {
      if (a.channelId === "webchat" && a.conversation?.id) this.#redact(a.conversation.id);
    });
    this.#adapter = new LocalAdapter(
      (id, activities) =>
        this.#append(
          id,
          activities.map((a) => this.#fromBot(id, a)),
        ),
      log,
    );
  }

  #fromBot(conversationId: string, a: Partial<Activity>): Partial<Activity> {
    return {
      ...a,
      channelId: "webchat",
      conversation: { id: conversationId } as Activity["conversation"],
      from: { id: BOT_ID, name: "Advisor", role: "bot" },
      timestamp: this.#now(),
    };
  }

  #append(conversationId: string, activities: Partial<Activity>[]): string[] {
    const c = this.#conversations.get(conversationId);
    if (!c) return activities.map(() => randomUUID());
    const ids = activities.map((a) => {
      const id = `${conversationId}|${String(c.activities.length).padStart(7, "0")}`;
      const stored = { ...a, id };
      const size = sizeOf(stored);
      c.activities.push(stored);
      c.bytes += size;
      this.#bytes += size;
      return id;
    });
    this.#shrinkTo(this.#maxBytes, c);
    return ids;
  }

  #drop(c: LocalConversation): void {
    this.#conversations.delete(c.id);
    this.#byTokenHash.delete(c.tokenHash);
    this.#bytes -= c.bytes;
  }

  /** Drop the least recently used chats (never `keep`) until all transcripts fit in `bytes`. */
  #shrinkTo(bytes: number, keep?: LocalConversation): void {
    for (const c of this.#conversations.values()) {
      if (this.#bytes <= bytes) return;
      if (c !== keep) this.#drop(c);
    }
  }

  #evict(): void {
    const cutoff = Date.now() - IDLE_MS;
    // Oldest first, so the idle ones are at the front; full: the least recently used goes.
    for (const c of this.#conversations.values()) {
      if (c.lastSeen >= cutoff && this.#conversations.size < MAX_CONVERSATIONS) break;
      this.#drop(c);
    }
  }

  /** POST /directline/tokens/generate: a new conversation, its token and its user id. */
  generate(): { conversationId: string; token: string; expires_in: number; userId: string } {
    this.#evict();
    const token = randomBytes(32).toString("base64url");
    const c: LocalConversation = {
      id: randomUUID(),
      token,
      tokenHash: hashOf(token),
      userId: `user-${randomUUID().slice(0, 8)}`,
      activities: [],
      bytes: 0,
      started: false,
      lastSeen: Date.now(),
    };
    this.#conversations.set(c.id, c);
    this.#byTokenHash.set(c.tokenHash, c);
    return { conversationId: c.id, token: c.token, expires_in: IDLE_MS / 1000, userId: c.userId };
  }

  /** The token's chat, found by the token's hash (one lookup, whatever the number of chats). */
  #byToken(authorization: string | undefined): LocalConversation {
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    if (!token)
      throw new DirectLineError(401, "A Direct Line token is required (POST /directline/tokens/generate).");
    const c = this.#byTokenHash.get(hashOf(token));
    if (!c) throw new DirectLineError(403, "Unknown or expired token.");
    c.lastSeen = Date.now();
    this.#conversations.delete(c.id);
    this.#conversations.set(c.id, c);
    return c;
  }
  #own(authorization: string | undefined, conversationId: string): LocalConversation {
    const c = this.#byToken(authorization);
    if (c.id !== conversationId) throw new DirectLineError(403, "This token is for another conversation.");
    return c;
  }

  /** POST /directline/conversations: start the token's conversation; the bot says hello. */
  async start(
    authorization: string | undefined,
  ): Promise<{ conversationId: string; token: string; expires_in: number }> {
    const c = this.#byToken(authorization);
    if (!c.started) {
      c.started = true;
      await this.#adapter.run(
        {
          type: "conversationUpdate",
          id: randomUUID(),
          channelId: "webchat",
          serviceUrl: "local",
          conversation: { id: c.id } as Activity["conversation"],
          from: { id: c.userId, name: "You", role: "user" },
          recipient: { id: BOT_ID, name: "Advisor" },
          membersAdded: [{ id: c.userId, name: "You" }],
          timestamp: this.#now(),
        },
        this.bot,
      );
    }
    return { conversationId: c.id, token: c.token, expires_in: IDLE_MS / 1000 };
  }

  /** POST /directline/conversations/:id/activities: echo the user's message, then run the bot. */
  async post(
    authorization: string | undefined,
    conversationId: string,
    body: unknown,
  ): Promise<{ id: string }> {
    const c = this.#own(authorization, conversationId);
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new DirectLineError(400, "The activity must be a JSON object.");
    const posted = Posted.safeParse(body);
    if (!posted.success) {
      const [first] = issuesOf(posted.error);
      throw new DirectLineError(
        400,
        first ? `${first.path || "activity"}: ${first.message}` : "Not an activity.",
      );
    }
    const incoming = posted.data as Partial<Activity>;
    if (c.activities.length >= MAX_ACTIVITIES || c.bytes >= MAX_CONVERSATION_BYTES)
      throw new DirectLineError(429, "This conversation is too long; start a new one.");
    const text = typeof incoming.text === "string" ? incoming.text.slice(0, 4000) : undefined;
    const activity: Partial<Activity> = {
      type: "message",
      ...(text !== undefined ? { text } : {}),
      ...(incoming.value !== undefined && incoming.value !== null ? { value: incoming.value } : {}),
      // Web Chat matches its own message by channelData.clientActivityID: echo that, keep nothing else.
      channelData: clientActivityIdOf(incoming.channelData),
      ...(typeof incoming.locale === "string" ? { locale: incoming.locale } : {}),
      channelId: "webchat",
      serviceUrl: "local",
      conversation: { id: c.id } as Activity["conversation"],
      from: { id: c.userId, name: "You", role: "user" },
      recipient: { id: BOT_ID, name: "Advisor" },
      timestamp: this.#now(),
    };
    const [id] = this.#append(c.id, [activity]);
    await this.#adapter.run({ ...activity, id }, this.bot);
    return { id: id ?? "" };
  }

  /** GET /directline/conversations/:id/activities?watermark=N */
  activities(
    authorization: string | undefined,
    conversationId: string,
    watermark: string | undefined,
  ): { activities: Partial<Activity>[]; watermark: string } {
    const c = this.#own(authorization, conversationId);
    const from = Math.max(0, Number.parseInt(watermark ?? "0", 10) || 0);
    return { activities: c.activities.slice(from), watermark: String(c.activities.length) };
  }

  /** Blank every activity so far, keeping ids and order; later replies are added as usual. */
  #redact(conversationId: string): void {
    const c = this.#conversations.get(conversationId);
    if (!c) return;
    c.activities = c.activities.map(
      (a) =>
        ({
          id: a.id,
          type: "event",
          name: "redacted",
          from: a.from,
          timestamp: a.timestamp,
        }) as Partial<Activity>,
    );
    const bytes = c.activities.reduce((n, a) => n + sizeOf(a), 0);
    this.#bytes += bytes - c.bytes;
    c.bytes = bytes;
  }

  /** The transcript as the endpoint would serve it (for tests). */
  transcript(conversationId: string): Partial<Activity>[] {
    return this.#conversations.get(conversationId)?.activities ?? [];
  }
}
