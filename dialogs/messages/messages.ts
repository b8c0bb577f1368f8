// The shape every message catalogue has (en.ts; a Welsh cy.ts would be another): every word the bot
// says, and the renderer that turns card and answer data into text.
import type { ConditionCheck, Verdict } from "../../src/advice/eligibility.ts";
import type { TransferResult } from "../../src/advice/progression.ts";
import type { CatalogueEntry, Pathway, Qualification, TextFact, Topic } from "../../src/catalogue/schema.ts";
import type { Verdict as RulesVerdict } from "../../src/rules/result.ts";
import type { CardOf, Choice, Slot } from "../types.ts";

/** Who an answer is about ("she", "the learner", "you"). */
export interface Who {
  /** "group": an employer's or college's group of learners, advised as one ("your learners"). */
  person: "you" | "she" | "he" | "they" | "learner" | "group";
  name: string | null;
}
/** What a condition's line needs beyond the condition: the entry, who runs it, the facts supposed. */
export interface ConditionExtra {
  entryId: string;
  owner: string;
  titleOf: (id: string) => string;
  volunteer: boolean;
  age: number | undefined;
  nation: string | undefined;
}
/** What a plan card's words are worked out from. */
export interface PlanWordsInput {
  title: string;
  totalCredits: string;
  totalGlh: string;
  verdict: "valid" | "unconfirmed" | "invalid";
}

/** The totals of a plan or a selection of units ("how many hours is my plan?"). */
export interface PlanTotals {
  title: string;
  units: string[];
  /** The plan shown (else the units chosen). */
  plan: boolean;
  /** The credit total, or null when some units' credit values are not in our sources. */
  credits: string | null;
  /** Without `credits`: the credits of the units whose values are known. */
  creditsKnown: number | null;
  creditsUnknown: string[];
  glh: string | null;
  glhUnknown: string[];
  /** The credits that count towards the total (less than all of them when a group cap or a barred set leaves some out), and the total needed. */
  counted?: string;
  need?: number;
}

/** The units of a qualification, by group, for "which units are in X?". */
export interface UnitsInGroup {
  name: string;
  units: { id: string; title: string; credits: string }[];
}

/** What "what is unit N?" answers. */
export interface UnitAbout {
  label: string;
  qualification: string;
  group: string;
  /** Null when our sources do not give it. */
  credits: string | null;
  level: number | null;
  inferredLevel: number | null;
  glh: string | null;
  barredWith: string[];
}

/** One entry in a comparison. */
export interface CompareRow {
  title: string;
  level: number | null;
  /** A qualification's facts; absent for an apprenticeship pathway. */
  qualification?: {
    kind: string;
    credits?: number;
    glh?: string;
    minimumAge?: number;
    operationalEnd?: string;
    /** How many units its unit list has; null when the list is in no source. */
    units: number | null;
  };
  jobRoles: string[];
}

/**
 * Every word the bot says, and the renderer that turns card and answer data into text: what a message
 * catalogue provides. en.ts is one; a Welsh catalogue (issue 18) would be another, registered in
 * dialogs/messages/index.ts, and chosen per conversation by its locale.
 */
