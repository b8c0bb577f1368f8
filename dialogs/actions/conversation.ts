import type { Expecting } from "../../src/nlu/understand.ts";
import type { Messages } from "../messages/messages.ts";
import type { AdvisorContext, Answers, Reply, Slot } from "../types.ts";
import { SLOTS } from "../types.ts";
import {
  type Act,
  answersOf,
  blankAnswers,
  choices,
  INITIAL_ANSWERS,
  initialContext,
  messagesOf,
  say,
  slotValue,
  text,
} from "./common.ts";
import { describeChanges } from "./facts.ts";

// ——— Bookkeeping ———

export const clock: Act = (_c, e) => (e.type === "CLOCK" ? { today: e.today } : {});

/**
 * Answers as kept in the undo history: only what differs from a fresh conversation (the history is
 * most of a stored conversation, read and written on every turn).
 */
export function compactAnswers(a: Answers): Partial<Answers> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    const initial = (INITIAL_ANSWERS as unknown as Record<string, unknown>)[k];
    const same = Array.isArray(v)
      ? Array.isArray(initial) && v.length === 0 && initial.length === 0
      : v === initial;
    if (!same && v !== undefined) out[k] = v;
  }
  return out as Partial<Answers>;
}

/** Answers from the undo history, whole again. */
export const expandAnswers = (a: Partial<Answers>): Answers => ({ ...INITIAL_ANSWERS, ...a });

/** Keep the answers before a change, so "back" can restore them (bounded). */
export const remember: Act = (c) => ({ history: [...c.history.slice(-19), compactAnswers(answersOf(c))] });
/** Moving on (through the router) settles any "which one do you mean?" still open. */
export const closeClarify: Act = (c) => (c.clarify ? { clarify: null } : {});

/**
 * A "which one do you mean?" answered (by an option's words) or dismissed: the conversation goes back to
 * the question asked before it. A side question meanwhile leaves it open.
 */
export const settleClarify: Act = (c, e) =>
  c.clarify && (e.type === "DISMISS" || ("clarified" in e && e.clarified))
    ? { ...c.clarify.resume, clarify: null }
    : {};
export const sayDismissed: Act = (c) => say(text(messagesOf(c).dismissed));

export const undo: Act = (c) => {
  const last = c.history.at(-1);
  if (!last) return {};
  const previous = expandAnswers(last);
  const m = messagesOf(c);
  const before = answersOf(c);
  const changed = describeChanges(m, before, previous, true);
  return {
    ...blankAnswers(),
    ...previous,
    history: c.history.slice(0, -1),
    ...say(text(changed.length ? m.undone(changed.join("; ")) : m.undoneGeneric)),
  };
};

export const reset: Act = (c) => ({
  ...initialContext(c.locale, c.today),
  ...blankAnswers(),
  ...say(text(messagesOf(c).restarted)),
});

export const deleteEverything: Act = (c) => ({
  ...initialContext(c.locale, c.today),
  ...blankAnswers(),
  dataDeleted: true,
  ...say(text(messagesOf(c).deleted)),
});

// ——— Asking ———

/** The welcome, said on the way into the greeting (not on a first message that says something real). */
export const sayWelcome: Act = (c) => {
  const m = messagesOf(c);
  // One message, so that its buttons stay on screen (channels show the last message's buttons).
  return say(choices(`${m.welcome.text}\n\n${m.welcome.hint}`, m.welcome.choices));
};

/** The greeting waits for who is speaking; after an aside, the question again, not the whole welcome. */
export const awaitUserKind: Act = (c) => {
  const m = messagesOf(c);
  return { expecting: "userKind", misses: 0, prompt: [choices(m.ask.userKind.first, m.welcome.choices)] };
};

/** A stored conversation that could not be used: the fresh one says why it starts again. */
export const sayStartedOver: Act = (c, e) => {
  if (e.type !== "STARTED_OVER") return {};
  const m = messagesOf(c);
  return say(text(e.why === "version" ? m.startedOverVersion : m.startedOverCorrupt));
};

/** A card submit that is out of date or not the bot's own: said, and the pending question again. */
export const sayBadSubmit: Act = (c) => say(text(messagesOf(c).badSubmit), ...c.prompt);

type Question =
  | Exclude<Expecting, "units" | "qualification" | "confirm">
  | "units"
  | "qualification"
  | "confirm";

function questionReply(c: AdvisorContext, q: Question): Reply {
  const m = messagesOf(c);
  const spec = m.ask[q];
  const first = c.userKind === "adviser" && "firstAdviser" in spec ? spec.firstAdviser : spec.first;
  return text(first);
}

export const ask =
  (q: Question): Act =>
  (c) => {
    const first = questionReply(c, q);
    // Closed questions get their answers as buttons straight away; open ones only after a miss.
    const spec = messagesOf(c).ask[q as keyof Messages["ask"]];
    const reply = CLOSED.has(q) && spec?.choices.length ? choices(first.text, spec.choices) : first;
    // The same question again after a message that answered something else ("england" to "how long
    // have you worked…"): asked once more, politely, and it counts as a miss.
    if (c.expecting === q && c.prompt.length) {
      const again =
        c.misses === 0
          ? { ...reply, text: messagesOf(c).askAgain(reply.text) }
          : choices(spec?.rephrase ?? reply.text, spec?.choices ?? []);
      return { ...say(again), expecting: q, misses: c.misses + 1, prompt: [reply] };
    }
    return { ...say(reply), expecting: q, misses: 0, prompt: [reply] };
  };

