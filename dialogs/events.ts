import { z } from "zod";
import { qualificationsIn } from "../src/nlu/qualifications.ts";
import { normalise } from "../src/nlu/text.ts";
import { type Understanding, understand } from "../src/nlu/understand.ts";
import { unitEditsIn, unitsHeldCue, unitsIn } from "../src/nlu/units.ts";
import { resolveUnits } from "../src/rules/index.ts";
import { type AdvisorServices, heldNeedsQualification } from "./advice.ts";
import { readAsked, titleIsAbout } from "./asked.ts";
import { readClarifyAnswer } from "./clarify.ts";
import type { AdvisorContext, AdvisorEvent, HeldUnits } from "./types.ts";

/** What a channel passes in: typed text, or a card's submitted data (Adaptive Cards `activity.value`). */
export interface TurnInput {
  text?: string;
  value?: unknown;
}

/** Card submits the bot's own cards send. Anything else is refused with a clear reply. */
export const CardSubmit = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("checkUnits"),
    qualificationId: z.string().min(1).max(40),
    // Input.ChoiceSet with isMultiSelect submits one comma-separated string.
    units: z.union([z.string().max(2000), z.array(z.string().max(80)).max(100)]),
  }),
  z.strictObject({ action: z.literal("choose"), qualificationId: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal("say"), text: z.string().max(2000) }),
]);
export type CardSubmit = z.infer<typeof CardSubmit>;

const PROFILE_KEYS = [
  "role",
  "experienceMonths",
  "level",
  "working",
  "apprenticeship",
  "nation",
  "age",
  "userKind",
  "learnerName",
  "qualificationsHeld",
  "pastRole",
  "heldDenied",
  "group",
] as const;
export const hasProfileFacts = (u: Understanding) => PROFILE_KEYS.some((k) => u[k] !== undefined);

function objectiveOf(text: string): "glh" | "units" | "credits" | "role" | undefined {
  const t = text.toLowerCase();
  if (/\b(fewest|least|fewer|minimum) units\b/.test(t)) return "units";
  if (/\b(fewest|least|fewer|minimum) credits\b/.test(t)) return "credits";
  if (/\b(relevant|my role|my job)\b/.test(t)) return "role";
  if (/\b(fewest|least) (hours|glh)|\bquickest\b|\bfastest\b/.test(t)) return "glh";
  return undefined;
}

type EventContext = Pick<
  AdvisorContext,
  | "expecting"
  | "qualificationId"
  | "units"
  | "qualificationsHeld"
  | "clarify"
  | "shown"
  | "heldUnits"
  | "pendingHeld"
  | "pendingUnits"
  | "level"
  | "working"
  | "userKind"
  | "group"
  | "role"
>;

const KIND_WORDS: [RegExp, RegExp][] = [
  [/\b(nvq|svq)s?\b/, /\bNVQ\b/],
  [/\bprinciples\b/, /\bPrinciples\b/],
  [/\bdiploma\b/, /\bDiploma\b/],
];

/**
 * "my own units for the NVQ", "plan the principles one": no qualification named, but a kind of one,
 * and of those just recommended only one of that kind has a unit list: that one.
 */
function kindRecommended(text: string, c: EventContext, services: AdvisorServices): string | undefined {
  const t = normalise(text);
  const kinds = KIND_WORDS.filter(([said]) => said.test(t));
  if (kinds.length !== 1) return undefined;
  const [, title] = kinds[0] as [RegExp, RegExp];
  const ids = (c.shown.recommendations ?? []).filter(
    (id) => services.engine(id) && title.test(services.catalogue.entries.get(id)?.title.value ?? ""),
  );
  return ids.length === 1 ? ids[0] : undefined;
}

/** "I don't hold them, I want to TAKE them", "those aren't units I have": units held were misread. */
const UNHOLD =
  /\b(?:i )?(?:dont|do not|didnt|did not|havent|have not) (?:hold|have|own|got|done|do) (?:them|those|these|those units|these units|any of (?:them|those|these))\b|\b(?:want|wanted|going|hoping|like) to take them\b|\b(?:they|those|these) (?:arent|are not) (?:units )?(?:i have|i hold|mine|held)\b/;
const PLAN_ASKED =
  /\b(?:want|wanna|like|need|help me|going|hoping|trying) to plan\b|^\s*plan (?:the|my|an?|his|her)\b/;

/**
 * Facts that only name the qualification asked about are not the learner's (persona review 3): "i seen
 * the IQ level 2 NVQ on google can i do that one" holds no Level 2, "plan me the level 4" does not make
 * them Level 4, "is the Welsh apprenticeship open to her?" does not put her in Wales.
 */
function notFromTheAsked(u: Understanding, t: string, services: AdvisorServices): Understanding {
  const asked = [u.qualification, ...(u.qualifications ?? []), ...(u.ambiguous ?? [])].filter(
    (id): id is string => !!id,
  );
  let out = u;
  const levels = new Set(asked.map((id) => services.catalogue.entries.get(id)?.level.value));
  // A qualification named by its level in a question ("can i do the IQ level 2 NVQ?").
  if (/\?|\b(?:can|could|should|do|does|is|are) (?:i|she|he|they|it)\b/.test(t))
    for (const m of t.matchAll(
      /\b(?:level|l|lvl) ?([1-8]) (?:nvq|svq|principles|cert|certificate|diploma|apprenticeship|one)\b|\b(?:nvq|svq) ?(?:level )?([1-8])\b/g,
    ))
      levels.add(Number(m[1] ?? m[2]));
  const heldSaid =
    /\b(?:i have|ive got|i ve got|i got|got my|i hold|i did|ive done|i passed|i finished|done my|passed my|have (?:a|an|my|the) (?:level|l) ?\d|with (?:a |my )?(?:level|l) ?\d)\b/;
  // (A level from GCSEs, A levels, a degree... said beside it stays.)
  const otherLevel =
    /\b(?:gcses?|a ?levels?|as levels?|btecs?|degree|highers?|nationals?|standard grades?|o levels?|cses?|hn[cd]|no quals|no qualifications|nothing|none|uni|university)\b/;
  if (out.level !== undefined && levels.has(out.level) && !heldSaid.test(t) && !otherLevel.test(t)) {
    const { level: _named, ...rest } = out;
    out = rest;
  }
  const nationSaid =
    /\b(?:live|lives|living|based|from|in|moved to|stay|stays)\b[^.?!]{0,25}\b(?:wales|cymru|[a-z]+)\b/;
  if (
    out.nation === "Wales" &&
    /\bwelsh (?:apprenticeships?|pathways?|one|level)\b/.test(t) &&
    !/\bwales\b|\bcymru\b/.test(t) &&
    !nationSaid.test(t.replace(/\bwelsh (?:apprenticeships?|pathways?|one|level \d)\b/g, ""))
  ) {
    const { nation: _named, ...rest } = out;
    out = rest;
  }
  return out;
}

/** An entry closed to new registrations on `today` (the IQ NVQ). */
function closedEntry(services: AdvisorServices, id: string, today: Date): boolean {
  const e = services.catalogue.entries.get(id);
  const end = e?.type === "qualification" ? e.operationalEnd?.value : undefined;
  return !!end && end < today.toISOString().slice(0, 10);
}

/** "I made a mistake, it wasn't unit 25", "not 25 but 27", "I meant 27": units said wrong before. */
const HELD_CORRECTION =
  /\b(?:mistake|wasnt|was not|werent|not unit|i meant|meant to say|should (?:be|have been)|typo|not \d{1,2} but|instead of)\b/;

/** A question for units by what they are about. */
const THEME_ASKED =
  /\b(?:units? (?:are |is )?(?:about|on|for|covering|with|in|to do with)|(?:have|has|got|any|which|what|the)(?: [a-z0-9]+){0,4} (?:units?|ones)|(?:[a-z]+ )?ones\b(?! (?:i|you) (?:have|hold)))\b/;
