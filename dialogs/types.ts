import type { LearnerProfile, ProfileFacts } from "../src/advice/profile.ts";
import type { Expecting, Understanding, UserKind } from "../src/nlu/understand.ts";
import type { Asked } from "./asked.ts";

/** The profile slots the conversation fills. */
export const SLOTS = ["role", "experience", "level", "working", "apprenticeship", "nation", "age"] as const;
export type Slot = (typeof SLOTS)[number];

/** Languages the message catalogue has (add "cy" for Welsh without touching the machine). */
export type Locale = "en";

export interface Choice {
  label: string;
  /** What the channel sends back as the user's message when the choice is picked. */
  value: string;
}

export interface ReasonCard {
  text: string;
  quote?: string;
  source?: string;
}

/**
 * Structured card data: channels render it (Adaptive Cards, terminal text); `text` is the fallback. The
 * card's `words` are chosen from the conversation's message catalogue when it is built, so that
 * channels lay out a card in any language without a word of their own (as the session record).
 */
export type CardData =
  | {
      type: "recommendations";
      words: { heading: string; next: string; notOffered: string };
      items: {
        qualificationId: string;
        title: string;
        level: number | null;
        kind: string;
        reasons: ReasonCard[];
        cautions: ReasonCard[];
        nextStep: string;
        hasUnitList: boolean;
      }[];
      notOffered: { qualificationId: string; title: string; reason: string }[];
    }
  | {
      type: "plan";
      words: {
        heading: string;
        have: string;
        add: string;
        credits: string;
        glh: string;
        /** "Total: 24 credits, 150 GLH." */
        total: string;
        /** The rules engine's verdict, in words. */
        verdict: string;
        notConfirmed: string;
      };
      qualificationId: string;
      title: string;
      verdict: string;
      /** What the plan minimises. */
      objective: "glh" | "units" | "credits" | "role";
      /** The day it closed to new registrations, when it has. */
      closedOn: string | null;
      units: { unit: string; title: string; credits: string; glh: string; held: boolean }[];
      totalCredits: string;
      totalGlh: string;
      reliesOn: string[];
      alternatives: { units: string[]; totalGlh: string; totalCredits: string }[];
      /** A plan resting on fewer unknown facts, at a higher cost. */
      surest: { extraGlh: number; units: string[] } | null;
    }
  | {
      type: "unitPicker";
      words: {
        heading: string;
        unit: string;
        credits: string;
        creditsShort: string;
        /** Said in place of a credit value our sources do not give (a unit's `credits` is then "?"). */
        unknownCredits: string;
        submit: string;
      };
      qualificationId: string;
      title: string;
      groups: { id: string; name: string; units: { value: string; label: string; credits: string }[] }[];
      selected: string[];
    }
  | {
      type: "check";
      words: {
        heading: string;
        /** "Units: 1, 2, 4 (12 credits)" */
        units: string;
        fix: string;
        /** The rules engine's verdict, in words. */
        verdict: string;
      };
      qualificationId: string;
      title: string;
      verdict: string;
      units: { unit: string; title: string; credits: string; counted: boolean; held: boolean }[];
      rules: {
        rule: string;
        status: "holds" | "fails" | "unknown";
        message: string;
        wording: string;
        fix?: string;
      }[];
      totalCredits: string;
      /** The rules met that say nothing about this selection, as one line ("✔ 9 other rules are met."). */
      othersMet: string | null;
    }
  | SessionRecordCard;

/** One kind of card's data, e.g. `CardOf<"plan">`. */
export type CardOf<T extends CardData["type"]> = Extract<CardData, { type: T }>;

/** A tone channels show with a mark and a colour: a reason, a caution, a broken or unconfirmed rule. */
export type RecordTone = "reason" | "caution" | "broken" | "unconfirmed" | "step";

export interface RecordPoint {
  text: string;
  tone?: RecordTone;
  /** Quoted from a source, with the source's name. */
  quote?: string;
  source?: string;
}

export type RecordBlock =
  | { kind: "facts"; facts: { title: string; value: string }[] }
  | { kind: "item"; number?: number; title: string; points: RecordPoint[] }
  | { kind: "points"; points: RecordPoint[] };

export interface RecordSection {
  heading: string;
  blocks: RecordBlock[];
}

/**
 * The adviser's session record, its words already chosen from the message catalogue: cards (Teams,
 * Web Chat) and the terminal render this same document.
 */