const CLOSED = new Set<Question>(["working", "apprenticeship", "nation", "confirm"]);
const QUESTIONS_WITH_SKIP = new Set<string>(["userKind", "learnerName", ...SLOTS]);

/** Re-ask, escalating: rephrase, then buttons, then offer to skip or hand over. Never more than three. */
export const escalate: Act = (c, e) => {
  const m = messagesOf(c);
  // A question the bot cannot read ("then why did you give me an OCR plan?") is no miss of the answer
  // asked for: said to be unanswered, and the question asked again (persona review 5, T8).
  if (e.type === "UNCLEAR" && e.u.question && c.expecting)
    return say(text(m.questionUnanswered), ...c.prompt);
  const misses = c.misses + 1;
  const q = c.expecting;
  // Outside the profile questions there is nothing to skip: say so briefly and show the choices again.
  if (!q || !(q in m.ask) || !QUESTIONS_WITH_SKIP.has(q))
    return { misses, ...say(text(m.notCaught), ...c.prompt) };
  const spec = m.ask[q as keyof Messages["ask"]];
  if (misses === 1) return { misses, ...say(text(spec.rephrase)) };
  if (misses === 2 && spec.choices.length) return { misses, ...say(choices(spec.rephrase, spec.choices)) };
  return { misses, ...say(choices(m.stuck, m.stuckChoices)) };
};

export const autoSkip: Act = (c) => {
  const m = messagesOf(c);
  const q = c.expecting;
  if (q === "learnerName")
    return { learnerNameAsked: true, ...say(text(m.autoSkipped(m.autoSkippedWhat.learnerName))) };
  if (q === "userKind")
    return { userKind: "learner", ...say(text(m.autoSkipped(m.autoSkippedWhat.userKind))) };
  if (q && (SLOTS as readonly string[]).includes(q)) {
    const slot = q as Slot;
    return { skipped: [...new Set([...c.skipped, slot])], ...say(text(m.autoSkipped(m.slotName[slot]))) };
  }
  return {};
};

export const skipSlot: Act = (c) => {
  const m = messagesOf(c);
  const q = c.expecting;
  if (q === "learnerName") return { learnerNameAsked: true };
  if (q && (SLOTS as readonly string[]).includes(q)) {
    const slot = q as Slot;
    return { skipped: [...new Set([...c.skipped, slot])], ...say(text(m.skipped(m.slotName[slot]))) };
  }
  return {};
};

/**
 * "What do you recommend?" instead of an answer to a profile question: the advice now, from what is
 * known, and the questions left unasked (they can still be answered, and the advice is redone).
 */
export const skipMissing: Act = (c) => {
  const q = c.expecting;
  if (!q || !(SLOTS as readonly string[]).includes(q)) return {};
  const m = messagesOf(c);
  const missing = SLOTS.filter((slot) => slotValue(c, slot) === undefined && !c.skipped.includes(slot));
  if (!missing.length) return {};
  return {
    skipped: [...new Set([...c.skipped, ...missing])],
    ...say(text(m.recommendSoFar(missing.map((slot) => m.slotName[slot])))),
  };
};

/**
 * After a side answer, the question pending is asked again as a person would ("And what's the highest
 * qualification you hold?"), not after a "Back to where we were:" line (persona review 4: every side
 * answer was followed by it); a prompt that asks nothing is shown again as it was.
 */
export const repeatPrompt: Act = (c) => {
  if (!c.prompt.length) return {};
  const m = messagesOf(c);
  const again = (r: Reply): Reply =>
    (r.kind === "text" || r.kind === "choices") &&
    /^(What|How|Which|Who|Is|Are|Do|Does|Can|Where|When|Would)\b[^\n?]*\?[^\n]*$/.test(r.text) &&
    r.text.split(" ").length > 3
      ? { ...r, text: m.askAgain(r.text) }
      : r;
  return say(...c.prompt.map(again));
};
export const sayPrompt: Act = (c) => say(...c.prompt);
export const sayNothingToSkip: Act = (c) => say(text(messagesOf(c).nothingToSkip));
export const clearPendingUnits: Act = () => ({ pendingUnits: null, pendingHeld: false });
export const sayHelp: Act = (c) => say(text(messagesOf(c).help));
export const sayHandover: Act = (c) => say(text(messagesOf(c).handover));
export const sayHelloAgain: Act = (c) => say(text(messagesOf(c).helloAgain));
export const sayCancelled: Act = (c, e) => ({
  ...say(text(e.type === "CANCEL" && e.goodbye ? messagesOf(c).goodbye : messagesOf(c).cancelled)),
  expecting: null,
  prompt: [],
});
export const sayNoFix: Act = (c) => say(text(messagesOf(c).noFix));
export const sayNothingToUndo: Act = (c) => say(text(messagesOf(c).nothingToUndo));
export const sayKeptData: Act = (c) => say(text(messagesOf(c).keptData));
export const askDeleteConfirm: Act = (c) => {
  const m = messagesOf(c);
  const q = choices(m.confirmDelete, m.ask.confirm.choices);
  // The question pending is this one: a terminal resumed later shows it, and "1" answers it (persona
  // review 4: "1" after a resume ran the plan offered before).
  return { ...say(q), expecting: "confirm", misses: 0, prompt: [q] };
};