const THEME_STOP = new Set(
  "units unit ones level nvq diploma certificate principles which what does have want there about with their those these that this some more most also like need could would should count counts centre contact other mandatory optional group held doing taken chosen picked".split(
    " ",
  ),
);
/** Words of a message that name what units are about, as found in the qualification's unit titles. */
function themeWords(t: string, q: ReturnType<AdvisorServices["engine"]>): string[] {
  if (!q) return [];
  const titles = q.units.map((x) => normalise(x.title));
  // Only the words next to "units"/"ones" say what they are about ("have resource planning units",
  // "units about complaints"); "which of my units count" names no theme. "not selling" is set aside.
  const near = [
    ...t.matchAll(/((?:[a-z]+ ){1,3})(?:units?|ones|one)\b/g),
    ...t.matchAll(
      /\bunits?(?: (?!about|on|for|covering|with)\w+){0,3} (?:are |is )?(?:about|on|for|covering|with|to do with) ((?:[a-z]+ ?){1,3})/g,
    ),
  ].map((m) => m[1] ?? "");
  const words = near
    .join(" ")
    .replace(/\bnot (?:the )?[a-z]+\b/g, " ")
    .split(" ")
    .filter((w) => w.length >= 5 && !THEME_STOP.has(w));
  return [...new Set(words.filter((w) => titles.some((x) => x.includes(w.slice(0, 6)))))];
}

/** Whether a qualification is needed before applying for a job, or can come after it. */
const BEFORE_JOB =
  /\b(?:need|have to (?:have|get|do)|required?|must (?:have|get)|should i get)\b(?: \w+){0,6} (?:before|first|to) (?:i |you |she |he |they |we )?(?:can )?(?:apply|applying|get (?:a|the|taken)|getting (?:a|the)|start work|be hired|get hired|get taken on)\b|\b(?:get|start) the job (?:first )?and (?:then )?do (?:it|one|the qualification) (?:after|later)\b|\bor (?:can|could) (?:i|you|she|he|they) just apply\b|\bqualification first\b/;

/** A group of learners advised as one: "a cohort of 20", "20 new starters", "our new intake". */
const GROUP =
  /\b(?:cohort|intake|batch|group|class) of (\d+)\b|\b(\d+) (?:new (?:starters|recruits|agents|advisors|advisers|staff|hires|joiners)|starters|recruits|trainees|apprentices|learners|students)\b|\b(\d+) (?:of )?(?:our|my) (?:new )?(?:agents|staff|team|advisors|advisers|starters)\b(?= (?:through|on|onto|for)\b)|\b(?:a|our|my|the|this) (?:new )?(?:cohort|intake)\b|\bnot one (?:learner|person)\b/;
/** The group spoken of again ("they", "the group", "all of them"). */
const GROUP_MENTION =
  /\b(?:the group|the cohort|all of them|each of them|per person|per learner|every one of them)\b/;
/** Levels that differ across a group: "it varies", "mostly National 5s and a few Highers". */
const LEVELS_VARY =
  /\b(?:varies|vary|varied|various|mixed|a mix|mixture|mostly|a few|some have|some of them|range|ranging|all sorts|different)\b/;

/** Units asked for by the job they fit: "which units fit a team leader", "units relevant to my role". */
const ROLE_UNITS_ASKED =
  /\b(?:units?|ones)\b(?: \w+){0,8} (?:fit|fits|suit|suits|suited|relevant|useful|match|matches|right|best|good|apply)\b(?: \w+){0,3} (?:to |for |with )?(?:my|an?|his|her|their|the) (?:job|role|work|team leader|tl|supervisor|manager|planner|agent|advisor|adviser|analyst|specialist|operator|operative)\b|\b(?:units?|ones) (?:for|about) (?:my|his|her|their) (?:job|role)\b/;

/**
 * The themes of "units about coaching/managing a team and handling escalated complaints": each part
 * (split at "and", "or", "/") as the words of it found in the unit titles (persona review 5, W2).
 */