export interface SessionRecordCard {
  type: "sessionRecord";
  title: string;
  date: string;
  sections: RecordSection[];
}

/** Units the learner holds: of a qualification (its numbers, references or titles), or by QCF reference alone. */
export interface HeldUnits {
  qualificationId: string | null;
  units: string[];
  /** In a message: these units replace the ones given before for the qualification ("actually units 1, 2 and 5"). */
  replace?: boolean;
}

/** A plan as channels read it: units as the qualification's own numbers where it has them, else QCF references. */
export interface PlanFacts {
  qualificationId: string;
  /** Units held or carried that count towards it. */
  have: string[];
  /** Units the plan adds (none when no plan can be worked out: see verdict). */
  add: string[];
  verdict: "valid" | "unconfirmed" | "invalid" | "undetermined" | "infeasible";
  /** When undetermined: the mandatory units still to take. */
  mandatory?: string[];
}

export type Reply =
  | { kind: "text"; text: string }
  | { kind: "choices"; text: string; choices: Choice[] }
  | { kind: "card"; text: string; card: CardData; choices?: Choice[] };

/** The machine-readable facts every turn carries (channelData.advice on Bot Framework channels). */
export interface AdviceFacts {
  /** The learner profile's facts (no goal: the conversation does not ask it), and who the advice is for. */
  profile: Omit<ProfileFacts, "goal"> & {
    userKind: UserKind | null;
    learnerName: string | null;
    unitsHeld: HeldUnits[];
  };
  plan?: PlanFacts;
  recommendations?: { qualificationId: string; title: string; reasons: ReasonCard[] }[];
  check?: {
    qualificationId: string;
    verdict: string;
    units: string[];
    violations: {
      rule: string;
      ruleId: string;
      message: string;
      wording: string;
      have?: { min: number; max: number | null };
      need?: number;
      shortBy?: { min: number; max: number | null };
      units: string[];
      fix?: string;
    }[];
  };
}

/**
 * The learner's facts as the conversation holds them: the one profile schema's (absent: not asked;
 * null: asked, and not known), `working` being its `workingInContactCentre` (the slot's name).
 */
export type ProfileAnswers = Pick<
  LearnerProfile,
  "role" | "experienceMonths" | "level" | "qualificationsHeld" | "apprenticeship" | "nation" | "age"
> & { working?: LearnerProfile["workingInContactCentre"] };

/** Everything "back" can restore: the answers, not the conversation's bookkeeping. */
export interface Answers extends ProfileAnswers {
  userKind: UserKind | null;
  learnerName: string | null;
  learnerNameAsked: boolean;
  /** Advice for a group of learners at once (an employer's intake), with its size when said. */
  group?: { size: number | null };
  /** No contact-centre role, but a job elsewhere (a shop, a café): not "not working yet". */
  otherJob?: boolean;
  /** A contact-centre role held before, not now: on the record, never the role advice goes by. */
  pastRole?: string;
  skipped: Slot[];
  /** Units the learner holds, by the qualification they are units of: they count in every plan and check. */
  heldUnits: HeldUnits[];
  /** The qualification being planned or checked. */
  qualificationId: string | null;
  /** The units under discussion: the learner's own, or a plan they took. */
  units: string[] | null;
  /** Units typed before the qualification was known. */
  pendingUnits: string[] | null;
  /** The pending units are units held (of the qualification still to be named), not a selection to check. */
  pendingHeld?: boolean;
  objective: "glh" | "units" | "credits" | "role";
  accepted: boolean;
}

