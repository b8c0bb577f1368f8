import type { ConditionCheck, Verdict } from "../../src/advice/eligibility.ts";
import type { TransferResult } from "../../src/advice/progression.ts";
import type { CatalogueEntry, Pathway, Qualification, Source, TextFact } from "../../src/catalogue/schema.ts";
import { describe as describeInterval, type IntervalJson } from "../../src/rules/interval.ts";
import type { Verdict as RulesVerdict } from "../../src/rules/result.ts";
import type { CardOf, Choice, Slot } from "../types.ts";
import { capital, inPerson, type PersonWords, personWords, YOU } from "./en-person.ts";
import type {
  CompareRow,
  ConditionExtra,
  Messages,
  PlanTotals,
  PlanWordsInput,
  UnitAbout,
  UnitsInGroup,
  Who,
} from "./messages.ts";

/**
 * Every word the bot says, in English. The machine only picks messages and passes data; a Welsh
 * catalogue (cy.ts) with the same shape can be added without touching it.
 */
const months = (m: number) => {
  if (m === 0) return "no contact-centre experience yet";
  if (m < 12) return `${m} month${m === 1 ? "" : "s"}`;
  const y = Math.floor(m / 12);
  const r = m % 12;
  return `${y} year${y === 1 ? "" : "s"}${r ? ` ${r} month${r === 1 ? "" : "s"}` : ""}`;
};
const levelName = (l: number) => (l === 0 ? "no qualifications" : `Level ${l}`);
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
/** A sentence as part of a longer one: its closing full stop dropped. */
const sentence = (t: string) => t.trim().replace(/\.$/, "");
/** "It is at Level 2" → "it is at Level 2"; "OCR lists" stays. */
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
/** A sentence ends with its stop. */
const stop = (t: string) => (/[.!?”)]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

/** "1", "1 and 2", "1, 2 and 3" */
const listWords = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;
/** "unit 4", "units 1, 2 and 4"; a unit known by title or reference is quoted as it is. */
const unitWords = (xs: string[]) => `${xs.length === 1 ? "unit" : "units"} ${listWords(xs)}`;

/** The English words for who an answer is about ("she is", "your age", "the learner works"). */
const subjectWords = (w: Who) => {
  const p = personWords(w);
  return {
    subj: p.subj,
    poss: p.poss,
    be: p.verb("are"),
    has: p.verb("hold"),
    work: p.verb("work"),
    live: p.verb("live"),
  };
};
const VERDICT: Record<Verdict | "likely", string> = {
  yes: "Yes",
  no: "No",
  depends: "Not sure yet",
  likely: "Yes, as far as our sources go,",
};
const dmy = (iso: string) => iso.split("-").reverse().join("/");
/** A source's words, quoted after the fact they support. */
const quoted = (s: Source | undefined) => (s ? ` (“${s.quote}”)` : "");
const bare = (s: Source | undefined) => (s ? `“${s.quote}”` : "");
const amount = (n: { value?: number | undefined; min?: number | undefined; max?: number | undefined }) =>
  n.value !== undefined ? `${n.value}` : `${n.min}–${n.max}`;
const interval = (i: IntervalJson | null | undefined): string =>
  i ? describeInterval({ min: i.min, max: i.max ?? Number.POSITIVE_INFINITY }) : "?";
/** The rules engine's verdict on a plan or selection, in words. */
const VERDICT_WORDS: Record<RulesVerdict, string> = {
  valid: "Rules engine verdict: valid, every rule is met.",
  invalid: "Rules engine verdict: not valid.",
  unconfirmed: "Rules engine verdict: nothing broken, but not confirmed from our sources.",
};
const MARK = { holds: "✔", fails: "✘", unknown: "?" } as const;
const objectives = (p: PersonWords) => ({
  glh: "fewest guided learning hours",
  units: "fewest units",
  credits: "fewest credits",
  role: `most relevant to ${p.poss} role`,
});
const checkVerdict = {
  valid: "✔ Valid: every rule is met.",
  invalid: (n: number) => `✘ Not valid yet: ${n} rule${n === 1 ? " is" : "s are"} broken.`,
  unconfirmed: "? Nothing is broken for certain, but some rules can't be confirmed from our sources.",
};
const notOfferedLine = (title: string, why: string) => `Not offered: ${title}: ${why}`;
const planVerdict = {
  valid: "The rules engine confirms this plan meets every rule.",
  unconfirmed: "The rules engine finds no broken rule, but can't confirm it fully: our sources don't give",
  invalid: "",
};
const planIntro = (title: string, objective: string, confirmed = true) =>
  confirmed
    ? `The quickest valid way to complete ${title} (${objective}):`
    : `The quickest way to complete ${title} that breaks no rule we can check (${objective}):`;
const planTotal = (credits: string, glh: string) => `Total: ${credits} credits, ${glh} GLH.`;
const closedForNew = (title: string, end: string) =>
  `Note: ${title} closed to new registrations on ${end}, so this plan is for someone already registered on it.`;
const alternatives = (n: number) =>
  `${n} other plan${n === 1 ? "" : "s"} of near-equal cost exist${n === 1 ? "s" : ""}.`;
const surestPlan = (extraGlh: number, units: string) =>
  `The surest plan (${extraGlh} more GLH) relies on fewer facts our sources don't give: ${units}.`;
const checkUnits = (units: string[]) => `Units: ${units.join(", ")}`;
const checkHeld = (p: PersonWords) => (units: string[]) =>
  `Counted as held (${p.subj} ${p.verb("have")} ${units.length === 1 ? "it" : "them"} already): ${listWords(units)}.`;
const checkIntro = (p: PersonWords) => (title: string) => `Checking ${p.poss} units for ${title}:`;
const recommendIntro = (about: string) => `Here's what I'd suggest for ${about}, best first:`;
/** "unit 10 (Title) → unit 12, same QCF reference": the title once when both units share it. */
function matchText(x: { fromUnit: string; toUnit: string; basis: string }): string {
  const title = (u: string) => /\((.*)\)$/.exec(u)?.[1];
  const to = title(x.fromUnit) === title(x.toUnit) ? x.toUnit.replace(/ \(.*\)$/, "") : x.toUnit;
  return `${x.fromUnit} → ${to} (${x.basis})`;
}
const transferIntro = (title: string) => `From ${title}, the next steps:`;
const onlyMandatoryHeld = (p: PersonWords, units: string) =>
  p.second
    ? `(You didn't say which units you took, so I've counted only the mandatory ones, which everyone takes: ${units}. Tell me your units, e.g. "I have units 1, 2, 4 and 9", to see what else counts.)`
    : `(${capital(p.poss)} units weren't named, so I've counted only the mandatory ones, which everyone takes: ${units}. Tell me ${p.poss} units, e.g. "units 1, 2, 4 and 9 of 10265", to see what else counts.)`;
const noNext = (title: string) => `Our sources don't name a next qualification after ${title}.`;

/**
 * The English catalogue, speaking of `p`: "you" to a learner, the learner by name (or "the learner") to
 * an adviser, parent or manager (en-person.ts picks the words).
 */
/** The source documents (seeds/README.md) by the names a reader knows them by. */
const SOURCE_NAMES: Record<string, string> = {
  "000": "OCR's datasheet for the Principles certificates",
  "001": "OCR's NVQ datasheet",
  "002": "IQ's register entry for its Level 2 NVQ",
  "003": "the Welsh Government's apprenticeship pathway",
  "004": "OCR's unit specification for unit 10 of 10267",
};