function themeGroups(t: string, q: ReturnType<AdvisorServices["engine"]>): string[][] {
  const m =
    /\bunits?(?: (?!about|on|covering)\w+){0,3} (?:are |is )?(?:about|on|covering|to do with) ((?:[a-z]+[ /]?){1,10})/.exec(
      t,
    );
  if (!q || !m?.[1]) return [];
  const known = (w: string) => q.units.some((x) => titleIsAbout(x.title, w));
  return m[1]
    .split(/ (?:and|or|plus) |\//)
    .map((part) =>
      part
        .trim()
        .split(" ")
        .filter((w) => w.length >= 4 && !THEME_STOP.has(w) && known(w)),
    )
    .filter((g) => g.length > 0);
}

/** A job hoped for: "want to be a team leader", "hoping to become a supervisor", "go for team leader". */
const GOAL =
  /\b(?:want to|wanna|hoping to|hope to|like to|aim to|aiming to|plan to|planning to|going to|would love to|trying to) (?:be|become|go for|get|move up to|move into|step up to|work as)(?: an?)? ((?:(?:sales|customer service|contact centre|call centre|senior|resource|workforce) )?(?:team leader|supervisor|manager|team manager|planner|scheduling manager))\b/;

const WHATS_NEXT_AFTER_IT =
  /^(?:ok |and |so )?(?:whats|what is|what comes|wats|wot) (?:next )?after (?:it|this|that|this one|that one)\b/;

/** Questions about the check on screen: whether it passes, and why not. */
const ABOUT_CHECK =
  /\b(?:do (?:i|we|they|these|those|my units) meet|does (?:it|that|this) meet|(?:is|are) (?:that|it|this|these|those|they) (?:enough|ok|okay|valid|right|fine|allowed)(?: now)?|am i (?:ok|okay|there|done)|does (?:it|that|this) work|why (?:is (?:that|it|this) (?:wrong|invalid|not (?:valid|ok|allowed))|not)|whats wrong|what is wrong)\b/;

/** "L3 units", "my level 3 units", "units from my level 3": the level of the qualification units are of. */
const UNITS_LEVEL =
  /\b(?:l|level|lvl) ?([1-4])(?: nvq| diploma| certificate| cert)? units\b|\bunits (?:from|of|in|on|for) (?:my|the|his|her|their) (?:l|level|lvl) ?([1-4])\b|\b(?:l|level|lvl) ?([1-4]) (?:nvq|diploma|certificate|cert)s? (?:and |with )?units\b/g;
/** "I'd like to include units 20 and 36", "want to take 4 and 9": units wanted, not held. */
const UNITS_WANTED =
  /\b(?:id like|i would like|i want|want to|wanna|like to|include|including|plan|planning|thinking of|going to|gonna|hoping to|choose|pick)\b/;
/** The sentences of a message that name units (by "unit", a QCF reference or a list of numbers), normalised. */
function unitSentences(text: string): string[] {
  return text
    .split(/[.!?;\n]+/)
    .filter((x) => /\bunits?\b|\b[a-z]\/\d{3}\/\d{4}\b|\b\d{1,2}\s*(?:,|and|&)\s*\d{1,2}\b/i.test(x))
    .map(normalise);
}
/** "count towards", "transfer to", "carry over to": the qualification named is where units go. */
const TOWARDS =
  /\b(?:count(?:s|ed)? (?:towards?|to|for|into)|towards|transfer(?:s|red)? (?:to|into|across|over)|carr(?:y|ies) (?:over|across|forward)|go towards|use (?:them|those|these) (?:for|on|towards))\b/;

// Intents whose units are asked about, not held.
const UNITS_ASKED_ABOUT = new Set(["check", "together", "whatIsUnit", "unitsIn", "compare", "define"]);

/**
 * The units a message says the learner holds ("I have units 1, 2, 4 and 9", "got OCR 10265 (units 1 2
 * 3)", "units were T/503/0342…"), and the qualification they are units of: the one the message names,
 * else one the learner holds where they all exist, else the one under discussion; null when unknown
 * (QCF references need none; numbers make the bot ask).
 */
function heldUnitsOf(
  u: Understanding,
  text: string,
  c: EventContext,
  services: AdvisorServices,
): HeldUnits | undefined {
  if (!u.units?.length || (u.intent && UNITS_ASKED_ABOUT.has(u.intent))) return undefined;
  // ("if i did the OCR level 3 NVQ instead, could i take 20 and 36 together?": supposed, not held.)
  if (
    /^(?:\w+ )?(?:if|what if|suppose|supposing|say) (?:i|she|he|they|we) (?:did|do|took|take|went for|chose|switched)\b/.test(
      normalise(text),
    )
  )
    return undefined;
  const namedHeld = u.qualificationsHeld?.[0];
  // Held when the sentence that lists the units says so: "Got my L2 NVQ. I'd like to include units 20
  // and 36" wants 20 and 36, it does not hold them.
  const listing = unitSentences(text);
  const said = listing.length ? listing : [normalise(text)];
  // ("I'd like to take 5, 12 and 17 on top of what I've got": what is held is named, not these.)
  const besidesHeld = (x: string) =>
    x.replace(
      /\b(?:on top of|as well as|besides|in addition to|plus|with|alongside) (?:what|the ones?|the units?|those) (?:i|ive|i ve|i have|id|she|shes|he|hes|they|theyve)(?: ve| s| has| have| already)? (?:got|done|have|has|already got|already done|did)\b/g,
      " ",
    );
  if (said.every((x) => UNITS_WANTED.test(x) && !unitsHeldCue(besidesHeld(x)))) return undefined;
  if (!namedHeld && !said.some(unitsHeldCue)) return undefined;
  // "no! my units are 1, 2, 3, 10, 11, 12 and 14" while a selection is checked: the selection said
  // again, not units held (persona review 6, S5).
  if (
    !namedHeld &&
    c.units?.length &&
    !c.heldUnits.length &&
    /\b(?:my|the|our|her|his) units (?:are|were|should be|r)\b/.test(normalise(text)) &&
    !/\b(?:done|achieved|completed|passed|hold|held|already got|already have|signed off)\b/.test(
      normalise(text),
    )
  )
    return undefined;
  const units = u.units;
  const resolves = (id: string | null | undefined): id is string => {
    const q = id ? services.engine(id) : undefined;
    if (!q) return false;
    try {
      resolveUnits(q, units);
      return true;
    } catch {
      return false;
    }
  };
  const t = normalise(text);
  // "my L3 units were…", "units from my level 3": units of a qualification at that level (the last one
  // said that is not denied: "I don't hold any level 3 units. I hold the level 2 NVQ, units 1, 2").
  const lm = [...t.matchAll(UNITS_LEVEL)]
    // (A negation, not "any": "will any of my L3 units carry over" asks of them.)
    .filter((m) => !/\b(?:dont|do not|not|no|never|havent)\s+(?:\w+\s+){0,2}$/.test(t.slice(0, m.index)))
    .at(-1);
  const level = lm ? Number(lm[1] ?? lm[2] ?? lm[3]) : undefined;
  const atLevel = (id: string | null | undefined): id is string =>
    !!id && (level === undefined || services.catalogue.entries.get(id)?.level.value === level);
  // "…which of those count towards the level 4?": the qualification asked about is where the units go,
  // not the one they are units of.
  const target = TOWARDS.test(t) ? (u.qualification ?? c.qualificationId) : undefined;
  // Of the qualification units are counted towards, the one before it (at the level said).
  const before = (id: string | null | undefined) =>
    id
      ? [...services.catalogue.entries.values()]
          .filter((e) => e.progression.some((p) => p.to === id) && atLevel(e.id) && resolves(e.id))
          .map((e) => e.id)
      : [];
  // "units 20 and 36 of the level 3 NVQ": of the Level 3 NVQs, the one these are units of.
  const named = (u.ambiguous ?? []).filter(resolves);
  const candidates = [
    namedHeld,
    named.length === 1 ? named[0] : undefined,
    u.qualification === target ? undefined : u.qualification,
    ...c.qualificationsHeld.filter(resolves),
    c.qualificationId === target ? undefined : resolves(c.qualificationId) ? c.qualificationId : undefined,
  ].filter(atLevel);
  const previous = level !== undefined ? before(target ?? u.qualification ?? c.qualificationId) : [];
  // Else the only qualification at that level, of the kind named, whose units these are ("my L2 NVQ
  // units were 1, 2, 8": OCR's is the one Level 2 NVQ with a unit list).
  const kinds = KIND_WORDS.filter(([w]) => w.test(t)).map(([, title]) => title);
  const only =
    level !== undefined
      ? [...services.catalogue.entries.values()]
          .filter(
            (e) =>
              e.type === "qualification" &&
              atLevel(e.id) &&
              resolves(e.id) &&
              kinds.every((k) => k.test(e.title.value)),
          )
          .map((e) => e.id)
      : [];
  const qualificationId =
    candidates[0] ??
    (previous.length === 1 ? (previous[0] ?? null) : only.length === 1 ? (only[0] ?? null) : null);
  const replace = /\b(actually|only|just|sorry|correction|i meant|not)\b/.test(normalise(text));
  return { qualificationId, units, ...(replace ? { replace } : {}) };
}

/**
 * The qualifications a bare level names ("plan the level 3", "unit 14 in the level 3 one"), those with a
 * unit list: the next step from the qualification under discussion or one held when only one is, else
 * every one at that level.
 */
function qualificationsAtLevel(
  services: AdvisorServices,
  level: number,
  from: (string | null | undefined)[],
): string[] {
  const all = [...services.catalogue.entries.values()].filter(
    (e) => e.type === "qualification" && e.level.value === level && services.engine(e.id),
  );
  const next = all.filter((e) =>
    from.some((f) => f && services.catalogue.entries.get(f)?.progression.some((p) => p.to === e.id)),
  );
  return (next.length === 1 ? next : all).map((e) => e.id);
}

/** Of several candidates, the one that is the next step from a qualification held, when only one is. */
function nextStepAmong(services: AdvisorServices, candidates: string[], held: string[]): string | undefined {
  const next = candidates.filter((id) =>
    held.some((h) => services.catalogue.entries.get(h)?.progression.some((p) => p.to === id)),
  );
  if (next.length === 1) return next[0];
  // Of several next steps, the one of the same kind as the one held (an NVQ after an NVQ).
  const kindOf = (id: string) => {
    const e = services.catalogue.entries.get(id);
    return e?.type === "qualification" ? e.qualificationKind.value : e?.type;
  };
  const same = next.filter((id) => held.some((h) => kindOf(h) === kindOf(id)));
  return same.length === 1 ? same[0] : undefined;
}

const WHY_NOT_TOGETHER =
  /^(?:(?:oh|so|but|ok|okay|hmm|and) )?why (?:cant|can not|cannot|am i not allowed to|isnt it allowed to|not) (?:i |we |she |he |you )?(?:do|take|have|pick|choose|select)? ?(?:units? )?(\d{1,2}) (?:and|&|with|plus) (?:unit )?(\d{1,2})\b/;

/** A goodbye or a thanks said alone: "thank you! bye", "thanks, bye", "cheers", "bye". */
const GOODBYE =
  /^(?:(?:ok|okay|right|great|lovely|brilliant|perfect|cool) )?(?:(?:thanks|thank you|thankyou|ty|cheers|ta)(?: (?:so much|very much|a lot|loads|again|for (?:your|the) help|for helping))?)?(?: ?(?:bye|goodbye|bye bye|cya|see ya|see you|take care|thats all|thats it|all done))?(?: (?:now|then|lol|x+|mate))*$/;
/** "Jake, I just said": a first name before a comma or full stop. */
const NAME_FIRST = /^\s*([A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+)?)\s*[,.;!-]\s*\S/u;

/** One user message or submit, read in the light of the conversation, as one machine event. */
export function toEvent(
  input: TurnInput,
  c: EventContext,
  services: AdvisorServices,
  today: Date,
  /** A qualification the message is known to mean (chosen when the bot asked which one). */
  pinned?: string,
  /** The qualification pinned is the one of units the message says are held. */
  pinHeld = false,
): AdvisorEvent | { type: "BAD_SUBMIT" } {
  const empty: Understanding = { evidence: [] };
  if (input.value !== undefined && input.value !== null && (input.text === undefined || input.text === "")) {
    const submit = CardSubmit.safeParse(input.value);
    if (!submit.success) return { type: "BAD_SUBMIT" };
    const v = submit.data;
    if (v.action === "checkUnits") {
      const units = (Array.isArray(v.units) ? v.units : v.units.split(","))
        .map((x) => x.trim())
        .filter(Boolean);
      if (!services.catalogue.entries.has(v.qualificationId)) return { type: "BAD_SUBMIT" };
      return { type: "UNITS", units, qualificationId: v.qualificationId, u: empty };
    }
    if (v.action === "choose") {
      if (!services.catalogue.entries.has(v.qualificationId)) return { type: "BAD_SUBMIT" };
      return { type: "CHOOSE", qualificationId: v.qualificationId, u: empty };
    }
    return toEvent({ text: v.text }, c, services, today);
  }
  const text = (input.text ?? "").slice(0, 4000);
  if (!text.trim()) return { type: "UNCLEAR", u: empty };
  const read = (t: string) =>
    understand(t, {
      catalogue: services.catalogue,
      today,
      ...(c.expecting ? { expecting: c.expecting } : {}),
      ...(c.qualificationId ? { qualificationId: c.qualificationId } : {}),
    });
  let u = read(text);
  if (
    /\?\s*$/.test(text) ||
    /^(?:so |and |but |ok )?(?:what|which|how|why|when|where|who|is|are|can|could|should|would|will|do|does|did)\b/i.test(
      text.trim(),
    )
  )
    u = { ...u, question: true };
  // "say I get taken on as an agent, what would I do then?", "what if I get the job?": the advice as
  // if in contact-centre work (persona review 5: answered with the same suggestions again).
  if (
    (u.question || /\bwhat (?:then|now|next)\b/i.test(text)) &&
    c.working !== true &&
    (/\b(?:if|say|suppose|supposing|once|when|what if) (?:i|she|he|they) (?:get|gets|got|start|starts|land|lands|am|is|are) (?:taken on|hired|the job|a job|that job|in|on|an? (?:job|agent|advisor|adviser))\b/i.test(
      text,
    ) ||
      // "I've got an interview Tuesday. if I get it I'll be a contact centre agent. what then"
      (/\b(?:if|once|when) (?:i|she|he|they) (?:get|gets|got) it\b/i.test(text) &&
        /\b(?:job|interview|agent|advisor|adviser|call centre|contact centre)\b/i.test(text)))
  )
    u = { ...u, supposeWorking: true, intent: "recommend" };
  // Asked how long, "none i guess, greggs is face to face", "never, ive done saturdays at greggs": none
  // (persona review 5, W1: the question again, twice).
  if (
    c.expecting === "experience" &&
    u.experienceMonths === undefined &&
    /^(?:none|never|nope|nah|no|nothing|not really|not yet|zero)\b/.test(normalise(text))
  )
    u = { ...u, experienceMonths: 0 };
  {
    const t = normalise(text);
    // "forget the apprenticeship", "scrap the apprenticeship idea": not wanted now.
    if (
      /\b(?:forget|scrap|drop|ditch|never ?mind|not bothered about|not interested in|no longer want) (?:about )?(?:the |an |that |this )?apprenticeships?\b/.test(
        t,
      )
    )
      u = { ...u, apprenticeship: false };
    // "get paid while i learn", "earn while you learn": an apprenticeship is what that is.
    else if (
      u.apprenticeship === undefined &&
      /\b(?:get |be |getting )?paid (?:while|whilst) (?:i|you|she|he|they) (?:learn|train|study)|\bearn (?:while|whilst|as) (?:i|you|she|he|they) learn\b/.test(
        t,
      ) &&
      !/\b(?:dont|not|no|never)\b[^,.]{0,20}\b(?:paid|earn)\b/.test(t)
    )
      u = { ...u, apprenticeship: true };
  }
  // Asked how long in customer service on the phone or online, "5 years, in hotel i answer phone every
  // day and emails" is 5 years of it, wherever the job was (persona review 5, T6: asked again).
  if (c.expecting === "experience" && u.experienceMonths === undefined) {
    const t = normalise(text);
    const span =
      /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|half a) (?:and a half )?(?:years?|yrs?|months?|mths?)\b/.exec(
        t,
      );
    if (
      span &&
      /\b(?:phones?|calls?|emails?|online|webchat|live chat|chat|on the line|telephone)\b/.test(t) &&
      !/\b(?:not|no|never|dont|didnt)\b[^,.]{0,20}\b(?:phones?|calls?|emails?|online)\b/.test(t)
    ) {
      const months = read(span[0]).experienceMonths;
      if (months !== undefined) u = { ...u, experienceMonths: months };
    }
  }
  // Asked how long in contact-centre work, "3 years on the tills" is other work: none of that kind.
  if (c.expecting === "experience" && u.experienceMonths === undefined && u.otherJob)
    u = { ...u, experienceMonths: 0 };
  // Asked about customer service on the phone or online, "3 years customer service but its face to face
  // in the shop, not phones" is none of that kind (persona review 5).
  if (c.expecting === "experience" && u.experienceMonths !== undefined && u.experienceMonths > 0) {
    const t = normalise(text);
    if (
      /\bnot (?:on )?(?:the )?(?:phones?|calls|online)\b|\bno (?:phones?|calls)\b/.test(t) ||
      (/\b(?:face to face|in person)\b/.test(t) &&
        !/\bnot (?:face to face|in person)\b/.test(t) &&
        !/\b(?:phones?|calls?|online|webchat|email)\b/.test(t))
    )
      u = { ...u, experienceMonths: 0 };
  }
  // "putting 20 new starters through a qualification", "it's a cohort of 20": a group advised as one
  // (persona review 5, T9: asked for one learner's name, and a level read from "mostly National 5s").
  if (c.userKind === null || c.userKind === "adviser" || u.userKind === "adviser") {
    const t = normalise(text);
    const g = GROUP.exec(t);
    if (g || (c.group && GROUP_MENTION.test(t))) {
      const size = Number(g?.[1] ?? g?.[2] ?? g?.[3] ?? Number.NaN);
      u = { ...u, group: { size: Number.isFinite(size) && size > 1 ? size : null } };
      // "20 new starters (agents…)": new agents in a contact centre are trainee agents (OCR's Level 2
      // role), said back to be confirmed; "no experience" in passing is theirs.
      if (
        u.role === undefined &&
        /\bnew (?:starters|recruits|agents|joiners|hires)\b|\bnew starter\b/.test(t) &&
        /\b(?:agents?|contact centre|call centre|helpdesk|help desk)\b/.test(t)
      )
        u = {
          ...u,
          role: "Trainee Agent",
          working: true,
          unsure: [...(u.unsure ?? []), { slot: "role", read: /\bnew \w+/.exec(t)?.[0] ?? "new starters" }],
        };
      if (
        u.experienceMonths === undefined &&
        /\bno (?:cc |contact centre |call centre )?(?:experience|exp)\b/.test(t)
      )
        u = { ...u, experienceMonths: 0 };
      const { learnerName: _none, age: _one, ...rest } = u;
      // (Ages "mostly 18-25" are many; a name said is one learner's, not the group's.)
      u = /\b\d{2} ?(?:to|-) ?\d{2}\b|\bmostly\b|\bages\b/.test(t)
        ? rest
        : { ...rest, ...(u.age ? { age: u.age } : {}) };
    }
    if ((u.group || c.group) && u.level !== undefined && LEVELS_VARY.test(t)) {
      const { level: _varies, ...rest } = u;
      u = { ...rest, levelVaries: true };
    }
    if (u.group && c.expecting === "learnerName") return { type: "FACTS", u };
    // ("it varies, mostly National 5s and a few Highers" answering the level question: no one level.)
    if (u.levelVaries && c.expecting === "level" && !u.intent) return { type: "FACTS", u };
  }
  // "What do you recommend and how many hours should we budget?": with no qualification named, the
  // details wait for the recommendation (persona review 5, T9: "Which qualification do you mean?").
  if (
    u.intent === "details" &&
    !u.qualification &&
    !u.ambiguous?.length &&
    /\bwhat (?:do|would|can|could) you (?:recommend|suggest|advise)\b|\bwhat (?:should|would|could) (?:we|i|they|he|she) (?:do|go for|choose)\b/.test(
      normalise(text),
    )
  )
    u = { ...u, intent: "recommend" };
  // "Would I need a qualification first or can I just apply?", "do I need one of these before I can
  // apply for a call centre job?": what comes before the job and what after (persona review 5, T1).
  if (u.question && BEFORE_JOB.test(normalise(text)) && !u.qualification && !u.units?.length)
    return {
      type: "ASK",
      u: { ...u, intent: "eligibility" },
      asked: { ...readAsked(normalise(text)), beforeJob: true },
    };
  // "I DON'T hold the level 3!!", "Callum doesn't hold any NVQ": held qualifications taken back
  // (persona review 6: the level went up instead, and three corrections failed).
  {
    const t = normalise(text);
    const deny =
      /\b(?:dont|do not|doesnt|does not|never|havent|hasnt|have not|has not) (?:actually |even )?(?:hold|have|has|got|done|did) (?:the |a |an |any |my |his |her |their )?(?:(?:level|lvl|l) ?([1-4])|(nvqs?|certificates?|certs?|qualifications?|principles))\b/.exec(
        t,
      );
    if (deny && c.qualificationsHeld.length) {
      const level = deny[1] ? Number(deny[1]) : undefined;
      const word = deny[2] ?? "";
      const ids = c.qualificationsHeld.filter((id) => {
        const x = services.catalogue.entries.get(id);
        if (!x) return false;
        if (level !== undefined) return x.level.value === level;
        if (/^nvq/.test(word))
          return x.type === "qualification" && x.qualificationKind.value === "competence";
        if (/^(cert|principles)/.test(word))
          return x.type === "qualification" && x.qualificationKind.value === "knowledge";
        return true;
      });
      if (ids.length) {
        const { level: _said, qualificationsHeld: _h, ...rest } = u;
        u = { ...rest, heldDenied: [...new Set([...(u.heldDenied ?? []), ...ids])] };
      }
    }
  }
  // "why did you give me an OCR plan?": a question about what the bot did, not a request for a plan.
  if (
    (u.intent === "plan" || u.intent === "check") &&
    /^(?:(?:then|so|but|ok|okay|and|hang on) )?why (?:did|do|have|would|are) (?:you|u)\b/.test(
      normalise(text),
    )
  ) {
    const { intent: _notAsked, ...rest } = u;
    u = { ...rest, question: true };
  }
  // "skip, it's a group of 12 not one person": no name for the record.
  if (
    c.expecting === "learnerName" &&
    /^\s*(?:skip|no name|none|n\/?a|no one|nobody|not one person|its a group|it's a group|a group|no thanks|rather not)\b/i.test(
      text,
    )
  )
    return { type: "SKIP", u: { ...u, intent: "skip" } };
  // "Jake, I just said": asked the learner's name, the name comes first and the rest is about the question.
  const head = c.expecting === "learnerName" && !u.learnerName && !u.intent ? NAME_FIRST.exec(text) : null;
  if (head?.[1]) {
    const named = read(head[1]);
    if (named.learnerName && !named.intent)
      u = { ...u, ...named, evidence: [...u.evidence, ...named.evidence] };
  }
  // "thanks, bye", "cheers": a goodbye (kept apart from "cancel" to be answered as one).
  const words = normalise(text);
  if (words && GOODBYE.test(words) && (!u.intent || u.intent === "cancel"))
    return { type: "CANCEL", goodbye: true, u };
  switch (u.intent) {
    case "deleteData":
      return { type: "DELETE_DATA", u };
    case "handover":
      return { type: "HANDOVER", u };
    case "restart":
      return { type: "RESTART", u };
    case "back":
      return { type: "BACK", u };
    case "cancel":
      return { type: "CANCEL", u };
    case "help":
      return { type: "HELP", u };
    case "record":
      return { type: "RECORD", u };
  }
  // A pending "which one do you mean?" reads the reply against its options first.
  if (c.clarify) {
    const a = readClarifyAnswer(services, text, c.clarify.options);
    if (a.kind === "chosen") {
      // The message that asked is answered now, about the one chosen; without it (or should it still be
      // ambiguous) the option's own words are the request.
      const said = c.clarify.said;
      const again = said
        ? toEvent(
            { text: said },
            { ...c, clarify: null },
            services,
            today,
            a.option.qualificationId,
            c.clarify.held,
          )
        : undefined;
      const e =
        again && again.type !== "AMBIGUOUS" && again.type !== "UNCLEAR"
          ? again
          : toEvent({ text: a.option.value }, { ...c, clarify: null }, services, today);
      return e.type === "BAD_SUBMIT" || !("u" in e) ? e : ({ ...e, clarified: true } as AdvisorEvent);
    }
    if (a.kind === "none") return { type: "DISMISS", u };
    if (a.kind === "narrowed")
      return {
        type: "AMBIGUOUS",
        candidates: a.options.map((o) => o.qualificationId),
        options: a.options,
        ...(c.clarify.said ? { said: c.clarify.said } : {}),
        u,
      };
  }
  if (/^\s*(apply (the )?(smallest )?fix|fix it|apply it)\s*$/i.test(text)) return { type: "APPLY_FIX", u };
  if (
    (c.heldUnits.length || (c.pendingHeld && c.pendingUnits?.length)) &&
    UNHOLD.test(normalise(text)) &&
    !u.units?.length
  )
    return { type: "UNHOLD_UNITS", u };
  // "why can't I do 6 and 8": two units of the qualification under discussion, asked about together.
  const why = WHY_NOT_TOGETHER.exec(normalise(text));
  if (why?.[1] && why[2] && c.qualificationId && (!u.intent || u.intent === "together"))
    return { type: "ASK", u: { ...u, intent: "together", units: [why[1], why[2]] } };
  // "is the SVQ the same as an NVQ?": what an NVQ is, and that SVQs are not in our sources.
  if (
    (!u.intent || ["eligibility", "recommend", "details", "compare"].includes(u.intent)) &&
    /\bsvqs?\b/.test(normalise(text)) &&
    /\?|^(?:is|are|whats|what is|how)\b/.test(text.trim().toLowerCase())
  )
    u = { ...u, intent: "define", term: "nvq" };
  u = notFromTheAsked(u, normalise(text), services);
  // "She wants the L2 NVQ … We want the City & Guilds route": the awarding body named elsewhere in the
  // message says which one (persona review 5, T8: planned OCR's instead, without a word).
  if (!pinned && !u.qualification && u.ambiguous && u.ambiguous.length > 1) {
    const t = normalise(text);
    const bodies = [
      /\b(?:cityguilds|city and guilds|city guilds|c ?g|c and g|candg)\b/.test(t) ? "cg-" : null,
      /\bocr\b/.test(t) ? "ocr-" : null,
      /\biq\b/.test(t) ? "iq-" : null,
    ].filter((x): x is string => x !== null);
    const ofBody = bodies.length === 1 ? u.ambiguous.filter((id) => id.startsWith(bodies[0] ?? "")) : [];
    if (ofBody.length === 1) {
      const { ambiguous: _named, ...rest } = u;
      u = {
        ...rest,
        qualification: ofBody[0] ?? "",
        // ("quickest way to the OCR L3 NVQ using what I've got": a plan.)
        ...(!u.intent && objectiveOf(t) !== undefined ? { intent: "plan" as const } : {}),
      };
    }
  }
  // "do i need essential skills again for the level 3 one?": only an apprenticeship pathway has Essential
  // Skills, so of the Level 3 qualifications the words may mean, the pathway (persona review 5, T2).
  if (!pinned && !u.qualification && u.ambiguous && u.ambiguous.length > 1 && u.intent === "details") {
    const asked = readAsked(normalise(text));
    const levels = new Set(u.ambiguous.map((id) => services.catalogue.entries.get(id)?.level.value));
    // (The level said last is the one asked about: "my highest is level 2 … for the level 3 one?")
    const lastLevel = [...normalise(text).matchAll(/\b(?:level|lvl|l) ?([1-4])\b/g)].at(-1)?.[1];
    const level = lastLevel ? Number(lastLevel) : levels.size === 1 ? [...levels][0] : asked.level;
    // (Of those named, else the pathway at the level named: "the level 3 one" read as the NVQs.)
    const named = u.ambiguous.filter((id) => {
      const x = services.catalogue.entries.get(id);
      return x?.type === "pathway" && (level === undefined || x.level.value === level);
    });
    const pathways = named.length
      ? named
      : [...services.catalogue.entries.values()]
          .filter((x) => x.type === "pathway" && level !== undefined && x.level.value === level)
          .map((x) => x.id);
    if (asked.aspects.includes("essentialSkills") && pathways.length === 1 && pathways[0])
      u = pin(u, pathways[0]);
  }
  // "what comes after the level 3 nvq" from someone holding OCR's (persona review 5, W5: asked which,
  // again): of the qualifications the words may mean, the one they hold.
  if (!pinned && !u.qualification && u.ambiguous && u.ambiguous.length > 1) {
    const mine = new Set([
      ...c.qualificationsHeld,
      ...(u.qualificationsHeld ?? []),
      ...c.heldUnits.map((h) => h.qualificationId),
    ]);
    const theirs = u.ambiguous.filter((id) => mine.has(id));
    if (theirs.length === 1 && theirs[0]) u = pin(u, theirs[0]);
  }
  // "check these units for the level 3 NVQ: 1 2 5", "plan the level 3 NVQ": of the qualifications the
  // words may mean, the only one whose units our sources list (the others cannot be planned or checked).
  if (
    !pinned &&
    !u.qualification &&
    u.ambiguous?.length &&
    (u.units?.length ||
      ["plan", "check", "whatIsUnit", "together"].includes(u.intent ?? "") ||
      (!u.intent && objectiveOf(normalise(text)) !== undefined))
  ) {
    const listed = u.ambiguous.filter((id) => services.engine(id) && !closedEntry(services, id, today));
    if (listed.length === 1) {
      const { ambiguous: _one, ...rest } = u;
      // ("quickest way to the L3 NVQ using what I've got": a plan.)
      u = {
        ...rest,
        qualification: listed[0] ?? "",
        ...(!u.intent && objectiveOf(normalise(text)) !== undefined ? { intent: "plan" as const } : {}),
      };
    }
  }
  // "can u check my units: 1 2 3" after "doing the level 2 NVQ": units of the qualification just named.
  if (
    !pinned &&
    u.units?.length &&
    !u.qualification &&
    !u.ambiguous?.length &&
    !c.qualificationId &&
    c.shown.about?.length === 1
  ) {
    const about = c.shown.about[0] ?? "";
    const q = services.engine(about);
    let fits = false;
    try {
      fits = !!q && resolveUnits(q, u.units).length > 0;
    } catch {
      fits = false;
    }
    if (fits) u = { ...u, qualification: about };
  }
  // "Want to plan the OCR level 3 NVQ diploma, with units 20 and 36": a plan asked for.
  if (!u.intent && (u.qualification || u.units?.length) && PLAN_ASKED.test(normalise(text)))
    u = { ...u, intent: "plan" };
  if (
    !pinned &&
    !u.qualification &&
    !u.qualifications?.length &&
    !u.ambiguous &&
    (u.units?.length || u.intent === "plan" || u.intent === "check" || u.intent === "unitsIn")
  ) {
    const kind = kindRecommended(text, c, services);
    if (kind) u = { ...u, qualification: kind };
  }
  // Units said to be held, of the qualification chosen: read as units of it (never as holding it all).
  const e =
    pinned && pinHeld
      ? readMessage(u, text, { ...c, qualificationsHeld: [pinned, ...c.qualificationsHeld] }, services)
      : readMessage(pinned ? pin(u, pinned) : u, text, c, services);
  return e.type === "AMBIGUOUS" || ("held" in e && e.held && heldNeedsQualification(e.held))
    ? { ...e, said: text }
    : e;
}

