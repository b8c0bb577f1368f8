import { createActor, type SnapshotFrom } from "xstate";
import { type AdvisorServices, servicesOf } from "../src/advice/services.ts";
import type { Catalogue } from "../src/catalogue/load.ts";
import type { MilpSolver } from "../src/planner/solver.ts";
import { currentFacts } from "./actions.ts";
import { followUps, type TurnInput, toEvent } from "./events.ts";
import { type AdvisorMachine, createAdvisorMachine, MACHINE_VERSION } from "./machine.ts";
import type { AdviceFacts, Locale, Reply, TurnFacts } from "./types.ts";

export type { TurnInput } from "./events.ts";

/** What a store keeps for a conversation: the machine's persisted snapshot and the machine's version. */
export interface PersistedConversation {
  version: number;
  snapshot: unknown;
}

export interface TurnResult {
  /** To store for the next turn; null after "delete my data" (the caller deletes what it stored). */
  state: PersistedConversation | null;
  replies: Reply[];
  advice: AdviceFacts;
  /** The user asked for their data to be deleted and confirmed. */
  deleteData: boolean;
  /** Why the conversation started over, when a stored one could not be used. */
  startedOver: "version" | "corrupt" | null;
  /** The machine's state after the turn, e.g. "gathering.role" (for logs and tests). */
  stateName: string;
}

export type Turn = (
  stored: PersistedConversation | null | undefined,
  input: TurnInput | null,
  now: Date,
) => TurnResult;

// What a stored conversation must look like to be restored. Checked by hand on every turn (it is on
// the hot path; a schema library cost 7% of a turn here).
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const isStrings = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === "string");

function readStored(stored: unknown): { version: number; snapshot: Record<string, unknown> } | undefined {
  if (!isObject(stored) || typeof stored.version !== "number" || !isObject(stored.snapshot)) return undefined;
  const snap = stored.snapshot;
  if (
    snap.status !== "active" ||
    !(typeof snap.value === "string" || isObject(snap.value)) ||
    !isObject(snap.context)
  )
    return undefined;
  return { version: stored.version, snapshot: snap };
}

// The context fields a restored snapshot must have, with the right shape, to be used.
function contextUsable(c: Record<string, unknown>): boolean {
  return (
    c.locale === "en" &&
    typeof c.today === "string" &&
    Array.isArray(c.history) &&
    isStrings(c.skipped) &&
    isStrings(c.qualificationsHeld) &&
    Array.isArray(c.heldUnits) &&
    c.heldUnits.every((h) => isObject(h) && isStrings(h.units)) &&
    Array.isArray(c.prompt) &&
    typeof c.misses === "number" &&
    isObject(c.shown)
  );
}

/**
 * The question a stored conversation is waiting on (with its choices), to show again when someone comes
 * back to it: a terminal resumed with --session, so "2" picks what it showed. Empty when unknown.
 */
export function pendingPrompt(stored: PersistedConversation | null | undefined): Reply[] {
  const p = stored ? readStored(stored) : undefined;
  const prompt = p && isObject(p.snapshot.context) ? p.snapshot.context.prompt : undefined;
  return Array.isArray(prompt)
    ? prompt.filter(
        (r): r is Reply =>
          isObject(r) &&
          typeof r.text === "string" &&
          (r.kind === "text" || (r.kind === "choices" && Array.isArray(r.choices))),
      )
    : [];
}

export const stateName = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}.${stateName(v)}`)
        .join(",");

function knownStates(machine: AdvisorMachine): Set<string> {
  const names = new Set<string>();
  const walk = (node: { key: string; states: Record<string, unknown> }, prefix: string) => {
    const children = Object.values(node.states) as { key: string; states: Record<string, unknown> }[];
    if (!children.length) names.add(prefix);
    for (const child of children) walk(child, prefix ? `${prefix}.${child.key}` : child.key);
  };
  walk(machine.root as unknown as { key: string; states: Record<string, unknown> }, "");
  return names;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The conversation as a plain function: (stored state | none, input, now) → (state, replies). The
 * same function drives the terminal chat, the bot, the REST API and the tests. `input` null means the
 * conversation has just opened (the bot speaks first). It only restores the conversation, sends it the
 * message as an event, collects what the machine emits, and saves it: what to say is the machine's.
 */
export function createTurn(
  given: AdvisorServices | { catalogue: Catalogue; solver: MilpSolver },
  locale: Locale = "en",
): Turn {
  const services = servicesOf(given);
  const machine = createAdvisorMachine(services);
  const states = knownStates(machine);

  const fresh = (now: Date) => createActor(machine, { input: { locale, today: today(now) } });

  function restore(stored: PersistedConversation | null | undefined, now: Date) {
    if (stored === null || stored === undefined) return { actor: fresh(now), startedOver: null };
    const p = readStored(stored);
    if (!p) return { actor: fresh(now), startedOver: "corrupt" as const };
    if (p.version !== MACHINE_VERSION) return { actor: fresh(now), startedOver: "version" as const };
    const snap = p.snapshot;
    if (!contextUsable(snap.context as Record<string, unknown>) || !states.has(stateName(snap.value)))
      return { actor: fresh(now), startedOver: "corrupt" as const };
    try {
      const actor = createActor(machine, {
        snapshot: snap as unknown as SnapshotFrom<AdvisorMachine>,
        input: { locale, today: today(now) },
      });
      return { actor, startedOver: null };
    } catch {
      return { actor: fresh(now), startedOver: "corrupt" as const };
    }
  }

  return (stored, input, now) => {
    let { actor, startedOver } = restore(stored, now);
    // What the machine emits while it runs this turn: its replies, in order, and the advice they rest on.
    const replies: Reply[] = [];
    let facts: TurnFacts = {};
    let deleteData = false;
    const collect = (a: ReturnType<typeof fresh>) => {
      a.on("reply", (e) => replies.push(e.reply));
      a.on("advice", (e) => {
        facts = { ...facts, ...e.facts };
      });
      a.on("dataDeleted", () => {
        deleteData = true;
      });
    };
    collect(actor);
    try {
      actor.start();
      if (actor.getSnapshot().status !== "active") throw new Error("restored conversation is not active");
    } catch {
      actor = fresh(now);
      collect(actor);
      actor.start();
      startedOver = "corrupt";
    }
    actor.send({ type: "CLOCK", today: today(now) });
    if (startedOver) actor.send({ type: "STARTED_OVER", why: startedOver });
    const before = actor.getSnapshot().context;
    const day = new Date(`${today(now)}T12:00:00Z`);
    const first = input ? toEvent(input, before, services, day) : ({ type: "START" } as const);
    actor.send(first);
    // A second question in the same message is answered too, after the first.
    const more =
      input && actor.getSnapshot().status === "active"
        ? followUps(input, first, actor.getSnapshot().context, services, day)
        : [];
    for (const e of more) actor.send(e);
    // (The question pending, asked again after each answer, is said once, last.)
    if (more.length) {
      const keys = replies.map((r) => JSON.stringify(r));
      const kept = replies.filter((_r, i) => !keys.slice(i + 1).includes(keys[i] ?? ""));
      replies.splice(0, replies.length, ...kept);
    }
    const snap = actor.getSnapshot();
    const state = deleteData ? null : { version: MACHINE_VERSION, snapshot: actor.getPersistedSnapshot() };
    actor.stop();
    return {
      state,
      replies,
      advice: currentFacts(snap.context, facts),
      deleteData,
      startedOver,
      stateName: stateName(snap.value),
    };
  };
}