export interface AdvisorContext extends Answers {
  locale: Locale;
  /** Today (ISO date) from the turn's clock. */
  today: string;
  /** Answers before each change, newest last; only what differs from a fresh conversation. */
  history: Partial<Answers>[];
  /** The question the bot last asked. */
  expecting: Expecting | null;
  misses: number;
  /** The last question's replies, to repeat after an aside (help, a question). */
  prompt: Reply[];
  /**
   * What the bot last showed, as ids only (the session record and guards recompute the rest from
   * the catalogue: recommendations, plans and checks are pure), so a stored conversation stays small.
   */
  shown: {
    recommendations: string[] | null;
    /**
     * The profile answers the recommendations shown were worked out from: they are recomputed from it
     * to tell whether (and what) a new recommendation changes.
     */
    recommendedFor?: Partial<Answers>;
    plan: { qualificationId: string; units: string[]; digest?: string } | null;
    check: { qualificationId: string; units: string[]; verdict: string; digest?: string } | null;
    /** The answer given when no plan could be made (a digest of it). */
    planNote?: string;
    /** The nation whose note (what our sources cover there) was said with the recommendations. */
    nationNoted?: string;
    /** The session record last shown (a digest of it). */
    record?: string;
    /** The qualification whose next steps were shown ("what comes next"). */
    transfer: string | null;
    /** Questions answered in the session, as the answers given (the record lists them), latest last. */
    answers?: string[];
    /** The entries the last question was answered about: what "this" or "it" means next. */
    about?: string[];
  };
  /**
   * A clarification the bot asked ("which one do you mean?"): the options, and the question to go back
   * to when the answer is "no".
   */
  clarify: {
    options: ClarifyOption[];
    resume: Pick<AdvisorContext, "expecting" | "prompt">;
    /** The message that asked ("how long would the OCR level 2 one take?"), answered once one is chosen. */
    said?: string;
    /** The choice names the qualification of units the message said are held (not one asked about). */
    held?: boolean;
  } | null;
}

/** The advice a turn works out besides the profile: what it recommended, planned or checked. */
export type TurnFacts = Omit<AdviceFacts, "profile">;

/**
 * What the machine emits (XState `emit`) for the turn function to collect: the replies, in order; the
 * advice a reply rests on (channelData.advice); that the conversation's data is to be deleted.
 */
export type AdvisorEmitted =
  | { type: "reply"; reply: Reply }
  | { type: "advice"; facts: TurnFacts }
  | { type: "dataDeleted" };

export interface ClarifyOption extends Choice {
  qualificationId: string;
}

/** Held units read from the message travel with the event that carries its other facts. */
type WithU = {
  u: Understanding;
  held?: HeldUnits;
  /** The message answered a "which one do you mean?" (its option's words). */
  clarified?: boolean;
  /** The message, kept when held units in it wait for their qualification, to be answered then. */
  said?: string;
};
export type AdvisorEvent =
  | { type: "CLOCK"; today: string }
  | { type: "START" }
  /** The stored conversation could not be used: the fresh one opens with an apology. */
  | { type: "STARTED_OVER"; why: "version" | "corrupt" }
  /** A card submit that is out of date or not one of the bot's own cards. */
  | { type: "BAD_SUBMIT" }
  | ({ type: "GREET" } & WithU)
  | ({ type: "FACTS" } & WithU)
  | ({ type: "UNCLEAR" } & WithU)
  | ({ type: "AMBIGUOUS"; candidates: string[]; options?: ClarifyOption[]; said?: string } & WithU)
  | ({ type: "HELP" } & WithU)
  | ({ type: "BACK" } & WithU)
  | ({ type: "RESTART" } & WithU)
  | ({ type: "CANCEL" /** Said as a goodbye or thanks ("thanks, bye", "cheers"). */; goodbye?: true } & WithU)
  | ({ type: "HANDOVER" } & WithU)
  | ({ type: "DELETE_DATA" } & WithU)
  | ({ type: "RECORD" } & WithU)
  | ({ type: "SKIP" } & WithU)
  | ({ type: "ACCEPT" } & WithU)
  | ({ type: "YES" } & WithU)
  | ({ type: "NO" } & WithU)
  | ({ type: "ASK"; asked?: Asked } & WithU)
  | ({ type: "RECOMMEND"; reasons?: true } & WithU)
  | ({ type: "PLAN"; objective?: Answers["objective"]; qualificationId?: string } & WithU)
  | ({ type: "CHOOSE"; qualificationId: string } & WithU)
  /** `explain`: "why is that wrong?", "do I meet the 23 credits rule?": the check again in full. */
  | ({ type: "UNITS"; units: string[]; qualificationId?: string; explain?: true } & WithU)
  | ({ type: "APPLY_FIX" } & WithU)
  | { type: "HOLD_UNITS"; u: Understanding; held: HeldUnits; said?: string }
  /** "I don't hold them, I want to take them": the units last taken as held are wanted instead. */
  | { type: "UNHOLD_UNITS"; u: Understanding }
  | ({ type: "EDIT_UNITS"; add: string[]; remove: string[] } & WithU)
  | ({ type: "DISMISS" } & WithU)
  | ({ type: "OWN_UNITS" } & WithU);
export type UserEventType = Exclude<AdvisorEvent["type"], "CLOCK" | "STARTED_OVER">;