/** The understanding of a message with the qualification it left open settled ("which one?" answered). */
function pin(u: Understanding, id: string): Understanding {
  const { ambiguous: _open, ambiguousHeld, ...rest } = u;
  return ambiguousHeld
    ? { ...rest, qualificationsHeld: [...new Set([...(rest.qualificationsHeld ?? []), id])] }
    : { ...rest, qualification: id };
}

/** A message's understanding as the one event it means here (after commands and clarifications). */
function readMessage(
  u: Understanding,
  text: string,
  c: EventContext,
  services: AdvisorServices,
): AdvisorEvent {
  const lower = text.toLowerCase();
  // "sorry it wasn't unit 13, it was 11", "i meant 11 not 13": one unit of the selection corrected
  // (persona review 6: the selection became 13 alone). Held units have their own correction.
  if (c.units?.length && c.qualificationId) {
    const t = normalise(text);
    const was =
      /\b(?:it )?(?:wasnt|was not|isnt|is not|not) (?:unit )?(\d{1,2})\b,? ?(?:it was|it is|its|i meant|but|should be|should have been|rather)? ?(?:unit )?(\d{1,2})\b/.exec(
        t,
      );
    const meant = /\b(?:i )?meant (?:unit )?(\d{1,2}),? not (?:unit )?(\d{1,2})\b/.exec(t);
    // ("why did you drop 34 rather than 32? my assessor wanted 34": 34 back, 32 out, persona review 6.)
    const why =
      /\bwhy (?:did|do|have) (?:you|u) (?:drop|dropped|remove|removed|take out|took out|cut) (?:unit )?(\d{1,2}) (?:rather than|instead of|and not|not) (?:unit )?(\d{1,2})\b/.exec(
        t,
      );
    const from = was?.[1] ?? meant?.[2] ?? why?.[2];
    const to = was?.[2] ?? meant?.[1] ?? why?.[1];
    if (from && to && from !== to && c.units.includes(from) && !c.units.includes(to))
      return { type: "EDIT_UNITS", add: [to], remove: [from], u: { ...u, units: [] } };
    if (why && from && to && from !== to && c.units.includes(from))
      return { type: "EDIT_UNITS", add: [], remove: [from], u: { ...u, units: [] } };
  }
  const held = heldUnitsOf(u, text, c, services);
  const withHeld = held ? { held } : {};
  const heldNow = [...(u.qualificationsHeld ?? []), ...c.qualificationsHeld];
  // "quickest way to the L3 NVQ using what I've got": a plan of the Level 3 NVQ that follows the one held.
  const planAsked = u.intent === "plan" || (!u.intent && objectiveOf(lower) !== undefined);
  if (u.ambiguous && planAsked) {
    const next = nextStepAmong(services, u.ambiguous, heldNow);
    if (next) {
      const { level: _asked, ...facts } = u;
      const objective = objectiveOf(lower);
      return {
        type: "PLAN",
        qualificationId: next,
        ...(objective ? { objective } : {}),
        u: facts,
        ...withHeld,
      };
    }
  }
  // "plan the level 3 for me", "whats unit 14 in the level 3 one": the level names a qualification
  // (never the learner's own level).
  const namedLevel =
    /\b(?:the|a) (?:level|l|lvl) ?([1-8])\b|\b(?:level|l|lvl) ?([1-8]) (?:nvq|one|diploma|cert|certificate|qualification|principles)\b|\bunits? \w+ (?:in|of|on|from) (?:level|l|lvl) ?([1-8])\b/.exec(
      normalise(text),
    );
  const heldLevels = (u.qualificationsHeld ?? []).map(
    (id) => services.catalogue.entries.get(id)?.level.value,
  );
  const level = Number(namedLevel?.[1] ?? namedLevel?.[2] ?? namedLevel?.[3] ?? Number.NaN);
  // ("the level 3 one" is every qualification at that level to the understanding: the conversation
  // narrows it; "the level 3 NVQ" is already narrowed by its kind.)
  if (
    !u.qualification &&
    namedLevel &&
    (!u.ambiguous ||
      !/^[a-z0-9 ]*?\b(nvq|diploma|cert|certificate|principles)\b/.test(
        normalise(text).slice(namedLevel.index, namedLevel.index + namedLevel[0].length + 12),
      )) &&
    !heldLevels.includes(level) &&
    (planAsked || u.intent === "whatIsUnit" || u.intent === "unitsIn")
  ) {
    const ids = qualificationsAtLevel(services, level, [c.qualificationId, ...heldNow]);
    // The level named is the qualification's, not the learner's.
    const { ambiguous: _all, ...named } = u;
    const rest = named.level === level ? (({ level: _asked, ...r }) => r)(named) : named;
    const intent = u.intent ?? "plan";
    if (ids.length === 1) return readMessage({ ...rest, intent, qualification: ids[0] }, text, c, services);
    if (ids.length > 1)
      return { type: "AMBIGUOUS", candidates: ids, u: { ...rest, intent, ambiguous: ids }, ...withHeld };
  }
  // Asked about, an experience of other work ("about a year in the cafe, no call centre") is none of the
  // contact-centre kind the question means.
  if (
    c.expecting === "experience" &&
    /\b(?:no|not|isnt|is not|never|wasnt|was not) (?:a |in a |at a |on the )?(?:call|contact) ?cent(?:re|er)s?\b|\bno (?:call|contact) cent(?:re|er) (?:experience|work)\b/.test(
      normalise(text),
    )
  )
    u = { ...u, experienceMonths: 0 };
  // "you missed deal with incidents, thats unit 8" after what counts from the Level 2: units held of it.
  const from = c.shown.transfer;
  if (
    !held &&
    from &&
    c.heldUnits.some((h) => h.qualificationId === from) &&
    /\b(?:you (?:missed|forgot|left out|dropped)|also (?:did|have|done)|i (?:also )?did)\b/.test(
      normalise(text),
    )
  ) {
    const q = services.engine(from);
    let units: string[] = [];
    try {
      units = q
        ? (unitsIn(services.catalogue, normalise(text), { qualificationId: from, bare: true })?.units ?? [])
        : [];
      if (q && units.length) resolveUnits(q, units);
    } catch {
      units = [];
    }
    if (units.length) return { type: "HOLD_UNITS", held: { qualificationId: from, units }, u };
  }
  // "sorry, it wasn't unit 25, it was unit 27": a correction of the units held, in their qualification.
  if (!held && u.units?.length && c.heldUnits.length && HELD_CORRECTION.test(normalise(text))) {
    for (const h of [...c.heldUnits].reverse()) {
      const q = h.qualificationId ? services.engine(h.qualificationId) : undefined;
      if (!q) continue;
      const keyOf = (x: string) => {
        try {
          return q.units[resolveUnits(q, [x])[0] ?? -1]?.key;
        } catch {
          return undefined;
        }
      };
      const heldKeys = new Set(h.units.map(keyOf));
      const said = u.units.map((x) => ({ x, key: keyOf(x) }));
      const out = said.filter((y) => y.key && heldKeys.has(y.key)).map((y) => y.key);
      const inn = said.filter((y) => y.key && !heldKeys.has(y.key));
      if (!out.length || !inn.length || said.some((y) => !y.key)) continue;
      const units = [...new Set([...h.units.filter((x) => !out.includes(keyOf(x))), ...inn.map((y) => y.x)])];
      return { type: "HOLD_UNITS", held: { qualificationId: h.qualificationId, units, replace: true }, u };
    }
  }
  // "which units fit a team leader?", "which of the level 3 units suit my job?": the units whose titles
  // fall under the role's topics (persona review 5, W2: the whole list of 49 units instead).
  {
    const t = normalise(text);
    const role = ROLE_UNITS_ASKED.test(t) ? (u.role ?? c.role) : undefined;
    const of =
      u.qualification ??
      c.qualificationId ??
      (c.shown.recommendations ?? []).find((id) => services.engine(id) !== undefined);
    if (role && of && services.engine(of) && !u.units?.length) {
      // (The role named in the question is whose units are asked about, not a fact about the writer.)
      const { role: _named, working: _w, userKind: _k, ...rest } = u;
      const facts = c.role ? rest : u;
      return {
        type: "ASK",
        u: { ...facts, intent: "unitsIn", qualification: of },
        asked: { ...readAsked(t), forRole: role },
      };
    }
  }
  // "does the level 4 have resource planning units?", "i want the customer service ones not selling":
  // the units of the qualification under discussion whose titles say it.
  const themeOf =
    u.qualification ??
    c.qualificationId ??
    // (Else the one the question was last about, or the first suggestion with a unit list.)
    [...(c.shown.about ?? []), ...(c.shown.recommendations ?? [])].find(
      (id) => services.engine(id) !== undefined,
    );
  if (
    themeOf &&
    !u.units?.length &&
    (!u.intent ||
      ["unitsIn", "details", "check", "plan"].includes(u.intent) ||
      // ("which of the level 4 units are about resource planning?": read as which one suits, W5.)
      (u.intent === "recommend" && /\bunits\b/.test(normalise(text)))) &&
    THEME_ASKED.test(normalise(text))
  ) {
    const theme = themeWords(normalise(text), services.engine(themeOf));
    const themes = themeGroups(normalise(text), services.engine(themeOf));
    if (theme.length || themes.length)
      return {
        type: "ASK",
        u: { ...u, intent: "unitsIn", qualification: themeOf },
        asked: {
          ...readAsked(normalise(text)),
          theme: theme.length ? theme : themes.flat(),
          ...(themes.length > 1 ? { themes } : {}),
        },
      };
  }
  // "can you swap unit 5 for the complaints one?": the replacement named by what it is about, so the
  // units whose titles say it are listed to choose from (persona review 5: answered with eligibility).
  if (
    themeOf &&
    u.units?.length &&
    /\b(?:swap|replace|switch|change)\b.*\b(?:for|with|to)\b/.test(normalise(text))
  ) {
    const replacement = normalise(text)
      .split(/\b(?:for|with|to)\b/)
      .slice(1)
      .join(" ");
    const q = services.engine(themeOf);
    const theme = themeWords(replacement, q);
    // One unit whose title says it: the swap is made ("swap 5 for the complaints one" → 14).
    const only = q?.units.filter((x) => theme.every((w) => titleIsAbout(x.title, w))) ?? [];
    if (theme.length && only.length === 1 && c.units?.length && only[0]?.number)
      return { type: "EDIT_UNITS", add: [only[0].number], remove: u.units, u: { ...u, units: [] } };
    if (theme.length)
      return {
        type: "ASK",
        u: { ...u, intent: "unitsIn", qualification: themeOf, units: [] },
        asked: { ...readAsked(normalise(text)), theme },
      };
  }
  // "why is that wrong?", "do I meet the 23 credits at level 3 rule?", "is that enough now?": the
  // check of the units under discussion again, in full.
  if (
    c.units?.length &&
    c.qualificationId &&
    !u.units?.length &&
    !hasProfileFacts(u) &&
    ABOUT_CHECK.test(normalise(text))
  )
    return { type: "UNITS", units: c.units, u, explain: true };
  // "what about K/503/0421 - is that in the level 3?", "is selling by telephone outbound level 2?": a
  // question about a unit, not a new selection (persona review 3: a question wiped 11 units).
  if (
    c.units?.length &&
    u.units?.length &&
    !held &&
    (!u.intent || u.intent === "details") &&
    /\?\s*$|^\s*(?:what about|is|are|does|do|whats|what is|which)\b/i.test(text.trim()) &&
    !/\b(?:check|add|include|instead|swap|replace|drop|remove|what if|try)\b/i.test(text)
  )
    return { type: "ASK", u: { ...u, intent: "whatIsUnit" } };
  // "swap 18 for selling by telephone - inbound", "add unit 12 and remove 10": edits of the selection.
  // ("ok add 11": the "ok" is no acceptance when units are edited.)
  if (
    !held &&
    c.qualificationId &&
    !hasProfileFacts(u) &&
    (!u.intent || u.intent === "check" || u.intent === "accept")
  ) {
    const edits = unitEditsIn(services.catalogue, normalise(text), { qualificationId: c.qualificationId });
    if (edits) return { type: "EDIT_UNITS", ...edits, u };
  }
  if (held && !hasProfileFacts(u) && (!u.intent || u.intent === "accept"))
    return { type: "HOLD_UNITS", held, u };
  // "I want to choose my own units for the NVQ: 1, 2, 4": the units named are the choice.
  if (/\b(choose|pick|select|use) (my )?own units\b|^\s*(my own units|change units)\s*$/i.test(text)) {
    if (u.units?.length && !held)
      return {
        type: "UNITS",
        units: u.units,
        ...(u.qualification ? { qualificationId: u.qualification } : {}),
        u,
      };
    return { type: "OWN_UNITS", u };
  }
  if (
    u.ambiguous &&
    (u.intent === "whatNext" ||
      u.intent === "unitsIn" ||
      u.intent === "plan" ||
      // (A comparison reads each side, narrowed by the suggestions: "the OCR level 2 one and the City
      // and Guilds level 2 one".)
      (c.expecting === "qualification" && u.intent !== "compare"))
  )
    return { type: "AMBIGUOUS", candidates: u.ambiguous, u, ...withHeld };
  // "how many guided learning hours is this plan?": a question about the plan, not a request for one.
  if (u.intent === "plan" && /^(?:so )?how (?:many|much|long)\b/.test(normalise(text)))
    return { type: "ASK", u: { ...u, intent: "details" }, asked: readAsked(normalise(text)), ...withHeld };
  // "does the Welsh apprenticeship apply in Northern Ireland?": a question about a qualification, with
  // no intent the understanding knows, is answered by what it asks about (never taken as facts).
  if (!u.intent && /\?\s*$|^\s*(?:does|do|is|are|can|could|would|will|should)\b/i.test(text)) {
    const asked = readAsked(normalise(text));
    if (asked.aspects.length && (u.qualification || u.ambiguous?.length || asked.kind)) {
      const { nation: _n, age: _a, working: _w, ...rest } = u;
      return {
        type: "ASK",
        u: {
          ...rest,
          intent: asked.aspects.some((a) => ["age", "work", "nation", "entry"].includes(a))
            ? "eligibility"
            : "details",
        },
        asked,
        ...withHeld,
      };
    }
  }
  // "I want to be a team leader next year": the qualifications whose sources name that role.
  const goal = GOAL.exec(normalise(text));
  if (goal?.[1] && !u.units?.length && (!u.intent || u.intent === "recommend" || u.intent === "whatNext")) {
    const { role: _r, working: _w, ...rest } = u;
    return {
      type: "ASK",
      u: { ...rest, intent: "details" },
      asked: { ...readAsked(normalise(text)), goal: goal[1] },
    };
  }
  // "whats next after it": what comes after the one under discussion (or the first recommended).
  if (WHATS_NEXT_AFTER_IT.test(normalise(text))) {
    const it =
      c.shown.about?.length === 1 ? c.shown.about[0] : (c.qualificationId ?? c.shown.recommendations?.[0]);
    // (The one under discussion goes by the units chosen for it, as "what comes next" does.)
    if (it)
      return {
        type: "ASK",
        u: { ...u, intent: "whatNext", ...(it === c.qualificationId ? {} : { qualification: it }) },
      };
  }
  // "what job roles does the level 4 lead to?", "could i become a team leader?": the job roles our
  // sources give for it, in their words.
  if (!u.intent || u.intent === "whatNext" || u.intent === "eligibility" || u.intent === "recommend") {
    const asked = readAsked(normalise(text));
    if (asked.aspects.includes("roles") && !hasProfileFacts(u))
      return {
        type: "ASK",
        // "what's next after the level 2 apprenticeship? could i become a team leader": both answered.
        u: {
          ...u,
          intent:
            u.intent === "whatNext" ||
            /\b(?:whats|what is|what comes) next\b|\bnext steps?\b/.test(normalise(text))
              ? "whatNext"
              : "details",
        },
        asked,
        ...withHeld,
      };
  }
  switch (u.intent) {
    case "compare": {
      // "compare the level 2 nvq and the level 2 principles": each side as the message describes it.
      const t = normalise(text);
      const named = qualificationsIn(services.catalogue, t).map((q) => q.candidates);
      // "the difference between the nvq and the certificate": each side by its kind, at the level the
      // conversation is at (the learner's, else Level 2, where these qualifications start).
      const level = c.level && c.level >= 2 && c.level <= 4 ? c.level : 2;
      const ofKind = (re: RegExp, kind: string) =>
        re.test(t)
          ? [
              [...services.catalogue.entries.values()]
                .filter(
                  (e) =>
                    e.level.value === level &&
                    (kind === "apprenticeship"
                      ? e.type === "pathway"
                      : e.type === "qualification" && e.qualificationKind.value === kind),
                )
                .map((e) => e.id),
            ]
          : [];
      const sides =
        named.length >= 2
          ? named
          : [
              ...named,
              ...ofKind(/\b[ns]vqs?\b/, "competence"),
              ...ofKind(/\b(?:certificates?|certs?|principles)\b/, "knowledge"),
              ...ofKind(/\bapprenticeships?\b/, "apprenticeship"),
            ].filter((x) => x.length);
      return { type: "ASK", u, asked: { aspects: [], suppose: {}, sides }, ...withHeld };
    }
    case "define":
    case "together":
    case "whatIsUnit":
    case "unitsIn":
    case "whatNext":
      return { type: "ASK", u, ...withHeld };
    // Questions about a qualification carry what they ask about ("how many credits", "at 16").
    case "eligibility":
    case "details":
      return { type: "ASK", u, asked: readAsked(normalise(text)), ...withHeld };
    case "recommend": {
      // "Is there an apprenticeship I could do?": whether one is open to them, then the advice.
      const asked = readAsked(normalise(text));
      if (
        asked.kind === "apprenticeship" &&
        /^(?:is|are) there\b|\bany apprenticeships?\b/.test(normalise(text))
      )
        return {
          type: "ASK",
          u: { ...u, intent: "eligibility" },
          asked: { ...asked, canDo: true },
          ...withHeld,
        };
      return {
        type: "RECOMMEND",
        u,
        ...withHeld,
        // "why these?": the reasons asked for, so the suggestions are shown in full even unchanged.
        ...(/^(?:(?:and|but|so|ok|okay) )?why\b/.test(normalise(text)) ? { reasons: true as const } : {}),
      };
    }
    case "check":
      if (u.units?.length)
        return {
          type: "UNITS",
          units: u.units,
          ...(u.qualification ? { qualificationId: u.qualification } : {}),
          u,
        };
      if (c.units?.length) return { type: "UNITS", units: c.units, u };
      return { type: "OWN_UNITS", u };
    case "plan": {
      const objective = objectiveOf(lower);
      return {
        type: "PLAN",
        ...(objective ? { objective } : {}),
        ...(u.qualification ? { qualificationId: u.qualification } : {}),
        u,
        ...withHeld,
      };
    }
  }
  if (c.expecting === "confirm" && u.yesNo !== undefined) return { type: u.yesNo ? "YES" : "NO", u };
  // Units with facts ("team leader, 2 years, units 4 and 9 for the NVQ"): both taken, when the units'
  // qualification is known.
  if (u.units?.length && !held && (!hasProfileFacts(u) || u.qualification || c.qualificationId))
    return {
      type: "UNITS",
      units: u.units,
      ...(u.qualification ? { qualificationId: u.qualification } : {}),
      u,
    };
  if (u.qualification && !hasProfileFacts(u)) return { type: "CHOOSE", qualificationId: u.qualification, u };
  if (
    c.expecting === "qualification" &&
    u.qualificationsHeld?.length === 1 &&
    !u.role &&
    u.experienceMonths === undefined
  )
    return { type: "CHOOSE", qualificationId: u.qualificationsHeld[0] ?? "", u };
  if (hasProfileFacts(u) || held) return { type: "FACTS", u, ...withHeld };
  if (u.intent === "skip") return { type: "SKIP", u };
  if (u.intent === "accept") return { type: "ACCEPT", u };
  if (u.intent === "greeting") return { type: "GREET", u };
  if (u.yesNo !== undefined) return { type: u.yesNo ? "YES" : "NO", u };
  if (u.ambiguous) return { type: "AMBIGUOUS", candidates: u.ambiguous, u };
  return { type: "UNCLEAR", u };
}

