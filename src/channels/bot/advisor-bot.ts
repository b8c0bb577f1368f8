import {
  type Activity,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Storage,
  TeamsActivityHandler,
  TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import type { PersistedConversation, Turn, TurnInput, TurnResult } from "../../../dialogs/turn.ts";
import type { AdviceFacts, Choice, Reply } from "../../../dialogs/types.ts";
import { KeyedQueue } from "../../storage/keyed-queue.ts";
import { documentKey } from "../../storage/keys.ts";
import { isETagConflict } from "../../storage/lowdb-storage.ts";
import { adaptiveCard, sayAction, unitsFromPicker } from "./cards.ts";

/** What the bot keeps per conversation in the Storage. */
interface ConversationDoc {
  conversation: PersistedConversation;
  updatedAt: string;
  eTag?: string;
}

const MAX_ATTEMPTS = 5;

export interface BotDeps {
  turn: Turn;
  storage: Storage;
  log: Logger;
  now?: () => Date;
}

/** Told when a user's data has been deleted, so channels can drop what they hold too. */
export type DataDeletedListener = (activity: Partial<Activity>) => void;

/** Where a conversation's state is stored: distinct conversations never share a document (see keys.ts). */
export const conversationKey = (a: Partial<Activity>) =>
  documentKey(a.channelId ?? "unknown", "conversations", a.conversation?.id ?? "unknown");
export const userKey = (a: Partial<Activity>) =>
  documentKey(a.channelId ?? "unknown", "users", a.from?.id ?? "unknown");

/**
 * The advisor on Bot Framework channels (Teams-aware). Each turn reads the conversation's stored state,
 * runs the turn function, and writes the new state with its eTag before any reply is sent; if another
 * turn of the same conversation wrote first, the turn is run again on the newer state, so no change is
 * lost and no reply is sent twice.
 */
export class AdvisorBot extends TeamsActivityHandler {
  readonly #deps: BotDeps;
  readonly #queue = new KeyedQueue();
  readonly #deleted = new Set<DataDeletedListener>();

  onDataDeleted(listener: DataDeletedListener): void {
    this.#deleted.add(listener);
  }

  constructor(deps: BotDeps) {
    super();
    this.#deps = deps;
    this.onMessage(async (context, next) => {
      await this.#handle(context, this.#inputOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter(
        (m) => m.id !== context.activity.recipient?.id,
      );
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient?.id,
      );
      // Web Chat and the Emulator add the user; Teams adds the bot when it is installed.
      if (others.length || botAdded) await this.#handle(context, null, true);
      await next();
    });
  }

  #inputOf(context: TurnContext): TurnInput {
    const a = context.activity;
    let value = a.value;
    // The unit picker posts one field per group; the turn function takes one comma-separated list.
    if (
      value &&
      typeof value === "object" &&
      (value as { action?: unknown }).action === "checkUnits" &&
      !("units" in value)
    ) {
      const v = value as Record<string, unknown>;
      value = {
        action: "checkUnits",
        qualificationId: v.qualificationId,
        units: unitsFromPicker(v).join(","),
      };
    }
    // In Teams channels and group chats the message starts with the bot's @mention.
    const text = (TurnContext_removeMention(context) ?? a.text ?? "").trim();
    return text ? { text } : { value };
  }

  async #handle(context: TurnContext, input: TurnInput | null, welcome = false): Promise<void> {
    const key = conversationKey(context.activity);
    const { storage, turn, log } = this.#deps;
    const now = this.#deps.now ?? (() => new Date());
    const result = await this.#queue.run(key, async () => {
      for (let attempt = 1; ; attempt++) {
        const items = await storage.read([key]);
        const stored = items[key] as ConversationDoc | undefined;
        // A welcome for a conversation already under way says nothing.
        if (welcome && stored) return null;
        const r: TurnResult = turn(stored?.conversation ?? null, input, now());
        try {
          if (r.deleteData || !r.state) await storage.delete([key, userKey(context.activity)]);
          else
            await storage.write({
              [key]: {
                conversation: r.state,
                updatedAt: now().toISOString(),
                eTag: stored?.eTag ?? "",
              } satisfies ConversationDoc,
            });
          if (attempt > 1) log.info({ key: hash(key), attempt }, "turn retried after an eTag conflict");
          return r;
        } catch (e) {
          if (!isETagConflict(e) || attempt >= MAX_ATTEMPTS) throw e;
          log.debug({ key: hash(key), attempt }, "eTag conflict, running the turn again on the newer state");
        }
      }
    });
    if (!result) return;
    if (result.deleteData) for (const listener of this.#deleted) listener(context.activity);
    log.info(
      { state: result.stateName, replies: result.replies.length, startedOver: result.startedOver },
      "turn",
    );
    // A typing indicator means nothing when the replies come back together in the HTTP response.
    const typing = context.activity.deliveryMode !== "expectReplies";
    await context.sendActivities(
      toActivities(result.replies, result.advice, context.activity.channelId, typing),
    );
  }
}

/** The message text without the bot's own @mention (Teams channels and group chats). */
function TurnContext_removeMention(context: TurnContext): string | undefined {
  if (!context.activity.entities?.some((e) => e.type === "mention")) return context.activity.text;
  return TurnContext.removeRecipientMention(context.activity);
}

/** A short, non-reversible tag for logs: conversation ids are not logged in full. */
function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** The turn's replies as activities; every one carries the turn's facts in channelData.advice. */
/** Channels that render Adaptive Cards; elsewhere cards are sent as their text. */
const CARD_CHANNELS = new Set(["msteams", "webchat", "directline", "emulator"]);

export function toActivities(
  replies: Reply[],
  advice: AdviceFacts,
  channelId: string | undefined,
  typing = true,
): Partial<Activity>[] {
  const teams = channelId === "msteams";
  const cards = CARD_CHANNELS.has(channelId ?? "");
  const out: Partial<Activity>[] = typing ? [{ type: ActivityTypes.Typing }] : [];
  for (const r of replies) {
    let a: Partial<Activity>;
    const choices: Choice[] = r.kind === "choices" ? r.choices : r.kind === "card" ? (r.choices ?? []) : [];
    if (r.kind === "card" && !cards) {
      // The text fallback: the card's content in words, its buttons as suggested actions.
      a = MessageFactory.text(r.text);
      if (choices.length) a.suggestedActions = suggested(choices);
    } else if (r.kind === "card") {
      a = MessageFactory.attachment(
        CardFactory.adaptiveCard(adaptiveCard(r.card, teams && choices.length > 3 ? choices : [])),
      );
      a.text = undefined;
      // Channels without cards read the summary.
      a.summary = r.text.split("\n")[0];
      if (!(teams && choices.length > 3) && choices.length) a.suggestedActions = suggested(choices);
    } else if (r.kind === "choices" && teams && choices.length > 3) {
      // Teams shows at most three suggested actions: more choices go on a card's buttons.
      a = MessageFactory.attachment(
        CardFactory.adaptiveCard({
          type: "AdaptiveCard",
          version: "1.5",
          body: [{ type: "TextBlock", text: r.text, wrap: true }],
          actions: choices.map(sayAction),
        }),
      );
    } else {
      a = MessageFactory.text(r.text);
      if (choices.length) a.suggestedActions = suggested(choices);
    }
    a.channelData = { ...(a.channelData ?? {}), advice };
    out.push(a);
  }
  return out;
}

const suggested = (choices: Choice[]) => ({
  to: [],
  actions: choices.map((c) => ({ type: "imBack", title: c.label, value: c.value })),
});
