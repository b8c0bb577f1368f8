import type { Understanding } from "../../src/nlu/understand.ts";
import { type AdvisorServices, profileFacts } from "../advice.ts";
import { type Messages, messagesFor } from "../messages/index.ts";
import type { Who } from "../messages/messages.ts";
import type { AdvisorContext, AdvisorEvent, Answers, Choice, Reply, Slot, TurnFacts } from "../types.ts";

/**
 * What an action decides: the changes to the context, the replies it says (`said`, in order) and the
 * advice they rest on (`facts`). The machine assigns the changes and emits the rest (dialogs/machine.ts).
 */
export type Outcome = Partial<AdvisorContext> & { said?: Reply[]; facts?: TurnFacts; dataDeleted?: true };

/** An action: what it decides, from the context, the event and the services. Pure. */
export type Act = (c: AdvisorContext, e: AdvisorEvent, s: AdvisorServices) => Outcome;

/**
 * Who the advice is about: the learner an adviser, parent or manager writes about (by name when given),
 * else the one writing ("you"). The one place the person is picked; the catalogue words it.
 */
export const learnerOf = (c: Pick<AdvisorContext, "userKind" | "learnerName" | "group">): Who =>
  c.userKind === "adviser"
    ? c.group
      ? { person: "group", name: null }
      : { person: "learner", name: c.learnerName }
    : { person: "you", name: null };

/** The conversation's message catalogue (its words and renderer), by its locale, about its learner. */
export const messagesOf = (
  c: Pick<AdvisorContext, "locale" | "userKind" | "learnerName" | "group">,
): Messages => messagesFor(c.locale, learnerOf(c));

export const text = (t: string): Reply => ({ kind: "text", text: t });
export const choices = (t: string, cs: Choice[]): Extract<Reply, { kind: "choices" }> => ({
  kind: "choices",
  text: t,
  choices: cs,
});
/** Replies to say. */
export const say = (...replies: Reply[]): Outcome => ({ said: replies });
export const uOf = (e: AdvisorEvent): Understanding | undefined => ("u" in e ? e.u : undefined);

export const INITIAL_ANSWERS: Answers = {
  userKind: null,
  learnerName: null,
  learnerNameAsked: false,
  qualificationsHeld: [],
  skipped: [],
  heldUnits: [],
  qualificationId: null,
  units: null,
  pendingUnits: null,
  objective: "glh",
  accepted: false,
};

export function initialContext(locale: AdvisorContext["locale"], today: string): AdvisorContext {
  return {
    ...INITIAL_ANSWERS,
    locale,
    today,
    history: [],
    expecting: null,
    misses: 0,
    prompt: [],
    shown: { recommendations: null, plan: null, check: null, transfer: null },
    clarify: null,
  };
}

export const answersOf = (c: AdvisorContext): Answers => ({
  userKind: c.userKind,
  learnerName: c.learnerName,
  learnerNameAsked: c.learnerNameAsked,
  ...(c.group ? { group: c.group } : {}),
  ...(c.otherJob !== undefined ? { otherJob: c.otherJob } : {}),
  ...(c.pastRole !== undefined ? { pastRole: c.pastRole } : {}),
  ...(c.role !== undefined ? { role: c.role } : {}),
  ...(c.experienceMonths !== undefined ? { experienceMonths: c.experienceMonths } : {}),
  ...(c.level !== undefined ? { level: c.level } : {}),
  qualificationsHeld: c.qualificationsHeld,
  ...(c.working !== undefined ? { working: c.working } : {}),
  ...(c.apprenticeship !== undefined ? { apprenticeship: c.apprenticeship } : {}),
  ...(c.nation !== undefined ? { nation: c.nation } : {}),
  ...(c.age !== undefined ? { age: c.age } : {}),
  skipped: c.skipped,
  heldUnits: c.heldUnits,
  qualificationId: c.qualificationId,
  units: c.units,
  pendingUnits: c.pendingUnits,
  ...(c.pendingHeld ? { pendingHeld: true } : {}),
  objective: c.objective,
  accepted: c.accepted,
});

/** The answer a slot holds (undefined: not known). */
export function slotValue(a: Answers, slot: Slot): unknown {
  switch (slot) {
    case "role":
      return a.role;
    case "experience":
      return a.experienceMonths;
    case "level":
      return a.level;
    case "working":
      return a.working ?? (a.role === null ? false : a.role ? true : undefined);
    case "apprenticeship":
      return a.apprenticeship;
    case "nation":
      return a.nation;
    case "age":
      return a.age;
  }
}

/** Every optional answer field unset, so restoring an older Answers removes what came after. */
export const blankAnswers = (): Partial<AdvisorContext> => ({
  role: undefined,
  experienceMonths: undefined,
  level: undefined,
  working: undefined,
  apprenticeship: undefined,
  nation: undefined,
  age: undefined,
  pendingHeld: undefined,
  group: undefined,
});

/** Replies carry the profile on every turn, with the advice the turn worked out. */
export const currentFacts = (c: AdvisorContext, facts: TurnFacts = {}) => ({
  profile: profileFacts(c),
  ...facts,
});