export interface Messages {
  /** The name of each profile slot, as a sentence says it ("your job role"). */
  slotName: Record<Slot, string>;
  /** A source document as a reader knows it ("OCR's NVQ datasheet"), from its file name. */
  sourceName: (doc: string) => string;
  describe: {
    group: (size: number | null) => string;
    role: (v: string | null, otherJob?: boolean) => string;
    experience: (v: number) => string;
    level: (v: number) => string;
    working: (v: boolean) => string;
    apprenticeship: (v: boolean) => string;
    nation: (v: string) => string;
    age: (v: number) => string;
    held: (titles: string[]) => string;
    heldUnits: (units: string[], title: string | null) => string;
    months: (m: number) => string;
    levelName: (l: number) => string;
  };
  welcome: {
    text: string;
    choices: Choice[];
    hint: string;
  };
  helloAgain: string;
  ask: {
    userKind: {
      first: string;
      rephrase: string;
      choices: Choice[];
    };
    learnerName: {
      first: string;
      rephrase: string;
      choices: Choice[];
    };
    role: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    experience: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    level: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    working: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    apprenticeship: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    nation: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    age: {
      first: string;
      firstAdviser: string;
      rephrase: string;
      choices: Choice[];
    };
    qualification: {
      first: string;
      rephrase: string;
      choices: never[];
    };
    units: {
      first: string;
      rephrase: string;
      choices: never[];
    };
    confirm: {
      first: string;
      rephrase: string;
      choices: Choice[];
    };
  };
  chooseOne: string;
  stuck: string;
  stuckChoices: Choice[];
  /** What is left out when a question is skipped for the user after three misses. */
  autoSkippedWhat: { userKind: string; learnerName: string };
  /** An answer taken back by "back" with nothing in its place. */
  forgotten: (what: string, value: string) => string;
  thatUnit: string;
  autoSkipped: (what: string) => string;
  skipped: (what: string) => string;
  noted: (parts: string[]) => string;
  /** Held qualifications taken back by a correction. */
  heldRemoved: (titles: string[]) => string;
  /** A group's levels vary: none is recorded. */
  groupLevelVaries: string;
  /** Facts said again that the record already has ("actually my level is 2" when it is). */
  unchanged: (parts: string[]) => string;
  changed: (parts: string[]) => string;
  /** Facts read with less confidence (Understanding.unsure): said back with the words they came from. */
  unsure: (parts: string[]) => string;
  readAs: (what: string, read: string, value: string) => string;
  change: (what: string, from: string, to: string) => string;
  /** A value in a change line where its description would repeat the slot's name ("age 19 → 17"). */
  changeValue: {
    age: (v: number) => string;
    nation: (v: string) => string;
  };
  learnerNameNoted: (name: string) => string;
  /** A contact-centre role held before, not now: noted for the record, not taken as the role. */
  pastRoleNoted: (title: string, now: string) => string;
  learnerNameSlot: string;
  heldUnitsSlot: (title: string | null) => string;
  /** Units said to be held that were held already. */
  heldUnitsKept: (units: string[], title: string | null) => string;
  heldUnitsUnknown: (units: string[], title: string | null) => string;
  whichQualificationForHeldUnits: string;
  askAgain: (question: string) => string;
  dismissed: string;
  unitsEdited: (removed: string[], added: string[]) => string;
  editChangedNothing: string;
  heldStays: (units: string[]) => string;
  notInSelection: (units: string[]) => string;
  /** Units of a qualification whose titles name a theme ("resource planning"); each label with its credits ("?" unknown). */
  unitsAbout: (title: string, theme: string[], units: string[]) => string;
  /** Units whose titles fall under a role's topics (roles.json: our own reading, not the sources'). */
  unitsForRole: (title: string, role: string, topics: string[], units: string[]) => string;
  topicName: Record<Topic, string>;
  heldCountTowards: (title: string, units: string[]) => string;
  /** Before what comes next, when the units counted are the ones chosen, not ones held. */
  countingChosen: (units: string[]) => string;
  checkHeld: (units: string[]) => string;
  help: string;
  handover: string;
  restarted: string;
  cancelled: string;
  /** The answer to "thanks, bye" or "cheers": the conversation stops, as after "cancel". */
  goodbye: string;
  nothingToUndo: string;
  undone: (what: string) => string;
  undoneGeneric: string;
  confirmDelete: string;
  deleted: string;
  keptData: string;
  backToIt: string;
  /** The pending question in short, to repeat after an aside when the reply that asked it was long. */
  pending: {
    planUndetermined: (title: string) => string;
    planNone: (title: string) => string;
    unitsUnusable: string;
  };
  badSubmit: string;
  startedOverVersion: string;
  startedOverCorrupt: string;
  notCaught: string;
  whichOne: (n: number) => string;
  recommendIntro: (about: string) => string;
  recommendEmpty: string;
  /** Advice asked for before the profile questions were answered: which ones would sharpen it. */
  recommendSoFar: (missing: string[]) => string;
  recommendNext: string;
  recommendUnchanged: (titles: string[]) => string;
  /** The suggestions as one line, after a question answered in the same turn. */
  recommendBrief: (titles: string[]) => string;
  /** "What if I get the job?": the suggestions once working in a contact centre, and which are new. */
  ifWorking: (titles: string[], added: string[]) => string;
  /** A question the bot has no answer to, said so plainly, with what it can answer. */
  questionUnanswered: string;
  recommendReasonsChoice: string;
  /** An option weighed against the advice ("wouldn't level 2 be better?"), answered with the reasons. */
  prefer: {
    first: (title: string, reason: string) => string;
    lower: (title: string, rank: number, reason: string | null, top: string, topReason: string) => string;
    none: (what: string, reason: string | null, top: string, topReason: string) => string;
    level: (level: number) => string;
  };
  whatComesNextChoice: string;
  pickToPlan: string;
  recommendChanged: (parts: string[]) => string;
  recommendChange: {
    added: (title: string, at: number) => string;
    moved: (title: string, from: number, to: number) => string;
    dropped: (title: string) => string;
    says: (title: string, text: string) => string;
    noLonger: (title: string, text: string) => string;
    notOffered: (title: string, reason: string) => string;
    reasons: (titles: string[]) => string;
  };
  planChoice: (shortTitle: string) => string;
  /** A qualification whose plan our sources cannot make: its units, to choose and check. */
  chooseUnitsChoice: (shortTitle: string) => string;
  /** A qualification's title, short enough for a button or a list ("OCR Level 3 NVQ Diploma"). */
  shortTitle: (title: string) => string;
  /** A recommendation's next step says how to plan in this chat, not with the CLI command. */
  planWithMe: (nextStep: string) => string;
  notOffered: (title: string, why: string) => string;
  you: string;
  /**
   * A sentence the domain writes to the learner (a reason, a caution, a next step, a rule's message or
   * fix), in the words of the person the conversation is about: "your level" → "Jake's level" to an
   * adviser; a learner's unchanged.
   */
  inPerson: (text: string) => string;
  theLearner: (name: string | null) => string;
  /** Whether a qualification comes before the job or after it (quotes: the NVQ's and the certificate's). */
  beforeJob: (nvq: string, prepare: string) => string;
  /** A group advised as one. */
  theGroup: string;
  noUnitList: (title: string) => string;
  notAQualification: (title: string) => string;
  planIntro: (title: string, objective: string, confirmed?: boolean) => string;
  objective: {
    glh: string;
    units: string;
    credits: string;
    role: string;
  };
  planVerdict: {
    valid: string;
    unconfirmed: string;
    invalid: string;
  };
  planUndetermined: (reason: string, held: string[], mandatory: string[]) => string;
  surestPlan: (extraGlh: number, units: string) => string;
  planNone: (reason: string, fix: string | undefined) => string;
  planChoices: Choice[];
  planTotal: (credits: string, glh: string) => string;
  planNext: string;
  planUnchanged: (title: string, added: string[]) => string;
  planNoteUnchanged: (title: string) => string;
  planChanged: (added: string[], removed: string[]) => string;
  alternatives: (n: number) => string;
  pickUnits: (title: string) => string;
  checkIntro: (title: string) => string;
  checkVerdict: {
    valid: string;
    invalid: (n: number) => string;
    unconfirmed: string;
  };
  checkChoices: {
    fix: Choice;
    plan: Choice;
    happy: Choice;
    change: Choice;
  };
  checkUnits: (units: string[]) => string;
  checkUnchanged: string;
  checkOthersMet: (n: number) => string;
  cannotAcceptInvalid: string;
  unitProblem: (messages: string[]) => string;
  whichQualificationForUnits: string;
  noFix: string;
  nothingToFix: string;
  nothingToSkip: string;
  closedForNew: (title: string, end: string) => string;
  whichQualificationForTogether: (units: string) => string;
  fixApplied: (dropped: string[], added: string[]) => string;
  /** Units the learner said they do not hold after all: now ones to take. */
  unheld: (units: string[]) => string;
  /** `why`: the broken rules that made the units go, in the engine's words. */
  fixDropped: (dropped: string[], stillBroken: number, why?: string[]) => string;
  /** `cautious`: said after a caution, so no "Great". */
  wrapUp: (title: string | null, cautious?: boolean) => string;
  recordReady: string;
  /** Units accepted with rules our sources cannot confirm. */
  wrapUpUnconfirmed: (rules: number) => string;
  recordUnchanged: string;
  record: {
    title: (name: string | null) => string;
    date: (iso: string) => string;
    headings: {
      profile: string;
      recommendations: string;
      plan: string;
      next: string;
      progression: string;
      answers: string;
    };
    labels: {
      role: string;
      experience: string;
      level: string;
      held: string;
      units: string;
      working: string;
      apprenticeship: string;
      nation: string;
      age: string;
      pastRole: string;
      learners: string;
    };
    group: (size: number | null) => string;
    levelVaries: string;
    notKnown: string;
    noneNamed: string;
    notWorkingYet: string;
    otherJob: string;
    levelNone: string;
    working: (v: boolean) => string;
    apprenticeship: (v: boolean) => string;
    unitsOf: (units: string[], title: string | null) => string;
    noRecommendations: string;
    noPlan: string;
    planUnits: (units: string[], credits: string) => string;
    verdict: Record<RulesVerdict, string>;
    broken: (message: string, fix: string | undefined) => string;
    undetermined: (reason: string) => string;
    decide: string;
  };
  wrapChoices: Choice[];
  define: {
    barred: string;
    credit: string;
    glh: string;
    mandatory: string;
    optional: string;
    nvq: string;
    qcf: string;
    level: string;
    apprenticeship: string;
    group: string;
  };
  /** Answers to questions about eligibility and about a qualification's facts, each fact quoted. */
  answers: {
    whichQualification: string;
    durationGeneral: string;
    verdictLine: (
      verdict: Verdict | "likely" | null,
      titles: string[],
      parts: string[],
      bullet: boolean,
    ) => string;
    condition: (k: ConditionCheck, who: Who, x: ConditionExtra) => string;
    closedToo: (titles: string[]) => string;
    noUpperAge: string;
    /** "Can I do the OCR Level 3 NVQ as part of the Welsh apprenticeship?": what the pathway is made of. */
    partOfPathway: (
      pathway: string,
      qualification: string,
      fits: { name: string; titles: string[]; quote: string } | undefined,
      components: { name: string; titles: string[]; quote: string }[],
    ) => string;
    apprenticeshipsElsewhere: (
      parts: {
        title: string;
        quote: string;
      }[],
      nation?: string,
    ) => string;
    about: (title: string) => string;
    /** The qualifications whose sources name a hoped-for role ("team leader"), each with its words. */
    goalRoles: (goal: string, items: { title: string; quote: string }[]) => string;
    /** The job roles a source gives for a qualification, beside the learner's own role. */
    rolesFor: (roles: string[], role: string, quote: string, who: Who) => string;
    /** The source's role list names the learner's role. */
    roleFits: (role: string, quote: string, leadsTo: boolean, who: Who) => string;
    /** A qualification's rule on credits at a level ("23 of them at Level 3"), quoted. */
    creditsAtLevel: (min: number, level: number, quote: string) => string;
    /** Credits still to earn after the units held that carry over (`unitsGiven`: the units were named). */
    remainingCredits: (
      title: string,
      need: number,
      carried: string,
      left: string,
      unitsGiven: boolean,
    ) => string;
    /** Whether GCSEs (passed or not) change the Essential Skills a pathway needs: not in our sources. */
    essentialSkillsExemption: string;
    /** Scotland or Northern Ireland: what our sources cover (QCF qualifications, the Welsh pathway), quoted. */
    nationNote: (nation: string, quote: string) => string;
    /** Several entries with one answer: "A and B:". */
    aboutMany: (titles: string[]) => string;
    /** A unit's credits and GLH; null where our sources do not give them. */
    unitFacts: (label: string, credits: string | null, glh: string | null) => string;
    planTotals: (p: PlanTotals) => string;
    credits: (e: Qualification) => string;
    pathwayCredits: (e: Pathway) => string;
    hours: (e: Qualification) => string;
    pathwayHours: (e: Pathway) => string;
    durationNotInSources: (owner: string) => string;
    essentialSkills: (e: Pathway) => string;
    noEssentialSkills: (pathways: string[]) => string;
    components: (e: Pathway, titleOf: (id: string) => string) => string;
    partOf: (e: Qualification, pathways: string[]) => string;
    unitCount: (e: Qualification) => string;
    /** Who our sources say a qualification or pathway suits, in their words. */
    suits: (e: CatalogueEntry) => string;
    /** The job roles our sources give for a qualification or pathway, in the source's words. */
    roles: (e: CatalogueEntry) => string;
    languages: (e: Qualification, owner: string) => string;
    pathwayLanguages: (qualifications: TextFact[], skills: TextFact[]) => string;
    status: (k: ConditionCheck, owner: string) => string;
    assessment: (
      competence: boolean,
      quote: string,
      owner: string,
      method?: { value: string; quote: string },
    ) => string;
    notInSources: (what: "cost" | "flexible" | "pay" | "weekly", owner: string, pathway: boolean) => string;
    /** Who runs an apprenticeship pathway (to ask about it). */
    pathwayOwner: string;
    politeClose: string;
  };
  cannotAnswerYet: string;
  unknownQualification: string;
  unknownUnit: (what: string) => string;
  together: {
    barred: (a: string, b: string, wording: string) => string;
    countOne: (a: string, b: string, wording: string) => string;
    exclusiveCountOne: (a: string, b: string, wording: string, counting: string) => string;
    fine: (a: string, b: string) => string;
    needTwo: string;
  };
  whatNextNoFrom: string;
  /** The words cards show beside their data: channels lay cards out and add no word of their own. */
  cards: {
    recommendations: {
      heading: string;
      next: string;
      notOffered: string;
    };
    plan: (p: PlanWordsInput) => CardOf<"plan">["words"];
    unitPicker: (title: string) => CardOf<"unitPicker">["words"];
    check: (
      title: string,
      units: string[],
      credits: string,
      verdict: RulesVerdict,
      broken: number,
    ) => CardOf<"check">["words"];
  };
  /**
   * The renderer: a card's data, or an answer's, as the plain text the terminal and channels without
   * cards show (the same data the Adaptive Cards show).
   */
  render: {
    recommendations: (card: CardOf<"recommendations">, about: string) => string;
    plan: (card: CardOf<"plan">) => string;
    check: (card: CardOf<"check">) => string;
    unitsIn: (title: string, count: number, groups: UnitsInGroup[], rules: string[]) => string;
    unit: (x: UnitAbout) => string;
    compare: (rows: CompareRow[]) => string;
    transfer: (t: TransferResult) => string;
  };
}