const catalogue = (p: PersonWords): Messages => ({
  sourceName: (doc: string) =>
    SOURCE_NAMES[doc.slice(0, 3)] ??
    (doc.startsWith("domain-facts") ? "our notes of other public sources" : doc),
  slotName: {
    role: "job role",
    experience: "experience",
    level: "highest qualification level",
    working: `whether ${p.subj} ${p.verb("work")} in a contact centre`,
    apprenticeship: "apprenticeship interest",
    nation: `where ${p.subj} ${p.verb("live")}`,
    age: "age",
  } satisfies Record<Slot, string>,

  describe: {
    group: (size: number | null) =>
      `advice for ${size ? `a group of ${size} learners` : "a group of learners"} as one (for one of them, tell me about them by name)`,
    role: (v: string | null, otherJob?: boolean) =>
      v === null ? (otherJob ? "working outside contact centres" : "not working yet") : v,
    experience: (v: number) => months(v),
    level: (v: number) => levelName(v),
    working: (v: boolean) => (v ? "working in a contact centre" : "not working in a contact centre"),
    apprenticeship: (v: boolean) =>
      v ? "interested in an apprenticeship" : "not looking for an apprenticeship",
    nation: (v: string) => `living in ${v}`,
    age: (v: number) => `aged ${v}`,
    held: (titles: string[]) => `holds ${titles.join(" and ")}`,
    heldUnits: (units: string[], title: string | null) =>
      `${p.subj} ${p.verb("hold")} ${unitWords(units)}${title ? ` of ${title}` : ""}`,
    months,
    levelName,
  },

  welcome: {
    text: "Hello! I help people choose and plan UK contact-centre qualifications: which one suits you, what comes next, and which units make a valid combination. Who am I talking to?",
    choices: [
      { label: "I'm a learner", value: "I'm a learner" },
      { label: "I work in a contact centre", value: "I work in a contact centre" },
      { label: "I'm a careers adviser", value: "I'm a careers adviser" },
    ] satisfies Choice[],
    hint: 'You can also just tell me about yourself, e.g. "I\'m a team leader, 3 years in, got my NVQ 2". Type help at any time.',
  },
  helloAgain: "Hello again!",

  ask: {
    userKind: {
      first: "Who am I talking to: a learner, someone working in a contact centre, or a careers adviser?",
      rephrase:
        "Sorry, I didn't catch that. Are you a learner, do you work in a contact centre, or are you a careers adviser running a session?",
      choices: [
        { label: "Learner", value: "I'm a learner" },
        { label: "Contact-centre staff", value: "I work in a contact centre" },
        { label: "Careers adviser", value: "I'm a careers adviser" },
      ],
    },
    learnerName: {
      first: "Thanks. What's the learner's name? (Optional: say skip to leave it out of the record.)",
      rephrase: "Just a first name, or a full name, is fine. Or say skip.",
      choices: [{ label: "Skip the name", value: "skip" }],
    },
    role: {
      first:
        "What's your job role? For example: contact centre agent, team leader, supervisor, or not working yet.",
      firstAdviser: `What is ${p.poss} job role? For example: contact centre agent, team leader, or not working yet.`,
      rephrase: inPerson(
        'I couldn\'t match that to a job role. Try the title on your contract, like "customer service advisor" or "team leader", or say "not working yet".',
        p,
      ),
      choices: [
        { label: "Contact centre agent", value: "contact centre agent" },
        { label: "Customer service advisor", value: "customer service advisor" },
        { label: "Team leader", value: "team leader" },
        { label: "Supervisor", value: "supervisor" },
        { label: "Manager", value: "contact centre manager" },
        { label: "Not working yet", value: "I'm not working yet" },
      ],
    },
    experience: {
      first:
        'How long have you worked in a contact centre, or in customer service on the phone or online? (e.g. "2 years", "since 2021", "none")',
      firstAdviser: `How long has ${p.subj} worked in a contact centre, or in customer service on the phone or online?`,
      rephrase: 'How long, roughly? For example "6 months", "3 years", "since 2020", or "none".',
      choices: [
        { label: "None yet", value: "no experience" },
        { label: "Under a year", value: "6 months" },
        { label: "1–2 years", value: "18 months" },
        { label: "3–5 years", value: "4 years" },
        { label: "More than 5 years", value: "6 years" },
      ],
    },
    level: {
      first:
        "What's the highest qualification you hold? (e.g. GCSEs, A levels, NVQ Level 2, a degree, or none)",
      firstAdviser: `What's the highest qualification ${p.subj} ${p.verb("hold")}?`,
      rephrase: 'Tell me the level, e.g. "Level 2", "NVQ 3", "GCSEs", "A levels", "a degree" or "none".',
      choices: [
        { label: "None", value: "no qualifications" },
        { label: "GCSEs / Level 2", value: "level 2" },
        { label: "A levels / Level 3", value: "level 3" },
        { label: "Level 4 or higher", value: "level 4" },
      ],
    },
    working: {
      first:
        "Do you work in a contact centre now? (NVQs are assessed in real work, so this changes what suits you.)",
      firstAdviser: `Does ${p.subj} work in a contact centre now? (NVQs are assessed in real work.)`,
      rephrase: inPerson("Just yes or no: are you working in a contact centre at the moment?", p),
      choices: [
        { label: "Yes", value: "yes" },
        { label: "No", value: "no" },
      ],
    },
    apprenticeship: {
      first: "Are you interested in doing it as an apprenticeship?",
      firstAdviser: `Is ${p.subj} interested in an apprenticeship?`,
      rephrase: inPerson("Yes or no: would you like an apprenticeship?", p),
      choices: [
        { label: "Yes", value: "yes" },
        { label: "No", value: "no" },
      ],
    },
    nation: {
      first:
        "Which nation do you live in: England, Wales, Scotland or Northern Ireland? (Apprenticeship pathways differ.)",
      firstAdviser: `Which nation does ${p.subj} live in? (Apprenticeship pathways differ.)`,
      rephrase: "England, Wales, Scotland or Northern Ireland?",
      choices: [
        { label: "England", value: "England" },
        { label: "Wales", value: "Wales" },
        { label: "Scotland", value: "Scotland" },
        { label: "Northern Ireland", value: "Northern Ireland" },
      ],
    },
    age: {
      first: "How old are you? (Some qualifications have a minimum age.)",
      firstAdviser: `How old is ${p.subj}? (Some qualifications have a minimum age.)`,
      rephrase: inPerson("Your age in years, please, e.g. 17 or 24. Or say skip.", p),
      choices: [
        { label: "Under 18", value: "16" },
        { label: "18 or over", value: "25" },
      ],
    },
    qualification: {
      first: "Which qualification are these units for?",
      rephrase: "Which qualification? Pick one below, or type its number (e.g. 10265).",
      choices: [],
    },
    units: {
      first: "Which units? Type their numbers (e.g. 1, 2, 4 and 9), references or titles.",
      rephrase: 'Type unit numbers like "1, 2, 4, 9", or use the unit picker.',
      choices: [],
    },
    confirm: {
      first: "Are you sure?",
      rephrase: "Yes or no?",
      choices: [
        { label: "Yes", value: "yes" },
        { label: "No", value: "no" },
      ],
    },
  },
  chooseOne: "Please pick one:",
  stuck: "I'm still not getting it, sorry. You can skip this question, or talk to a person.",
  stuckChoices: [
    { label: "Skip this question", value: "skip" },
    { label: "Talk to a person", value: "talk to a person" },
  ] satisfies Choice[],
  /** What is left out when a question is skipped for the user after three misses. */
  autoSkippedWhat: { userKind: "role in this chat", learnerName: "learner's name" },
  /** An answer taken back by "back" with nothing in its place. */
  forgotten: (what: string, value: string) => `${what} (${value}) forgotten`,
  thatUnit: "that unit",
  autoSkipped: (what: string) =>
    `Let's move on without ${p.poss} ${what}; you can tell me later at any time.`,
  skipped: (what: string) => `OK, skipping ${p.poss} ${what}.`,

  noted: (parts: string[]) => `Got it: ${parts.join("; ")}.`,
  changed: (parts: string[]) => `Updated: ${parts.join("; ")}.`,
  groupLevelVaries:
    "Their qualification levels vary, so I'll leave the level open: the suggestions suit the group, and entry requirements that depend on a level are for each learner to check.",
  heldRemoved: (titles: string[]) =>
    `${p.subj} no longer ${p.second ? "hold" : p.verb("hold")} ${listWords(titles)} on my record`,
  unchanged: (parts: string[]) => `That's what I have already: ${parts.join("; ")}.`,
  /** Facts read with less confidence (Understanding.unsure): said back with the words they came from. */
  unsure: (parts: string[]) => `I wasn't sure of ${parts.join(" or ")}: say if I got it wrong.`,
  readAs: (what: string, read: string, value: string) =>
    `${/^(where|whether) /.test(what) ? what : `${p.poss} ${what}`} ("${read}" read as ${value})`,
  change: (what: string, from: string, to: string) => `${what} ${from} → ${to}`,
  /** A value in a change line where its description would repeat the slot's name ("age 19 → 17"). */
  changeValue: {
    age: (v: number) => String(v),
    nation: (v: string) => v,
  } satisfies Partial<Record<Slot, (v: never) => string>>,
  learnerNameNoted: (name: string) => `Thanks, I'll put ${name} on the session record.`,
  pastRoleNoted: (title: string, now: string) =>
    `Noted: ${p.subj} worked as ${/^[AEIOU]/.test(title) ? "an" : "a"} ${title} before. I go by the job ${p.subj} ${p.verb("have")} now (${now}), so that stays ${p.poss} job role; the earlier one goes on the record.`,
  learnerNameSlot: "learner's name",
  heldUnitsKept: (units: string[], title: string | null) =>
    `I still have ${unitWords(units)}${title ? ` of ${title}` : ""} as ${p.subj === "you" ? "yours" : p.own}: ${units.length === 1 ? "it counts" : "they count"} as held in every plan and check.`,
  heldUnitsSlot: (title: string | null) => `units held${title ? ` of ${title}` : ""}`,
  heldUnitsUnknown: (units: string[], title: string | null) =>
    `I couldn't find ${unitWords(units)}${title ? ` in ${title}` : ""}, so I've left ${units.length === 1 ? "it" : "them"} out.`,
  whichQualificationForHeldUnits: "Which qualification are these units from?",
  askAgain: (question: string) => `And ${question.charAt(0).toLowerCase()}${question.slice(1)}`,
  dismissed: "OK, none of those.",
  unitsEdited: (removed: string[], added: string[]) =>
    `Changed ${p.poss} units: ${[
      ...(removed.length ? [`took out ${listWords(removed)}`] : []),
      ...(added.length ? [`added ${listWords(added)}`] : []),
    ].join("; ")}.`,
  editChangedNothing: "Those units are already as you asked, so nothing changed.",
  heldStays: (units: string[]) =>
    `${capital(p.subj)} ${p.verb("hold")} ${unitWords(units)} already, so ${units.length === 1 ? "it stays" : "they stay"}: units ${p.subj} ${p.verb("hold")} always count.`,
  notInSelection: (units: string[]) =>
    `${units.length === 1 ? "Unit" : "Units"} ${listWords(units)} ${units.length === 1 ? "wasn't" : "weren't"} in ${p.poss} selection.`,
  unitsAbout: (title: string, theme: string[], units: string[]) =>
    units.length
      ? [
          `Units of ${title} whose titles are about ${listWords(theme)} (credits; ? where our sources do not give them):`,
          ...units.map((u) => `• ${u}`),
          'Say "check" with the ones you want, or ask "what is unit N?".',
        ].join("\n")
      : `No unit of ${title} has ${listWords(theme)} in its title.`,
  unitsForRole: (title: string, role: string, topics: string[], units: string[]) =>
    units.length
      ? [
          `Units of ${title} whose titles fit the work of a ${role} (${listWords(topics)}). This is my reading of the unit titles, not something our sources say; credits in brackets, ? where our sources do not give them:`,
          ...units.map((u) => `• ${u}`),
          'Say "check" with the ones you want, "plan it for my role", or ask "what is unit N?".',
        ].join("\n")
      : `No unit title of ${title} fits the work of a ${role} (${listWords(topics)}), as far as I can tell from the titles.`,
  topicName: {
    sales: "sales",
    customerService: "customer service",
    leadership: "leading a team",
    performance: "performance and quality",
    resourcePlanning: "resource planning",
    technology: "technology",
    incidents: "incidents",
  },
  heldCountTowards: (title: string, units: string[]) =>
    units.length
      ? `Towards ${title}, ${unitWords(units)} ${p.subj} ${p.verb("hold")} ${units.length === 1 ? "counts" : "count"}.`
      : `None of the units ${p.subj} ${p.verb("hold")} count towards ${title}.`,
  countingChosen: (units: string[]) =>
    `Counting ${unitWords(units)} you chose as done, once you complete ${units.length === 1 ? "it" : "them"}:`,
  checkHeld: checkHeld(p),

  help: [
    "I can:",
    `• recommend a qualification for ${p.obj}, with reasons (tell me ${p.poss} role, experience and level);`,
    "• plan the quickest valid set of units, or check units you've picked against the rules;",
    '• answer questions: "what comes after 10265?", "which units are in 10268?", "what is unit 4?", "compare 10266 and 10267", "can I take units 10 and 18 together?", "what does barred mean?".',
    'At any time: back (undo your last answer), restart, cancel, talk to a person, delete my data. You can correct anything, e.g. "actually I\'m a supervisor".',
  ].join("\n"),
  handover:
    "To talk to a person: your training provider, college or employer's learning team can advise you, and so can the public careers services: the National Careers Service in England, Careers Wales, My World of Work in Scotland, and the nidirect Careers Service in Northern Ireland. I'll be here when you're back.",
  restarted: "Starting again: I've cleared everything you told me.",
  cancelled:
    "OK, stopped. What you've told me is kept; say anything to carry on, restart to start over, or delete my data to remove it.",
  goodbye:
    "You're welcome, and goodbye! What you've told me is kept: say anything to carry on, restart to start over, or delete my data to remove it.",
  nothingToUndo: "There's nothing to undo yet.",
  undone: (what: string) => `Undone: ${what}.`,
  undoneGeneric: "Undone your last answer.",
  confirmDelete: "Delete everything you've told me in this conversation? This can't be undone.",
  deleted: "Done: I've deleted your data from this conversation. Say hello to start again.",
  keptData: "OK, nothing deleted.",
  backToIt: "Back to where we were:",
  /** The pending question in short, to repeat after an aside when the reply that asked it was long. */
  pending: {
    planUndetermined: (title: string) =>
      `I can't work out a plan for ${title} from our sources: shall I check units you choose?`,
    planNone: (title: string) => `No valid completion of ${title} exists: shall I check units you choose?`,
    unitsUnusable: "Which units shall I check? Or shall I plan it for you?",
  },
  badSubmit: "That card is out of date or wasn't one of mine, so I've ignored it. Here's where we are:",
  startedOverVersion:
    "Sorry: I've been updated since we last spoke and couldn't pick up where we left off, so let's start again.",
  startedOverCorrupt: "Sorry: I couldn't read where we left off, so let's start again.",
  notCaught: "Sorry, I didn't understand that.",
  whichOne: (n: number) => `That could be ${n} qualifications. Which one do you mean?`,

  recommendIntro,
  recommendEmpty: "I couldn't find a qualification in our catalogue that suits that profile.",
  recommendSoFar: (missing: string[]) =>
    `Here it is from what I know so far. Tell me ${listWords(missing)} at any time and I'll sharpen it.`,
  recommendNext: "Pick one to plan its units, or ask me anything about them.",
  recommendBrief: (titles: string[]) =>
    `My suggestions for ${p.obj}, best first: ${titles.map((t, i) => `${i + 1}. ${t}`).join("; ")}. Pick one to plan its units, or ask why.`,
  recommendReasonsChoice: "Why these?",
  ifWorking: (titles: string[], added: string[]) =>
    `Once ${p.subj} ${p.verb("are")} working in a contact centre, I'd suggest, best first: ${titles.map((t, i) => `${i + 1}. ${t}`).join("; ")}.${added.length ? ` New with the job: ${listWords(added)} (an NVQ needs current work in a contact centre).` : ""} I'll keep ${p.poss} details as they are until ${p.subj} ${p.verb("tell")} me ${p.subj} ${p.verb("have")} started.`,
  questionUnanswered:
    'I don\'t have an answer to that in our sources, sorry. I can answer questions about entry requirements, units, credits, hours, job roles, assessment and what comes next, check or plan units, or put you in touch with a person (say "talk to someone").',
  recommendUnchanged: (titles: string[]) =>
    `My suggestions haven't changed (see above): ${titles.map((t, i) => `${i + 1}. ${t}`).join("; ")}.`,
  whatComesNextChoice: "What comes next after it?",
  pickToPlan: "Which one shall I plan? Pick one below, or type its number (e.g. 10268).",
  recommendChanged: (parts: string[]) => `What's changed in my suggestions: ${parts.join("; ")}.`,
  prefer: {
    first: (title: string, reason: string) => `Yes: ${title} is already my first suggestion. ${stop(reason)}`,
    lower: (title: string, rank: number, reason: string | null, top: string, topReason: string) =>
      `I put ${top} first: ${stop(lowerFirst(topReason))} ${title} is my ${ordinal(rank)} suggestion${reason ? `: ${stop(lowerFirst(reason))}` : "."} If it suits ${p.obj} better, pick it and I'll plan it.`,
    none: (what: string, reason: string | null, top: string, topReason: string) =>
      `${what} isn't among my suggestions${reason ? `: ${stop(lowerFirst(reason))}` : "."} I put ${top} first: ${stop(lowerFirst(topReason))}`,
    level: (level: number) => `Level ${level}`,
  },
  recommendChange: {
    added: (title: string, at: number) => `${title} is new, ${ordinal(at)}`,
    moved: (title: string, from: number, to: number) =>
      `${title} is now ${ordinal(to)} (was ${ordinal(from)})`,
    dropped: (title: string) => `${title} is no longer suggested`,
    says: (title: string, text: string) => `${title} now: ${sentence(text)}`,
    noLonger: (title: string, text: string) => `${title} no longer: ${sentence(text)}`,
    notOffered: (title: string, reason: string) => `${title} is not offered: ${sentence(reason)}`,
    reasons: (titles: string[]) => `the reasons for ${listWords(titles)}`,
  },
  planChoice: (shortTitle: string) => `Plan ${shortTitle}`,
  chooseUnitsChoice: (shortTitle: string) => `Units of ${shortTitle}`,
  /** A qualification's title, short enough for a button or a list ("OCR Level 3 NVQ Diploma"). */
  shortTitle: (title: string) =>
    title
      .replace(/ in Contact Centre Operations.*$/, "")
      .replace(/Certificate in Principles of Contact Centre Operations/, "Principles Certificate")
      .replace(/^Welsh apprenticeship pathway, Contact Centre Operations, /, "Welsh apprenticeship "),
  /** A recommendation's next step says how to plan in this chat, not with the CLI command. */
  planWithMe: (nextStep: string) =>
    nextStep.replace(/,? and plan your units \(advisor plan [^)]+\)/, ", and plan your units with me"),
  notOffered: notOfferedLine,
  you: "you",
  inPerson: (text: string) => inPerson(text, p),
  theLearner: (name: string | null) => (name ? name : "the learner"),
  theGroup: "your learners",
  beforeJob: (nvq: string, prepare: string) =>
    [
      "Our sources don't say what employers ask of people applying for a job: that is up to each employer, so ask them or the careers service. What our sources do say:",
      `• the NVQs are done while working in a contact centre, so they come after the job${nvq ? ` (“${nvq}”)` : ""};`,
      `• OCR's Level 2 Principles certificate is for people getting ready for such a job, so it can come before${prepare ? ` (“${prepare}”)` : ""}.`,
    ].join("\n"),

  noUnitList: (title: string) =>
    `${title}: its unit list isn't in our sources, so I can't plan or check its units. The awarding body's handbook lists them; an approved centre can help.`,
  notAQualification: (title: string) =>
    `${title} is an apprenticeship pathway made of several qualifications, so it has no unit list of its own. Pick one of its qualifications to plan units.`,
  planIntro,
  objective: objectives(p),
  planVerdict,
  planUndetermined: (reason: string, held: string[], mandatory: string[]) =>
    [
      `I can't work out a plan for it from our sources. ${reason}`,
      ...(held.length
        ? [
            // Its numbers, said as its: "your units 1, 7…" read as the learner's own numbers (persona review 4).
            `The units ${p.subj} ${p.verb("hold")} count towards it as its ${held.length === 1 ? "unit" : "units"} ${listWords(held)}.`,
          ]
        : []),
      ...(mandatory.length ? [`Everyone takes the mandatory units: ${listWords(mandatory)}.`] : []),
      "A centre approved by the awarding body has the handbook with every unit's credit value: ask it, or choose units you want me to check.",
    ].join("\n"),
  surestPlan,
  planNone: (reason: string, fix: string | undefined) =>
    `No valid completion exists: ${reason}${fix ? `\n${fix}` : ""}`,
  planChoices: [
    { label: "Looks good", value: "looks good" },
    { label: "Fewest units instead", value: "plan with fewest units" },
    { label: "Choose my own units", value: "choose my own units" },
  ] satisfies Choice[],
  planTotal,
  planNext: "What next?",
  planUnchanged: (title: string, added: string[]) =>
    `The plan above for ${title} still stands${added.length ? `: add ${unitWords(added)}` : ""}.`,
  planNoteUnchanged: (title: string) =>
    `Nothing has changed for ${title}: as above, I can't work out a plan for it from our sources.`,
  planChanged: (added: string[], removed: string[]) =>
    `What's changed in the plan: ${[
      ...(added.length ? [`it adds ${unitWords(added)}`] : []),
      ...(removed.length ? [`no longer ${unitWords(removed)}`] : []),
    ].join("; ")}.`,
  alternatives,
  pickUnits: (title: string) => `Pick units for ${title}, or type their numbers (e.g. 1, 2, 4, 9):`,

  checkIntro: checkIntro(p),
  checkVerdict,
  checkChoices: {
    fix: { label: "Apply the smallest fix", value: "apply the fix" },
    plan: { label: "Plan it for me", value: "plan it for me" },
    happy: { label: "I'm happy with these", value: "looks good" },
    change: { label: "Change units", value: "choose my own units" },
  },
  checkUnits,
  checkUnchanged: "Same result as the check above.",
  checkOthersMet: (n: number) => `✔ ${n === 1 ? "1 other rule is" : `${n} other rules are`} met.`,
  cannotAcceptInvalid:
    "That combination breaks the rules, so it wouldn't lead to the qualification. Shall I apply the smallest fix?",
  unitProblem: (messages: string[]) => `I couldn't use all of those units:\n${messages.join("\n")}`,
  whichQualificationForUnits: "Which qualification are these units for?",
  noFix: "There's no single fix I can apply; try the plan instead.",
  nothingToFix:
    "Nothing to fix: no rule is broken by these units. (Anything marked ? can't be confirmed from our sources, and no change of units would confirm it.)",
  nothingToSkip: "There's no question to skip here.",
  closedForNew,
  whichQualificationForTogether: (units: string) =>
    `Which qualification are units ${units} in? E.g. "can I take units ${units} together in 10265?"`,
  fixApplied: (dropped: string[], added: string[]) =>
    [
      `Applied the smallest fix (the cheapest valid completion of ${p.poss} units):`,
      ...(dropped.length
        ? [`took out ${listWords(dropped)}, which the rules don't allow with the rest;`]
        : []),
      added.length
        ? `added ${listWords(added)}; every other unit of ${p.own} is kept.`
        : `every other unit of ${p.own} is kept.`,
    ].join(" "),

  unheld: (units: string[]) =>
    `Understood: ${units.length === 1 ? "unit" : "units"} ${listWords(units)} ${units.length === 1 ? "is" : "are"} not held, ${units.length === 1 ? "it is one" : "they are ones"} ${p.subj} ${p.verb("want")} to take.`,
  fixDropped: (dropped: string[], stillBroken: number, why: string[] = []) =>
    `${why.length ? `${why.join(" ")} ` : ""}Took out ${listWords(dropped)}, which the rules don't allow with the rest; every other unit of ${p.own} is kept. ${
      stillBroken
        ? `${stillBroken === 1 ? "1 rule is" : `${stillBroken} rules are`} still not met, and our sources don't give the credit values I'd need to complete it for you: add units yourself, or ask the awarding body.`
        : "Nothing is broken for certain now."
    }`,

  wrapUp: (title: string | null, cautious?: boolean) =>
    `${cautious ? "" : "Great. "}${title ? `${capital(p.poss)} next step: ${title}. ` : ""}Ask me anything else, say restart to begin again, or delete my data when you're done.`,
  recordReady: "Here's the session record:",
  wrapUpUnconfirmed: (rules: number) =>
    `One thing before ${p.subj} ${p.verb("rely")} on these units: ${rules === 1 ? "1 rule" : `${rules} rules`} could not be confirmed from our sources (credit values or levels they do not give). The centre's handbook has them: ask the centre to check the selection.`,
  recordUnchanged: "The session record above is up to date: nothing has changed since.",
  record: {
    title: (name: string | null) => (name ? `Session record: ${name}` : "Session record"),
    date: (iso: string) => `Date: ${iso}`,
    headings: {
      profile: "Profile",
      recommendations: "Recommendations",
      plan: "Unit plan",
      next: "Next steps",
      progression: "Progression discussed",
      answers: "Questions answered",
    },
    labels: {
      role: "Job role",
      experience: "Experience",
      level: "Highest level",
      held: "Qualifications",
      units: "Units held",
      working: "Working",
      apprenticeship: "Apprenticeship",
      nation: "Nation",
      age: "Age",
      pastRole: "Earlier job role",
      learners: "Learners",
    },
    group: (size: number | null) => (size ? `a group of ${size}, advised as one` : "a group, advised as one"),
    levelVaries: "varies across the group",
    notKnown: "not known",
    noneNamed: "none named",
    notWorkingYet: "not working yet",
    otherJob: "working outside contact centres",
    levelNone: "none",
    working: (v: boolean) => (v ? "in a contact centre" : "not in a contact centre"),
    apprenticeship: (v: boolean) => (v ? "interested" : "not interested"),
    unitsOf: (units: string[], title: string | null) => `${units.join(", ")}${title ? ` (${title})` : ""}`,
    noRecommendations: "None made in this session.",
    noPlan: "No unit plan in this session.",
    planUnits: (units: string[], credits: string) => `Units ${units.join(", ")} (${credits} credits)`,
    verdict: VERDICT_WORDS,
    broken: (message: string, fix: string | undefined) => `Broken: ${message}${fix ? ` Fix: ${fix}` : ""}`,
    undetermined: (reason: string) => `No plan can be worked out from our sources. ${reason}`.trim(),
    decide: "Decide on a qualification (ask the advisor for a recommendation).",
  },
  wrapChoices: [
    { label: "Session record", value: "session record" },
    { label: "Start again", value: "restart" },
  ] satisfies Choice[],

  define: {
    barred:
      'Barred units are combinations the rules do not allow together, because their content overlaps. OCR: "a candidate may take either, but not both". IQ: "learners are not allowed to take more than one unit of a barred set", and "only one unit from each pair/set can count": if you already hold two from an earlier qualification, only one of them counts.',
    credit:
      "A credit measures the size of a unit: where our sources give a qualification's total qualification time (taught and self-directed learning), it is ten hours for each credit (City & Guilds' Level 2 NVQ: 28 credits, 280 hours); for the others they do not say. A qualification needs a minimum number of credits, sometimes with some at a given level or from given groups.",
    glh: "GLH means guided learning hours: time spent learning with a tutor, trainer or assessor present. It doesn't include your own study, so total qualification time is higher.",
    mandatory: "Mandatory units are the ones everybody must take for that qualification.",
    optional:
      "Optional units are the ones you choose, within the group rules (minimum credits from a group, caps, barred combinations).",
    nvq: "An NVQ (National Vocational Qualification) is a work-based competence qualification: you're assessed doing the job, so you need current real work. A \"Principles\" certificate is the knowledge-only alternative. SVQs (Scottish Vocational Qualifications) are Scotland's own: our sources do not describe them, so how an SVQ compares with an NVQ is a question for My World of Work or SQA.",
    qcf: "The QCF (Qualifications and Credit Framework) was the framework these qualifications were built in: units with a credit value and a level, and a reference like K/503/0385.",
    level:
      "Levels run from Entry to 8. Level 2 is roughly GCSE grades 9–4 (A*–C), Level 3 is A level, Level 4 is the first year of a degree.",
    apprenticeship:
      "An apprenticeship is a job with training: you work and earn while you learn. The Welsh Contact Centre Operations pathway (Levels 2 and 3) is made of three mandatory parts: a qualification (a competence NVQ or a knowledge certificate), Essential Skills, and on/off-the-job training; it has no mandatory entry requirements.",
    group:
      'A group is a set of units within a qualification that has its own rule: for example Group A holds the mandatory units, and the OCR NVQs ask for "a minimum of 12 credits from Group B" and count credit from "no more than 2 units from Group D".',
  },

  /** Answers to questions about eligibility and about a qualification's facts, each fact quoted. */
  answers: {
    whichQualification:
      'Which qualification do you mean? Its number or name will do, e.g. "can I do 10265?" or "how many credits is the Level 2 NVQ?"',
    durationGeneral:
      'Our sources give credits and hours, not a length in weeks or months. Tell me which qualification, e.g. "how long does 10265 take?", and I\'ll give its hours; the centre or training provider sets the pace.',
    verdictLine: (verdict: Verdict | "likely" | null, titles: string[], parts: string[], bullet: boolean) =>
      // Three reasons or more for one answer read better as a list.
      !bullet && parts.length >= 3
        ? `${verdict ? `${VERDICT[verdict]} for ` : ""}${listWords(titles)}:\n${parts.map((x) => `• ${x}`).join("\n")}`
        : `${bullet ? "• " : ""}${verdict ? `${VERDICT[verdict]} for ` : ""}${listWords(titles)}: ${
            parts.length ? parts.join("; ") : "our sources set no condition that stands in the way"
          }.`,
    condition: (k: ConditionCheck, who: Who, x: ConditionExtra): string => {
      const q = quoted(k.source);
      const s = subjectWords(who);
      switch (k.condition) {
        case "open":
          if (k.closedOn) return `it closed to new registrations on ${dmy(k.closedOn)}${q}`;
          if (k.opensOn) return `it opens to new registrations on ${dmy(k.opensOn)}${q}`;
          if (k.openUntil) return `it is open to new registrations until ${dmy(k.openUntil)}${q}`;
          return `our sources don't give its operational dates: check with ${x.owner} that it still takes new learners`;
        case "held":
          return `${s.subj} already ${s.has} ${k.heldId === x.entryId ? "it" : `the ${x.titleOf(k.heldId ?? "")}`}`;
        case "age":
          if (k.anyAge) return `it is open to any age${q}`;
          if (k.minimumAge === undefined) return "our sources give no minimum age: ask the awarding body";
          if (k.status === "unknown")
            return `the minimum age is ${k.minimumAge}${q}: I don't know ${s.poss} age yet; if ${s.subj} ${s.be} ${k.minimumAge} or over, that's met`;
          return `the minimum age is ${k.minimumAge}${q}, and ${s.subj} ${s.be} ${x.age}`;
        case "work": {
          if (k.noJobNeeded) return `no job is needed: it suits people ${bare(k.source)}`;
          if (k.withJob) return `it is trained on the job as well as off it, so it comes with a job${q}`;
          // OCR's words about its NVQs are OCR's: said so when they are given for another body's NVQ.
          const byOcr = !!k.source?.doc.startsWith("001") && x.owner !== "OCR";
          const base = `it is for people working in a contact centre now${byOcr && k.source ? ` (OCR's description of NVQs: “${k.source.quote}”)` : q}`;
          if (x.volunteer)
            return `${base}; whether volunteering counts is not in our sources: ask the awarding body or a centre`;
          if (k.status === "met") return `${base}, and ${s.subj} ${s.work} in one`;
          if (k.status === "unmet") return `${base}, and ${s.subj} ${s.be} not working in one`;
          return `${base}: I don't know yet whether ${s.subj} ${s.work} in one`;
        }
        case "nation": {
          const base = `it is for apprentices in ${k.nation}${q}`;
          if (k.status === "met") return `${base}, where ${s.subj} ${s.live}`;
          if (k.status === "unmet")
            return `${base}, and ${s.subj} ${s.live} in ${x.nation ?? "another nation"}`;
          return `${base}: I don't know yet where ${s.subj} ${s.live}`;
        }
        case "entry":
          return k.status === "met"
            ? `no qualification is needed first${q}`
            : `our sources give no entry requirements: ask ${x.owner}`;
      }
    },
    closedToo: (titles: string[]) =>
      `(${listWords(titles)} ${titles.length === 1 ? "is" : "are"} closed to new registrations.)`,
    noUpperAge: "None of our sources sets an upper age limit.",
    partOfPathway: (pathway, qualification, fits, components) =>
      fits
        ? `Yes: ${qualification} is the ${fits.name.toLowerCase()} of the ${pathway} (“${fits.quote}”).`
        : [
            `No: ${qualification} is not one of the qualifications the ${pathway} is made of. Our source names:`,
            ...components.map((c) => `• ${c.name}: ${listWords(c.titles)} (“${c.quote}”)`),
          ].join("\n"),
    apprenticeshipsElsewhere: (parts: { title: string; quote: string }[], nation?: string) =>
      [
        `Outside Wales, our sources hold no apprenticeship framework${nation === "Scotland" || nation === "Northern Ireland" ? "" : `'s details (England had one, FR03935 “Contact Centre Operations”, issued on 19 September 2016 by Instructus; what it requires is not in our sources)`}: a training provider or ${nation === "Scotland" ? "My World of Work" : nation === "Northern Ireland" ? "the nidirect Careers Service" : "the National Careers Service"} can say who offers one. The awarding bodies say:`,
        ...parts.map((p) => `• ${p.title}: “${p.quote}”`),
      ].join("\n"),
    about: (title: string) => `${title}:`,
    aboutMany: (titles: string[]) => `${listWords(titles)}:`,
    nationNote: (nation: string, quote: string) =>
      nation === "Scotland"
        ? `A word for Scotland: the qualifications in our sources are on the Qualifications Credit Framework (“${quote}”), and the apprenticeship pathway is Wales's. Our sources say nothing about SVQs or Scottish apprenticeships: My World of Work can say what is offered in Scotland.`
        : `A word for Northern Ireland: the qualifications in our sources are on the Qualifications Credit Framework (“${quote}”), and the apprenticeship pathway is Wales's. Our sources say nothing about apprenticeships in Northern Ireland: the nidirect Careers Service can say what is offered there.`,
    goalRoles: (goal: string, items: { title: string; quote: string }[]) =>
      items.length
        ? [
            `For ${goal} roles, our sources name these:`,
            ...[...new Map(items.map((x) => [x.quote, x])).values()].map(
              (x) =>
                `• ${listWords(items.filter((y) => y.quote === x.quote).map((y) => y.title))}: “${x.quote}”`,
            ),
          ].join("\n")
        : `Our sources name no qualification for ${goal} roles.`,
    rolesFor: (roles: string[], role: string, quote: string, who: Who) => {
      const s = subjectWords(who);
      return `but its source gives it for roles such as ${listWords(roles)} (“${quote}”), and ${s.subj} ${s.be} a ${role}`;
    },
    roleFits: (role: string, quote: string, leadsTo: boolean, who: Who) => {
      const s = subjectWords(who);
      return `its source names ${s.poss} role, ${role}, among the roles it ${leadsTo ? "leads on to" : "suits"} (“${quote}”)`;
    },
    creditsAtLevel: (min: number, level: number, quote: string) =>
      `${min} of them must be at Level ${level} (“${quote}”; whether units at a higher level count too, our sources do not say)`,
    remainingCredits: (title: string, need: number, carried: string, left: string, unitsGiven: boolean) =>
      `Still to earn for ${title}: ${left} of its ${need} credits, since ${carried} credits carry over from ${unitsGiven ? `${p.poss} units` : `the mandatory units (tell me ${p.poss} units to count the rest)`}.`,
    essentialSkillsExemption:
      "Whether a GCSE grade (or a failed GCSE) changes which Essential Skills are needed is not in our sources: ask the training provider.",
    unitFacts: (label: string, credits: string | null, glh: string | null) =>
      `${label}: ${credits === null ? "its credit value is not in our sources" : `${credits} credits`}; ${glh === null ? "its guided learning hours are not in our sources" : `${glh} guided learning hours (GLH)`}`,
    planTotals: (p: PlanTotals) =>
      [
        `${p.plan ? "The plan" : "The units chosen"} for ${p.title} (${unitWords(p.units)}):`,
        p.credits !== null
          ? `• ${p.credits} credits in all`
          : `• the credit values of ${unitWords(p.creditsUnknown)} are not in our sources; the others give ${p.creditsKnown ?? 0} credits`,
        ...(p.counted !== undefined
          ? [
              `• of those, ${p.counted} credits count towards the ${p.need} needed (the rules leave some out: see the check)`,
            ]
          : []),
        p.glh !== null
          ? `• ${p.glh} guided learning hours (GLH) in all`
          : `• the guided learning hours of ${unitWords(p.glhUnknown)} are not in our sources`,
      ].join("\n"),
    credits: (e: Qualification) =>
      e.creditValue
        ? `${amount(e.creditValue)} credits${quoted(e.creditValue.source)}`
        : "its credit value is not in our sources",
    pathwayCredits: (e: Pathway) =>
      `at least ${amount(e.totalCredits)} credits in all${quoted(e.totalCredits.source)}: ${e.components
        .map(
          (c) =>
            `${amount(c.credits)} for ${c.component === "qualification" ? `the ${c.name.toLowerCase()}` : c.name}`,
        )
        .join(", ")}`,
    hours: (e: Qualification) => {
      const parts = [
        ...(e.glh ? [`guided learning hours ${amount(e.glh)}${quoted(e.glh.source)}`] : []),
        ...(e.tqt ? [`total qualification time ${amount(e.tqt)} hours${quoted(e.tqt.source)}`] : []),
      ];
      if (parts.length) return parts.join("; ");
      const credits = e.creditValue?.value;
      // Its units' hours may be known where the qualification's are not: a plan adds them up.
      const units = e.units ?? [];
      const withGlh = units.filter((u) => u.glh).length;
      // (OCR units 32–39 are each one of two references: their hours are known only as a range.)
      const ranged = units.filter((u) => u.glh && u.glh.value === undefined).length;
      const ofUnits = withGlh
        ? `; the guided learning hours of ${withGlh === units.length ? "all" : withGlh} of its ${units.length} units are known${ranged ? ` (${ranged} of them only as a range)` : ""}, so a plan of units (ask me to plan it) gives their total`
        : "";
      return credits !== undefined
        ? `its guided learning hours and total qualification time are not in our sources (it is ${credits} credits)${ofUnits}`
        : `its guided learning hours as a whole are not in our sources${ofUnits}`;
    },
    pathwayHours: (e: Pathway) =>
      `${amount(e.onTheJobHours)} hours of on-the-job and ${amount(e.offTheJobHours)} of off-the-job training, ${amount(e.totalHours)} in all${quoted(e.totalHours.source)}`,
    durationNotInSources: (owner: string) =>
      `our sources give hours, not a length in weeks or months: ${owner} or the centre sets the pace`,
    essentialSkills: (e: Pathway) => {
      const skills = e.components.flatMap((c) => (c.component === "essentialSkill" ? [c] : []));
      const first = skills[0];
      const alike = skills.every(
        (c) =>
          amount(c.level) === amount(first?.level ?? {}) &&
          amount(c.credits) === amount(first?.credits ?? {}) &&
          amount(c.glh) === amount(first?.glh ?? {}),
      );
      if (!first) return "our sources name no Essential Skills for it";
      const names = listWords(
        skills.map((c, i) => (i === 0 ? c.name : c.name.replace(/^Essential Skills Wales /, ""))),
      );
      const quotes = skills.map((c) => `“${c.source.quote}”`).join("; ");
      return alike
        ? `Essential Skills: ${names}, each at Level ${amount(first.level)} (${amount(first.credits)} credits, ${amount(first.glh)} GLH) (${quotes})`
        : `Essential Skills: ${skills.map((c) => `${c.name} at Level ${amount(c.level)} (${amount(c.credits)} credits, ${amount(c.glh)} GLH)`).join("; ")} (${quotes})`;
    },
    noEssentialSkills: (pathways: string[]) =>
      pathways.length
        ? `Essential Skills are not part of the qualification but of the apprenticeship: ${listWords(pathways)} adds Essential Skills Wales Communication and Application of Number`
        : "our sources name no Essential Skills for it (they come with an apprenticeship)",
    components: (e: Pathway, titleOf: (id: string) => string) =>
      `made of: ${e.components
        .map((c) =>
          c.component === "qualification"
            ? `${c.name.toLowerCase()}, ${c.oneOf.map(titleOf).join(" or ")}`
            : `${c.name} (Level ${amount(c.level)})`,
        )
        .join("; ")}`,
    partOf: (e: Qualification, pathways: string[]) =>
      [
        e.apprenticeshipComponent
          ? `it forms ${e.apprenticeshipComponent.value}${quoted(e.apprenticeshipComponent.source)}`
          : undefined,
        pathways.length ? `${listWords(pathways)} names it as one of its qualifications` : undefined,
        e.units
          ? `it has ${e.units.length} units (ask "which units are in it?")`
          : "its unit list is not in our sources",
      ]
        .filter(Boolean)
        .join("; "),
    suits: (e: CatalogueEntry) =>
      e.suits.length
        ? `who it suits, in its source's words: ${e.suits.map((x) => `“${x.value}”`).join("; ")}`
        : "our sources do not say who it suits",
    roles: (e: CatalogueEntry) =>
      e.jobRoles.length
        ? `job roles: ${e.jobRoles.map((r) => r.value).join(", ")}${[...new Set(e.jobRoles.flatMap((r) => (r.source ? [r.source.quote] : [])))].map((q) => ` (“${q}”)`).join("")}`
        : "our sources give no job roles for it",
    unitCount: (e: Qualification) =>
      e.unitCount
        ? `${amount(e.unitCount)} units${quoted(e.unitCount.source)}`
        : e.units
          ? `${e.units.length} units in its unit list`
          : "its unit list is not in our sources",
    languages: (e: Qualification, owner: string) =>
      e.assessmentLanguages
        ? `assessed in ${e.assessmentLanguages.value}${quoted(e.assessmentLanguages.source)}`
        : `its assessment languages are not in our sources: ask ${owner}`,
    pathwayLanguages: (qualifications: TextFact[], skills: TextFact[]) => {
      const each = (facts: TextFact[]) =>
        [...new Set(facts.map((f) => f.value))]
          .map(
            (v) =>
              `${v} (${[...new Set(facts.filter((f) => f.value === v).map((f) => `“${f.source.quote}”`))].join("; ")})`,
          )
          .join("; ");
      return (
        [
          ...(qualifications.length ? [`its qualifications are assessed in ${each(qualifications)}`] : []),
          ...(skills.length ? [`its Essential Skills in ${each(skills)}`] : []),
        ].join("; ") || "its assessment languages are not in our sources"
      );
    },
    status: (k: ConditionCheck, owner: string) =>
      k.closedOn
        ? `closed to new registrations since ${dmy(k.closedOn)}${quoted(k.source)}`
        : k.opensOn
          ? `opens to new registrations on ${dmy(k.opensOn)}${quoted(k.source)}`
          : k.openUntil
            ? `open to new registrations until ${dmy(k.openUntil)}${quoted(k.source)}`
            : `our sources don't give its operational dates: check with ${owner} that it still takes new learners`,
    assessment: (
      competence: boolean,
      quote: string,
      owner: string,
      method?: { value: string; quote: string },
    ) =>
      method
        ? `it is assessed through ${method.value}, with no exam named: “${method.quote}”`
        : competence
          ? `an NVQ is assessed at work: “${quote}”`
          : `how it is assessed is not in our sources: ask ${owner}`,
    notInSources: (what: "cost" | "flexible" | "pay" | "weekly", owner: string, pathway: boolean) =>
      `${
        what === "cost"
          ? "what it costs, and who pays,"
          : what === "pay"
            ? "what an apprentice is paid"
            : what === "weekly"
              ? "how the hours are spread over the weeks"
              : "whether it can be done online, part time or in the evenings"
      } is not in our sources: ask ${pathway ? "a training provider" : `a centre approved by ${owner}`}, or the careers service (National Careers Service, Careers Wales, My World of Work, nidirect)`,
    /** Who runs an apprenticeship pathway (to ask about it). */
    pathwayOwner: "a training provider in Wales",
    politeClose:
      "No problem. If anything else comes up, just ask; say restart to begin again, or delete my data when you're done.",
  },

  cannotAnswerYet:
    "I can't answer that question yet. I can recommend a qualification, plan or check units, and tell you what comes next, which units a qualification has, what a unit is, how two qualifications compare, and what the terms mean.",
  unknownQualification:
    "I don't know which qualification you mean. Try its number, like 10265 or 600/5106/1.",
  unknownUnit: (what: string) => `I couldn't find ${what}.`,
  together: {
    barred: (a: string, b: string, wording: string) =>
      `No: ${a} and ${b} are barred together. The rule says: “${wording}”`,
    countOne: (a: string, b: string, wording: string) =>
      `${capital(p.subj)} can take both, but only one of ${a} and ${b} counts towards the qualification. The rule says: “${wording}”`,
    exclusiveCountOne: (a: string, b: string, wording: string, counting: string) =>
      `No: ${a} and ${b} are a barred set, and ${p.subj} may take only one of them. The rule says: “${wording}” If ${p.subj} already ${p.verb("hold")} both from an earlier qualification, only one counts: “${counting}”`,
    fine: (a: string, b: string) => `Yes: no rule bars ${a} and ${b} from being taken together.`,
    needTwo: 'Which two units? E.g. "can I take units 10 and 18 together in 10265?"',
  },
  whatNextNoFrom: p.second
    ? 'What do you hold now? Tell me the qualification (e.g. "I have the OCR Level 2 NVQ, 10265") and, if you like, your units.'
    : `What does ${p.subj} hold now? Tell me the qualification (e.g. "${p.subj} has the OCR Level 2 NVQ, 10265") and, if you like, ${p.poss} units.`,

  /** The words cards show beside their data: channels lay cards out and add no word of their own. */
  cards: {
    recommendations: { heading: `Recommended for ${p.obj}`, next: "Next:", notOffered: "Not offered:" },
    plan: (p: PlanWordsInput): CardOf<"plan">["words"] => ({
      heading: `Plan: ${p.title}`,
      have: "Have",
      add: "Add",
      credits: "credits",
      glh: "GLH",
      total: planTotal(p.totalCredits, p.totalGlh),
      verdict: VERDICT_WORDS[p.verdict],
      notConfirmed: "Not confirmed by our sources:",
    }),
    unitPicker: (title: string): CardOf<"unitPicker">["words"] => ({
      heading: `Choose units: ${title}`,
      unit: "Unit",
      credits: "credits",
      creditsShort: "cr",
      unknownCredits: "credits not in our sources",
      submit: "Check these units",
    }),
    // (Parameters typed by Messages.)
    check: (title, units, credits, verdict, broken) => ({
      heading: `Check: ${title}`,
      units: `Units: ${units.join(", ")} (${credits} credits)`,
      fix: "Fix:",
      verdict:
        verdict === "valid"
          ? checkVerdict.valid
          : verdict === "invalid"
            ? checkVerdict.invalid(broken)
            : checkVerdict.unconfirmed,
    }),
  },

  /**
   * The renderer: a card's data, or an answer's, as the plain text the terminal and channels without
   * cards show (the same data the Adaptive Cards show).
   */
  render: {
    recommendations: (card: CardOf<"recommendations">, about: string): string =>
      [
        recommendIntro(about),
        ...card.items.map((x, i) =>
          [
            `${i + 1}. ${x.title}`,
            ...x.reasons.map((y) => `   + ${y.text}${y.quote ? `\n     “${y.quote}”` : ""}`),
            ...x.cautions.map((y) => `   ! ${y.text}`),
            `   Next: ${x.nextStep}`,
          ].join("\n"),
        ),
        ...card.notOffered.map((x) => notOfferedLine(x.title, x.reason)),
      ].join("\n"),
    plan: (card: CardOf<"plan">): string => {
      const more = card.reliesOn.length > 3 ? ` and ${card.reliesOn.length - 3} more` : "";
      return [
        ...(card.closedOn ? [closedForNew(card.title, card.closedOn)] : []),
        planIntro(card.title, objectives(p)[card.objective], card.verdict === "valid"),
        ...card.units.map(
          (u) =>
            `  ${u.held ? "have" : "add "} ${u.unit.padEnd(4)} ${u.title} (${u.credits} credits, ${u.glh} GLH)`,
        ),
        planTotal(card.totalCredits, card.totalGlh),
        card.verdict === "valid"
          ? planVerdict.valid
          : `${planVerdict.unconfirmed} ${card.reliesOn.slice(0, 3).join("; ")}${more}.`,
        ...(card.alternatives.length ? [alternatives(card.alternatives.length)] : []),
        ...(card.surest ? [surestPlan(card.surest.extraGlh, card.surest.units.join(", "))] : []),
      ].join("\n");
    },
    check: (card: CardOf<"check">): string => {
      const held = card.units.filter((u) => u.held).map((u) => u.unit);
      return [
        checkIntro(p)(card.title),
        checkUnits(card.units.map((u) => u.unit)),
        ...(held.length ? [checkHeld(p)(held)] : []),
        ...card.rules.map(
          (x) =>
            `${MARK[x.status]} ${x.message}${x.status === "fails" ? `\n    rule: “${x.wording}”` : ""}${x.fix ? `\n    fix: ${x.fix}` : ""}`,
        ),
        ...(card.othersMet ? [card.othersMet] : []),
        // The verdict ends the card, as on the Adaptive Card; the choices after it do not say it again.
        card.words.verdict,
      ].join("\n");
    },
    unitsIn: (title: string, count: number, groups: UnitsInGroup[], rules: string[]): string =>
      [
        `${title} has ${count} units:`,
        ...groups.map((g) =>
          [`${g.name}:`, ...g.units.map((u) => `  ${u.id} ${u.title} (${u.credits} credits)`)].join("\n"),
        ),
        "Rules:",
        ...rules.map((r) => `• ${r}`),
      ].join("\n"),
    unit: (x: UnitAbout): string =>
      [
        `${x.label} — ${x.qualification}`,
        `Group: ${x.group}`,
        `Credits: ${x.credits ?? "not in our sources"}; level: ${x.level ?? (x.inferredLevel ? `${x.inferredLevel} (inferred)` : "not in our sources")}; GLH: ${x.glh ?? "not in our sources"}`,
        ...(x.barredWith.length ? [`Barred with: ${x.barredWith.join("; ")}`] : []),
      ].join("\n"),
    compare: (rows: CompareRow[]): string =>
      [
        `${rows[0]?.title ?? ""} compared with ${rows
          .slice(1)
          .map((r) => r.title)
          .join(" and ")}:`,
        ...rows.map((r) => {
          const parts = [`Level ${r.level ?? "?"}`];
          const q = r.qualification;
          if (q) {
            parts.push(q.kind);
            if (q.credits !== undefined) parts.push(`${q.credits} credits`);
            if (q.glh !== undefined) parts.push(`GLH ${q.glh}`);
            if (q.minimumAge !== undefined) parts.push(`minimum age ${q.minimumAge}`);
            if (q.operationalEnd) parts.push(`operational until ${q.operationalEnd}`);
            parts.push(q.units !== null ? `${q.units} units` : "unit list not in our sources");
          } else parts.push("apprenticeship pathway");
          if (r.jobRoles.length) parts.push(`job roles: ${r.jobRoles.join(", ")}`);
          return `• ${r.title}: ${parts.join("; ")}`;
        }),
      ].join("\n"),
    transfer: (t: TransferResult): string => {
      if (!t.next.length) return noNext(t.from.title);
      const lines = [transferIntro(t.from.title)];
      if (!t.heldGiven && t.held.length) lines.push(onlyMandatoryHeld(p, t.held.join(", ")));
      for (const n of t.next) {
        // ("OCR Level 3 NVQ Diploma …: OCR Level 3 NVQ Diploma … (10268), the next level": the title once.)
        const [, code, rest] = n.route.text.startsWith(n.title)
          ? (/^\s*(\([^)]*\))?,?\s*(.*)$/s.exec(n.route.text.slice(n.title.length)) ?? [])
          : [undefined, undefined, n.route.text];
        lines.push(`→ ${n.title}${code ? ` ${code}` : ""}${rest ? `: ${rest}` : ""}`);
        if (n.jobRoles.length)
          lines.push(
            `   Job roles${n.rolesWithTraining ? " (with additional training, its source says)" : ""}: ${n.jobRoles.join(", ")}`,
          );
        if (n.note) lines.push(`   ${n.note}`);
        if (n.counts.length)
          lines.push(
            `   Units that count (${interval(n.creditsCarried)} credits carried): ${n.counts.map(matchText).join("; ")}`,
          );
        else if (n.mayCount.length)
          lines.push(
            `   Would count if ${p.subj} ${p.verb("hold")} them: ${n.mayCount.map(matchText).join("; ")}`,
          );
        if (n.plan?.status === "planned" && n.plan.plan)
          lines.push(
            `   Cheapest completion: add ${n.plan.plan.added.join(", ")} (${interval(n.plan.totalCredits)} credits, ${interval(n.plan.totalGlh)} GLH, ${n.plan.verdict}).`,
          );
      }
      if (t.beyond.length) lines.push(`Beyond these: ${t.beyond.join("; ")}`);
      return lines.join("\n");
    },
  },
});

/** The English catalogue for a conversation about `about` (a learner's own: "you"). */
export const english = (about: Who): Messages => catalogue(personWords(about));
/** The English catalogue spoken to the learner. */
export const en = english(YOU);