/** Intents a second question in the same message is answered for, after the first. */
const FOLLOW_UP_INTENTS = new Set([
  "whatNext",
  "details",
  "eligibility",
  "whatIsUnit",
  "unitsIn",
  "compare",
  "define",
]);

/**
 * The other questions of a message that asks two ("whats unit 11 about? and once i finish this, what
 * next?"): each later sentence read alone, answered too when it asks something else (persona review
 * 5: the second question of a message was dropped). Facts are read from the whole message once, by
 * the first event; a later question that states facts of its own is left to it.
 */
export function followUps(
  input: TurnInput,
  first: AdvisorEvent | { type: "BAD_SUBMIT" },
  c: EventContext,
  services: AdvisorServices,
  today: Date,
): AdvisorEvent[] {
  const text = input.text ?? "";
  if (!("u" in first) || !text.includes("?")) return [];
  const sentences = text
    .split(/(?<=\?)\s*/)
    .map((x) => x.trim())
    .filter((x) => x.length > 3);
  if (sentences.length < 2) return [];
  const asked = new Set([first.u.intent]);
  const out: AdvisorEvent[] = [];
  for (const sentence of sentences.slice(1)) {
    const e = toEvent({ text: sentence }, { ...c, clarify: null }, services, today);
    if (e.type !== "ASK" || !e.u.intent || !FOLLOW_UP_INTENTS.has(e.u.intent) || asked.has(e.u.intent))
      continue;
    // (Its facts were read with the whole message by the first event: only the question is kept.)
    const { evidence, intent, question, qualification, qualifications, ambiguous, term, units } = e.u;
    asked.add(intent);
    out.push({
      ...e,
      u: {
        evidence,
        intent,
        ...(question ? { question } : {}),
        ...(qualification ? { qualification } : {}),
        ...(qualifications ? { qualifications } : {}),
        ...(ambiguous ? { ambiguous } : {}),
        ...(term ? { term } : {}),
        ...(units ? { units } : {}),
      },
    });
  }
  return out.slice(0, 2);
}
