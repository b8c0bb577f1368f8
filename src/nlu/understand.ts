import type { Catalogue } from "../catalogue/load.ts";
import { CC_WORK, type Clause, clausesOf, OTHER_WORK } from "./clauses.ts";
import { parseDurationMonths } from "./duration.ts";
import { type Intent, intentOf, type Term } from "./intents.ts";
import { AGE_RANGE, isPersonName, learnerNameIn, otherAgeIn, ownNameIn } from "./learner.ts";
import { levelsIn } from "./levels.ts";
import {
  AT_SCHOOL,
  HIGH_GRADES,
  LOW_GRADES,
  mentionsInPassing,
  NOT_WORKING,
  type ProfileReading,
  readProfile,
  subjectGradesLow,
  WORKS_ELSEWHERE,
} from "./profile-facts.ts";
import { qualificationsIn } from "./qualifications.ts";
import { roleIn, twoTitleName } from "./roles.ts";
import { mask, matchesOf, normalise, numberWord } from "./text.ts";
import { unitsIn } from "./units.ts";

/** The question the bot has just asked: it decides how a bare "yes", "3" or "none" is read. */
export type Expecting =
  | "userKind"
  | "role"
  | "experience"
  | "level"
  | "working"
  | "apprenticeship"
  | "nation"
  | "age"
  | "learnerName"
  | "units"
  | "qualification"
  | "confirm";

export type UnsureSlot = "role" | "experienceMonths" | "age" | "level" | "nation";
export type Nation = "England" | "Wales" | "Scotland" | "Northern Ireland";
export type UserKind = "learner" | "staff" | "adviser";

/** What one message says. Only what it says: absent means "not in this message". */
export interface Understanding {
  intent?: Intent;
  term?: Term;
  userKind?: UserKind;
  /** Canonical role title, or null for "not working". */
  role?: string | null;
  experienceMonths?: number;
  level?: number;
  qualificationsHeld?: string[];
  /** One qualification asked about (not held). */
  qualification?: string;
  /** Two or more qualifications named (compare). */
  qualifications?: string[];
  /** A description matching several entries ("the level 3 NVQ"): the bot asks which. */
  ambiguous?: string[];
  /** The ambiguous description names something the learner holds ("I have the Level 2 NVQ"). */
  ambiguousHeld?: boolean;
  units?: string[];
  yesNo?: boolean;
  working?: boolean;
  /**
   * Works now, in a job outside contact centres ("I work in a shop", "on the tills at a Co-op"): `role`
   * is null and `working` false as test/nlu/SLOTS.md defines them (no contact-centre job), but the
   * learner is not "not working yet".
   */
  otherJob?: boolean;
  /** A contact-centre role the learner held before, not now: noted, never taken for the role. */
  pastRole?: string;
  /** Set by the conversation: the message asks something (a question mark, or a question's first word). */
  question?: boolean;
  /** Set by the conversation: "what if I get the job?" asks for the advice as if working in a contact centre. */
  supposeWorking?: boolean;
  /**
   * "Wouldn't level 2 be better?", "why not the NVQ?": the option the user weighs against the advice
   * given, to be answered with the reasons for the order, not a repeat of it.
   */
  prefer?: { level?: number; qualificationId?: string; kind?: "apprenticeship" | "competence" | "knowledge" };
  apprenticeship?: boolean;
  nation?: Nation;
  age?: number;
  learnerName?: string;
  /** Several learners advised as one (set by the dialogs from the whole message: "a cohort of 20"). */
  group?: { size: number | null };
  /** Qualifications said not to be held ("I don't hold the level 3"): a correction takes them away. */
  heldDenied?: string[];
  /** A group's levels vary ("mostly National 5s and a few Highers"): no one level is theirs. */
  levelVaries?: boolean;
  /** How each slot was read, for explanations and debugging (never logged at info level). */
  evidence: { slot: string; read: string; how: string }[];
  /**
   * Facts read with less confidence than the rest (a misspelt role, a role read from what someone
   * does, years added up from several spans, a number standing alone read as an age): the bot says
   * how it read them so the user can correct them. Every other fact is read from words that say it.
   */
  unsure?: { slot: UnsureSlot; read: string }[];
}

export interface UnderstandContext {
  catalogue: Catalogue;
  today: Date;
  expecting?: Expecting;
  /** The qualification the conversation is about, to read unit titles. */
  qualificationId?: string;
}

const YES =
  /^(yes|yeah|yea|yh|ye|yeh|yas|yep|yup|ya|y|sure|spot on|exactly|thats it|that is it|of course|definitely|certainly|(?:i do|i am|i would|i will)(?= *$| yes| please)|correct|right|absolutely|please|yes please|ok|okay|aye|affirmative|indeed|that s right|thats right|why not|go on|go ahead|do it|confirm)( (i|please|thanks|thank you|i do|i am|definitely|sure|do|am|that|it|it is))*\b/;
const NO =
  /^(no|nope|nah|n|not really|no thanks|no thank you|i dont|i do not|im not|i am not|negative|never|not at all|not yet|dont|do not|no way|not interested)\b(?! sure| certain| know)/;
const NATIONS: [RegExp, Nation][] = [
  [/\b(northern ireland|ni|belfast|derry|northern irish)\b/, "Northern Ireland"],
  [/\b(wales|welsh|cymru|cardiff|swansea|newport|wrexham)\b/, "Wales"],
  [/\b(scotland|scottish|edinburgh|glasgow|aberdeen|dundee)\b/, "Scotland"],
  [/\b(england|london|manchester|birmingham|leeds|liverpool|bristol|sheffield|newcastle)\b/, "England"],
];
const AGE = [
  /\b(\d{2})\s*(?:y\/o|y\/old)\b/,
  /\b(?:just )?turned (\d{2})\b/,
  /\b(?:son|daughter|client|student|pupil|learner|customer|lad|young person|candidate|nephew|niece|grandson|granddaughter)\s+(?:is\s+|s\s+|aged\s+|age\s+|who is\s+)?(1[4-9]|[2-6]\d)\b(?!\s*(?:years?|yrs?|months?|mths?)\s+(?:in|of|experience|exp|as|at|working|in the))/,
  /\bnow (1[4-9]|[2-6]\d)\b(?!\s*(?:years?|yrs?|months?|mths?|weeks?))/,
  /\b(?:im|i am|aged?|age is|age)\s+(\d{2})\b(?!\s*(?:years?|yrs?|months?|mths?)\s+(?:experience|in|at|of|working|on))(?!\s*(?:years?|yrs?|months?)\s*$)(?! (?:(?:in|on|by|at) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the \d|\d|a few|a couple|christmas|easter|the summer|the spring|the autumn|the winter)|(?:next|this) (?:week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|easter|summer|spring|autumn|winter)))/,
  /\b(\d{1,2})\s*(?:years? old|yrs? old|yo|y o|year old|years of age)\b/,
  // "23 now, living in Hartlepool": an age said with "now" after it (not a length: "2 years now").
  /(?<!\b(?:unit|units|level|group|for|about|of|over|under|with|than|been|done|had|got)\s)\b(1[4-9]|[2-6]\d) now\b(?! (?:years?|yrs?|months?))/,
  // "am I too old at 66?", "too young at 15 for...".
  /\btoo (?:old|young) (?:at|aged) (1[4-9]|[2-7]\d)\b/,
  /\b(sixteen|seventeen|eighteen|nineteen|twenty)\s*(?:years? old)\b/,
  // Welsh: "dw i'n 19 oed", "rwy'n 18 oed".
  /\b(1[4-9]|[2-6]\d) oed\b/,
  /\b(?:im|i am|aged?)\s+(fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b(?! (?:years?|months?) (?:in|of|experience))/,
];

/** The writer saying what they hold or where they are ("I have", "got my", "I'm at level 2"). */
const OWN_HOLDING =
  /\b(i have|ive|i got|got my|i hold|i did|ive done|i completed|i passed|im at|i am at|my)\b/;

/** Someone writing about another person: their job, or the person they write about. */
const ADVISER =
  /\b((can|could|do|does) (our |my |the )?(volunteers|employees|apprentices|trainees|students|pupils)|careers? (advisor|coach|counsellor|officer|worker|lead|leader|teacher)|(fe |sixth form )?college (lead|tutor|advisor|adviser|manager|coordinator|liaison)|(im|i am|were|we are) (working with|supporting|seeing|meeting) (a |an |my )?[a-z]+( [a-z]+)? (aged? )?(1[4-9]|[2-6]\d)\b|(im|i am) an advisor (for|with|working with) (young people|students|clients|learners|jobseekers)|advisor here|(connexions|careers wales|jobcentre|jobcentre plus|job centre|dwp|employability|work programme|skills) (advisor|coach|worker|officer|mentor)|i teach|teaching assistant here|learning mentor|senco|probation officer|for (my |our )?(staff|agents|advisors|team leaders) who|careers club|running (a|this) session|on behalf of (a |my |one of my )?(learner|client|student|son|daughter|team|staff)|assessor|tutor|teacher|work coach|job coach|youth worker|support worker|key worker|employer|hr (manager|advisor|business partner|officer)|training (manager|officer|coordinator|provider)|learning and development|l and d|(parent|dad|mum|mam|mom|father|mother|grandad|grandma|gran|nan) here|(my|our) (son|daughter|child|\d+ year old)|(my|our|one of my) (tls|supervisors|team leaders|team managers|agents|staff|new agents|new starters|apprentices|learners|students|clients|pupils)|asking for (one of my|my|a)|claimant|the pupil|my client|client is|student is|learner is|we re taking on|were taking on|want to (put|send) my|for my (tls|team leaders|supervisors|managers|staff|agents)|client (details|summary|profile)|referral( notes| details| form)?|candidate (summary|details|profile)|(advise|advice) on the following|the following (candidate|client|learner))\b/g;
const ADVISER_JOB =
  /^(assessor|tutor|teacher|work coach|job coach|youth worker|support worker|key worker|employer)$/;
/** An adviser's title the writer names as their own adviser ("my careers teacher said to ask here"). */
const MY_ADVISER =
  /^(careers? (advisor|coach|counsellor|officer|worker|lead|leader|teacher)|(connexions|careers wales|jobcentre|jobcentre plus|job centre|dwp|employability|work programme|skills) (advisor|coach|worker|officer|mentor)|hr (manager|advisor|business partner|officer)|training (manager|officer|coordinator|provider))$/;

/** Words saying a qualification is held, and words asking about or wanting one. */
const HELD_VERB =
  /\b(have|has|got|hold|holds|held|did|done|completed|passed|finished|achieved|ive|gained|took|awarded)\b(?! to\b)/;
const HELD_VERB_G = new RegExp(HELD_VERB.source, "g");
const ASKING_VERB =
  /\b(can|could|do|does|doing|want|wants|like|thinking|considering|looking|ask|asks|asked|would|should|need|needs|start|starting|go|get|take|about|compare|know|units)\b/;

/** A word saying the mention is held, with no asking or wanting between ("has asked whether he can do X" is not). */
function heldWords(clause: string, mention: string): boolean {
  const at = clause.indexOf(mention);
  const before = at >= 0 ? clause.slice(0, at) : clause;
  const held = matchesOf(HELD_VERB_G, before).at(-1);
  // "IQ level 2 NVQ done back in 2013", "NVQ L3 w/ OCR 10268 completed": said after it.
  // ("my agent needs the OCR Level 2 Certificate done quickly": done is what is needed, not held.)
  if (!held)
    return at < 0
      ? HELD_VERB.test(clause)
      : !/\b(need|needs|needed|want|wants|wanted|has to|have to|must)\b/.test(before) &&
          /^(?: [a-z0-9/]+){0,3} (done|completed|finished|passed|achieved|gained|awarded)\b/.test(
            clause.slice(at + mention.length),
          );
  // "can a learner hold both...": a held word after a modal asks, it does not say.
  if (/\b(can|could|would|should|will|may|might|to)( [a-z]+){0,2} $/.test(before.slice(0, held.index)))
    return false;
  return !ASKING_VERB.test(before.slice(held.index + held[0].length));
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  const u: Understanding = { evidence: [] };
  // "3yrs" reads as "3 yrs"; very long messages are cut (nobody states their profile in an essay).
  const normalised = normalise(text.slice(0, 2000));
  // (Only a text with a digit has a number to split off.)
  const full = /\d/.test(normalised)
    ? normalised.replace(/\b(\d+)(years?|yrs?|y|months?|mths?|mos?|m|weeks?|wks?|w)\b/g, "$1 $2")
    : normalised;
  // "none lol", "yes pls": a short answer's trailing filler says nothing.
  let t = ctx.expecting
    ? full.replace(/(?:\s+(?:lol|haha+|lmao|tbh|x+|pls|plz|please|thanks|ta))+$/, "")
    : full;
  const ev = (slot: string, read: string, how: string) => u.evidence.push({ slot, read, how });
  const expecting = ctx.expecting;

  // The question the message asks, read from its sentences (src/nlu/questions.ts), not its words.
  const intent = intentOf(text, full);
  if (intent) {
    u.intent = intent.intent;
    if (intent.term) u.term = intent.term;
    ev("intent", intent.intent, "question");
  }

  // Who is speaking.
  // "my assessor", "my employer is paying", "cover for my TL": other people a learner names are not a
  // sign that an adviser is writing.
  // "then had my daughter", "raising my son": a learner's own family, not someone they write for.
  const adviser = matchesOf(ADVISER, t).find(
    (m) =>
      (!/\b(my|our|the) $/.test(t.slice(Math.max(0, m.index - 4), m.index)) || !ADVISER_JOB.test(m[0])) &&
      (!/\b(my|our) $/.test(t.slice(Math.max(0, m.index - 4), m.index)) || !MY_ADVISER.test(m[0])) &&
      !/\b(had|have|having|raising|raise|look after|looking after|care for|caring for|carer for|since|pregnant with|expecting|home with|off with|school run for|pick up|drop off)\s*$/.test(
        t.slice(Math.max(0, m.index - 24), m.index),
      ) &&
      // ("quality assessor in a contact centre - I listen to calls and score them": a contact-centre job.)
      !(
        m[0] === "assessor" &&
        /\b(?:quality|call|qa|compliance) $/.test(t.slice(Math.max(0, m.index - 12), m.index))
      ) &&
      // ("I am NOT a careers adviser. I'm the learner": denied.)
      !/\b(?:not|never|no longer)\s+(?:an?\s+|the\s+)?$/.test(t.slice(Math.max(0, m.index - 14), m.index)) &&
      // ("Job centre work coach reckons I should look at call centre jobs": the writer's own adviser.)
      !/^\s*(?:reckons|says|said|told me|tells me|thinks|suggested|suggests|recommended|wants me|advised me|sent me|put me|pointed me|referred me|has told me)\b/.test(
        t.slice(m.index + m[0].length, m.index + m[0].length + 20),
      ),
  );
  const formHeading =
    !!adviser &&
    /^(client (details|summary|profile)|referral( notes| details| form)?|candidate (summary|details|profile)|(advise|advice) on the following|the following (candidate|client|learner))$/.test(
      adviser[0],
    );
  if (adviser) {
    u.userKind = "adviser";
    t = mask(t, adviser.index, adviser.index + adviser[0].length);
    ev("userKind", adviser[0], "pattern");
  } else if (
    /\b(im|i am) (a |an |the )?(learner|student|apprentice)\b/.test(t) ||
    // "Eh? I'm not an adviser, it's me looking for the job": the writer is the learner.
    /\b(?:im|i am) not (?:an? )?(?:careers )?(?:adviser|advisor|parent|teacher|work coach)\b|\bits (?:just )?me (?:looking|who|wanting|that)\b|\bits for me\b/.test(
      t,
    )
  ) {
    u.userKind = "learner";
    ev("userKind", "learner", "pattern");
  }

  // Qualifications: held ones give a level; others are what a question is about. In a plain
  // statement ("OCR 10265 and 10268", "NVQ 3") a qualification named is one held.
  const isQuestion =
    /^(?:(?:ok|okay|so|and|but|right|well|hi|also) )?(what|whats|which|how|can|could|is|are|does|do|tell|show|explain|compare|where|when|should|would|must)\b/.test(
      full,
    ) && !OWN_HOLDING.test(full);
  const asking =
    isQuestion ||
    expecting === "qualification" ||
    (u.intent !== undefined &&
      [
        "unitsIn",
        "compare",
        "whatIsUnit",
        "define",
        "together",
        "plan",
        "check",
        "recommend",
        "whatNext",
        // ("how many GLH should we budget for the OCR L2 NVQ?" answering the level question: asked.)
        "details",
        "eligibility",
      ].includes(u.intent));
  const wish = (start: number) => {
    const before = t.slice(Math.max(0, start - 40), start).trimEnd();
    // ("I want the Level 4 NVQ Diploma 10269": its number, after the name, is wanted as well.)
    const sentence =
      t
        .slice(Math.max(0, start - 70), start)
        .split(/[.!?;]/)
        .at(-1) ?? "";
    return (
      /\b(want|wants|like|interested in|thinking about|considering|doing|do|start|starting|go for|aim for|aiming for|looking at|planning)( to do| to start| doing)?( an?| the| my)?( ocr| cityguilds| iq| welsh)?\s*$/.test(
        before,
      ) ||
      (/\b(want|wants|wanna|would like|id like|interested in|thinking about|considering|looking at|looking into|planning|aiming for|go for|hoping)\b/.test(
        sentence,
      ) &&
        !/\b(got|have|has|hold|holds|passed|done|did|completed|finished|achieved)\b/.test(sentence))
    );
  };
  // In a free message, each qualification is held or asked about as its own clause says.
  // "Who am I talking to?" is an open question: its answer is read as a free message; so is a sentence
  // given in answer to any profile question ("no contact centre experience, 30 yrs in steel").
  // (Asked to pick a qualification, "he also supervised 3 people at the end" is a sentence about the
  // learner all the same, and so is "she worked 2 years on a helpdesk before the admin job" asked about
  // experience: read clause by clause, so what was is not taken for what is.)
  const wordCount = expecting ? text.trim().split(/\s+/).length : 0;
  const free =
    !expecting ||
    expecting === "userKind" ||
    (!["units", "qualification", "confirm", "experience", "level"].includes(expecting) && wordCount >= 6) ||
    ((expecting === "qualification" || expecting === "experience") &&
      wordCount >= 6 &&
      /\b(i|im|ive|he|she|hes|shes|they|theyre|my|his|her|their)\b/i.test(text));
  const clauses = free ? clausesOf(text) : [];
  // "My manager has the level 4 ... I'm an agent": what people mentioned in passing hold is not held.
  const inPassing = mentionsInPassing(clauses);
  const used = new Set<Clause>();
  const clauseOf = (mention: string) => {
    const c =
      clauses.find((x) => !used.has(x) && x.text.includes(mention)) ??
      clauses.find((x) => x.text.includes(mention));
    if (c) used.add(c);
    return c;
  };
  // A list of units is not a list of levels: "my own units for the NVQ: 1, 2, 10" names no NVQ 1 or 2.
  const unitsText = t;
  const listed = unitsIn(ctx.catalogue, t, {
    bare: expecting === "units" || u.intent === "check" || u.intent === "together",
  });
  let qualText = t;
  for (const x of listed?.at ?? []) qualText = mask(qualText, x.start, x.end);
  const heldClauses = new Set<Clause>();
  const occurrences = (text: string, what: string) => text.split(what).length - 1;
  // The clause a mention is in, by its place: "I've got a Level 2 diploma in care ... take the IQ Level
  // 2 NVQ?" names "level 2" twice, and the second is the qualification's.
  const clauseAt = (mention: string, start: number) => {
    const k = occurrences(t.slice(0, start), mention);
    let seen = 0;
    for (const x of clauses) {
      seen += occurrences(x.text, mention);
      if (seen > k) {
        used.add(x);
        return x;
      }
    }
    return clauseOf(mention);
  };
  const quals = qualificationsIn(ctx.catalogue, qualText).map((q) => {
    const mention = t.slice(q.start, q.end).trim();
    let c = free ? clauseAt(mention, q.start) : undefined;
    // "(10267)" on its own is read with the clause it belongs to.
    if (c && c.text === normalise(mention) && /^[\d/ x]+$/.test(c.text))
      c = clauses[clauses.indexOf(c) - 1] ?? c;
    const heldByClause =
      c &&
      !c.question &&
      c.modality !== "wish" &&
      c.modality !== "future" &&
      c.modality !== "progress" &&
      !/\b(compare|vs|versus|difference|or)\b/.test(c.text) &&
      // Held when the clause says so, or states it with no verb asking or wanting ("OCR 10265, units 1 2 3";
      // not "10269 how many credits and how many at level 4").
      (heldWords(c.text, normalise(mention)) ||
        (!asking &&
          !ASKING_VERB.test(c.text) &&
          !/\b(how|which|why|when)\b|\bwhats?\b(?! (i|ive|i ve|she|shes|he|hes|they|theyve)( ve| s)? (got|have|has|hold|holds|done))/.test(
            c.text,
          )) ||
        // "Quals: OCR L2 NVQ Certificate in CCO (10265)": named under a heading of what is held.
        /^(quals?|qualifications?|qualifications held|holds|certificates?|certs?|achieved|completed|education)$/.test(
          clauses[clauses.indexOf(c) - 1]?.text ?? "",
        ) ||
        // "Got my OCR Level 2 NVQ (10265) and the OCR Level 2 Principles cert (10266) both done": a list
        // goes on from the clause before it (or the one before a number in brackets).
        (/^(and|plus|as well as)\b/.test(c.text) &&
          [clauses[clauses.indexOf(c) - 1], clauses[clauses.indexOf(c) - 2]].some(
            (x) => x !== undefined && heldClauses.has(x),
          )));
    if (c && heldByClause) heldClauses.add(c);
    // "units 1, 2 and 4 for the OCR level 2 certificate", "for the L3 NVQ I've done units...": the
    // qualification the units belong to is the one asked about, not one held.
    const ofUnits =
      /\bunits?\b[^.?!]{0,70}\b(for|on|of|in|from)( the| my| an?)?\s*$/.test(
        t.slice(Math.max(0, q.start - 90), q.start),
      ) ||
      /^[^.?!]{0,25}\b(ive|i have|has|have) (done|chosen|picked|got|completed) units?\b/.test(
        t.slice(q.end, q.end + 60),
      );
    if (ofUnits) return { ...q, held: false };
    // "if i did the OCR level 3 NVQ instead", "i meant plan the OCR level 2 NVQ", "does not hold the OCR
    // Level 2 NVQ", "I DON'T hold the level 3": supposed, asked or denied, never held (persona review 6).
    const lead = t.slice(Math.max(0, q.start - 60), q.start);
    // ("compare the OCR Level 2 Principles Certificate with the OCR Level 2 NVQ": both asked about, as
    // an answer to a profile question too.)
    if (!c && u.intent === "compare" && /\b(?:compare|comparing|difference|differ|vs|versus)\b/.test(t))
      return { ...q, held: false };
    if (
      /\b(?:if|suppose|supposing|say|what if|imagine) (?:i|she|he|they|we) (?:did|do|took|take|went for|go for|chose|choose|switched to|switch to|were to do|was to do|started|start|moved to|move to)\s+(?:the |an? |my |his |her )?(?:ocr |iq |city and guilds |city guilds |cityguilds |c ?g |c and g )?$/.test(
        lead,
      ) ||
      /\b(?:meant|mean|plan|planning|check|checking|compare|comparing)\s+(?:the |an? )?(?:ocr |iq |city and guilds |city guilds |cityguilds |c ?g |c and g )?$/.test(
        lead,
      )
    )
      return { ...q, held: false };
    if (
      /\b(?:dont|do not|doesnt|does not|didnt|did not|never|havent|hasnt|have not|has not|not) (?:actually |even )?(?:hold|holds|have|has|got|get|done|do|did|achieve|achieved|finish|finished|pass|passed)\s+(?:the |an? |any |my |his |her |their )?(?:ocr |iq |city and guilds |city guilds |cityguilds |c ?g |c and g )?$/.test(
        lead,
      )
    )
      return { ...q, held: false, notHeld: true, denied: true };
    // "a D isn't level 2 though": denied, not held.
    if (
      /\b(?:isnt|is not|arent|are not|wasnt|was not|not|never)\s+(?:an?\s+|the\s+)?$/.test(
        t.slice(Math.max(0, q.start - 16), q.start),
      )
    )
      return { ...q, held: false, notHeld: true };
    if (inPassing && c?.subject === "other") return { ...q, held: false, notHeld: true };
    // "is on the IQ Level 2 NVQ", "part way through the L2 NVQ", "failed my level 2 NVQ", "did the
    // NVQ but never finished it": being taken or not achieved, so not held (test/nlu/SLOTS.md).
    const notAchieved =
      /\b(on|doing|studying|taking|through|towards|failed|failing|started|starting|enrolled on|registered on|signed up (to|for)|working on|follow|follows|following)( the| my| his| her| their| an?| our)?( [a-z]+)?\s*$/.test(
        t.slice(Math.max(0, q.start - 40), q.start),
      ) ||
      (!!c &&
        /^(but )?(he |she |they |i )?(never finished|didnt finish|did not finish|dropped out|failed|gave up|quit)\b/.test(
          clauses[clauses.indexOf(c) + 1]?.text ?? "",
        )) ||
      (!!c &&
        /\b(but|and) (never|didnt|did not) (finish|finished|complete|completed|pass|passed)\b/.test(c.text));
    if (notAchieved) return { ...q, held: false };
    // "compare X with the OCR level 2 NVQ", "for the Level 2 pathway, what's...": not held whatever
    // word comes before it.
    const notHeld =
      !!c &&
      (/\b(compare|comparing|difference|differ|vs|versus)\b/.test(c.text) ||
        // "compare the OCR L3 Principles (10267) with the City & Guilds Level 3 Certificate": the
        // second of two compared, in a clause of its own.
        (/^(with|and|to|against|vs|versus|or)\b/.test(c.text) &&
          /\b(compare|comparing|difference|differ)\b/.test(t.slice(Math.max(0, q.start - 150), q.start))) ||
        /\b(for|about|on|of) (the|a|an)\s*$/.test(t.slice(Math.max(0, q.start - 8), q.start)));
    return {
      ...q,
      held: c ? (q.held && !notHeld) || (!!heldByClause && !notHeld) : q.held || (!asking && !wish(q.start)),
    };
  });
  for (const q of quals) t = mask(t, q.start, q.end);
  // "enrol Rachel on the OCR Level 2 Certificate in Principles (10266)": a number just after a
  // qualification named as not held repeats it, and is not held either.
  for (const [i, q] of quals.entries()) {
    const before = quals[i - 1];
    if (
      q.held &&
      before &&
      !before.held &&
      before.id === q.id &&
      q.start - before.end <= 3 &&
      /^[\d/ x]+$/.test(q.matched.trim())
    )
      q.held = false;
  }
  const held = quals.filter((q) => q.held);
  // "Callum does not hold the OCR Level 2 NVQ", "I DON'T hold the level 3": what a correction takes away.
  const denied = [
    ...new Set(quals.flatMap((q) => ("denied" in q && q.denied ? (q.id ? [q.id] : q.candidates) : []))),
  ];
  if (denied.length) {
    u.heldDenied = denied;
    ev("heldDenied", denied.join(", "), "denied");
  }
  const heldIds = held.length ? [...new Set(held.flatMap((q) => (q.id && q.explicit ? [q.id] : [])))] : [];
  if (heldIds.length) {
    u.qualificationsHeld = heldIds;
    ev("qualificationsHeld", heldIds.join(", "), "named");
  }
  const heldLevels = held.flatMap((q) => {
    const levels = q.candidates.map((id) => ctx.catalogue.entries.get(id)?.level.value ?? null);
    const first = levels[0];
    return first != null && levels.every((l) => l === first) ? [first] : [];
  });
  // One held and named again by number ("the OCR Level 2 NVQ cert (10265)") is still the one held.
  // ("if I haven't done the level 2 one" names neither one held nor one asked about.)
  const asked = quals.filter((q) => !q.held && !q.notHeld && !(q.id && heldIds.includes(q.id)));
  const askedIds = asked.length ? [...new Set(asked.flatMap((q) => (q.id ? [q.id] : [])))] : [];
  // "the difference between the OCR level 2 certificate and the NVQ one": one of two is not one asked.
  const comparing = asked.length > askedIds.length && /\b(compare|difference|differ|vs|versus|or)\b/.test(t);
  // A comparison names two: with only one of them known, none is "the one asked about".
  if (askedIds.length === 1 && !comparing && u.intent !== "compare") u.qualification = askedIds[0];
  else if (askedIds.length > 1) u.qualifications = askedIds;
  const ambiguous = asked.find((q) => !q.id);
  if (ambiguous && askedIds.length === 0) u.ambiguous = ambiguous.candidates;
  // "I have the Level 2 NVQ, what next?": which Level 2 NVQ decides what comes next.
  const heldAmbiguous = held.find((q) => !q.id && q.candidates.length > 1);
  if (!u.ambiguous && heldAmbiguous && heldIds.length === 0 && u.intent === "whatNext") {
    u.ambiguous = heldAmbiguous.candidates;
    u.ambiguousHeld = true;
  }
  // "Quals: OCR 10265 ... what's the next step up for him?", "He's held 600/1138/5 since last year. What
  // should he do next?": someone holding a catalogue qualification asks what comes after it.
  if (
    u.intent === "recommend" &&
    heldIds.length > 0 &&
    askedIds.length === 0 &&
    // (In the question asked: "want to do an NVQ next... Which NVQ?" asks which.)
    /\b(next|step up|after (that|this|it)|progress|move (up|on)|what now|from here)\b/.test(
      normalise(
        text
          .split(/(?<=[.!?])\s+|\n+/)
          .filter((x) => x.includes("?"))
          .join(" ") || text,
      ),
    )
  )
    u.intent = "whatNext";
  // "what's in the Welsh level 2 apprenticeship?": a pathway has no unit list of its own; what it
  // includes is one of its details.
  if (
    u.intent === "unitsIn" &&
    u.qualification &&
    ctx.catalogue.entries.get(u.qualification)?.type === "pathway" &&
    !/\bunits?\b/.test(full)
  )
    u.intent = "details";
  if (expecting === "qualification" && !u.qualification && askedIds.length === 0 && heldIds.length === 1) {
    u.qualification = heldIds[0];
  }

  // Units.
  // (With no qualification to read titles of, nothing masked since and no check asked for, the units
  // read above are these: the same text read the same way.)
  const unitsFor = u.qualification ?? ctx.qualificationId;
  const anywhere = u.intent === "check" || u.intent === "together";
  const units =
    !unitsFor && !anywhere && t === unitsText
      ? listed
      : unitsIn(
          ctx.catalogue,
          t,
          unitsFor
            ? { qualificationId: unitsFor, bare: expecting === "units" || anywhere, anywhere }
            : { bare: expecting === "units" || anywhere, anywhere },
        );
  if (units) {
    u.units = units.units;
    t = mask(t, units.start, units.end);
    ev("units", units.units.join(", "), "list");
  }

  // Age, before durations ("17 years old" is not experience). Ranges ("aged 16-18") are a group's.
  // (A range is digits: text without one has none.)
  if (/\d/.test(t)) t = t.replace(AGE_RANGE, (m) => " ".repeat(m.length));
  const aboutOther = clauses.some((c) => c.subject === "other");
  const theirs = aboutOther ? otherAgeIn(full.replace(AGE_RANGE, " "), text) : undefined;
  if (theirs !== undefined) {
    u.age = theirs;
    ev("age", String(theirs), "said of the learner");
  }
  // (Every AGE pattern needs digits or a "-teen"/"twenty" word; the ones below need digits.)
  for (const re of u.age === undefined && /\d|teen|twenty/.test(t) ? AGE : []) {
    const m = re.exec(t);
    if (m) {
      const n = numberWord(m[1] ?? "");
      if (n !== undefined && n >= 10 && n <= 99) {
        u.age = n;
        t = mask(t, m.index, m.index + m[0].length);
        ev("age", m[0], "pattern");
        break;
      }
    }
  }
  // "Am 22 fae Paisley", "wee question. am 18 n stay in Kirkcaldy": "I" left out before "am".
  if (u.age === undefined && /\d/.test(t)) {
    const m =
      /(?:^|[.!?,;]\s+)am (1[4-9]|[2-6]\d)\b(?! ?(?:years?|yrs?|months?|mths?|weeks?) (?:in|of|as|at|experience))/i.exec(
        text,
      );
    if (m) {
      u.age = Number(m[1]);
      ev("age", m[0].trim(), "pattern");
    }
  }
  if (u.age === undefined && /\d/.test(t)) {
    // "I'll be 34 in December", "I'm 17 in March", "I'm 60 next month": 33, 16, 59 now.
    const m =
      /\b(?:ill|i will|shell|she will|hell|he will|theyll) be (1[5-9]|[2-9]\d)\b(?! (?:years?|months?) (?:in|of))/.exec(
        t,
      ) ??
      /\b(?:im|i am|shes|hes|she is|he is|[a-z]+ is) (1[5-9]|[2-9]\d) (?:(?:in|on|by|at) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the \d|\d|a few|a couple|christmas|easter|the summer|the spring|the autumn|the winter)|(?:next|this) (?:week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|easter|summer|spring|autumn|winter))/.exec(
        t,
      );
    // "18 next month, finished my A levels": an age to come, said first.
    const first =
      m ??
      /^(1[5-9]|[2-9]\d) (?:(?:next|this) (?:week|month|year)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/.exec(
        t.trimStart(),
      );
    if (first && !m) {
      u.age = Number(first[1]) - 1;
      ev("age", first[0], "an age to come");
    } else if (m) {
      u.age = Number(m[1]) - 1;
      t = mask(t, m.index, m.index + m[0].length);
      ev("age", m[0], "an age to come");
    }
  }
  // (Not in a list of numbers: "his units were 1, 2, 5, 7, 12, 19" has no age in it.)
  if (
    u.age === undefined &&
    (/\d/.test(text) || /\d/.test(t)) &&
    !u.units &&
    expecting !== "units" &&
    !/\bunits?\b|\d+\s*,\s*\d+\s*,\s*\d+/.test(text)
  ) {
    // "I'm a learner, 16, from Belfast": a number standing alone between commas is an age.
    // ("Twenty-three, from Ammanford", "25F, Enniskillen": a number in words, or with a sex after it.)
    const segments = text.split(/[,;.!?\n]/).map((x) => x.trim().replace(/^(\d\d) ?[FM]$/, "$1"));
    const at = segments.findIndex((x) =>
      /^(?:[-•*]\s*)?(?:(?:my |the )?(?:(?:learner|client|student|she|he|they) (?:is|s|are)|shes|hes|theyre|she's|he's|they're) |aged? )?(1[4-9]|[2-6]\d)$/.test(
        /^[A-Za-z]+-[a-z]+$/.test(x) ? normalise(x) : x.toLowerCase(),
      ),
    );
    const alone = at >= 0 ? normalise(segments[at] ?? "") : undefined;
    // ("My client is Sean McCann, 50, returning to work": a number right after a name is that person's age.)
    const lastWord = /(?:^|\s)((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)$/.exec(
      segments[at - 1] ?? "",
    )?.[1];
    const afterName = at > 0 && !!lastWord && isPersonName(lastWord);
    const n = alone ? Number(/(\d+)$/.exec(alone)?.[1]) : undefined;
    if (n !== undefined) {
      u.age = n;
      t = t.replace(new RegExp(`\\b${n}\\b`), " ");
      // "she's 17" says it is an age; a bare "31" between commas only may be one.
      ev(
        "age",
        String(n),
        /^(?:[-•*]\s*)?\d+$/.test(alone ?? "") && !afterName ? "a number on its own" : "pattern",
      );
    } else {
      const m =
        /\b(?:my |the )?(?:(?:learner|client|student|she|he|they) (?:is|s|are)|shes|hes|theyre) (1[4-9]|[2-6]\d)\b(?! ?(?:years?|yrs?|months?) (?:in|of|experience))/.exec(
          t,
        );
      if (m) {
        u.age = Number(m[1]);
        t = mask(t, m.index, m.index + m[0].length);
        ev("age", m[0], "pattern");
      }
    }
  }
  if (expecting === "age" && u.age === undefined) {
    const m = /^\s*(?:im |i am |about |around )?(\d{2}|sixteen|seventeen|eighteen|nineteen|twenty)\s*$/.exec(
      t,
    );
    const n = m ? numberWord(m[1] ?? "") : undefined;
    if (n !== undefined && n >= 10 && n <= 99) {
      u.age = n;
      t = "";
      ev("age", String(n), "answer to the age question");
    }
  }

  if (free) {
    // A free message: read clause by clause (subject, negation, wish or fact, past or present).
    // A writer who gives their own age and no one else's writes about themselves ("I'm 35, mum of 3").
    // A child younger than any learner ("since my lad was born, he's 4 now") is the writer's own.
    const ownAge =
      u.evidence.some(
        (e) =>
          e.slot === "age" &&
          (/^(im|i am)\b/.test(e.read) ||
            (e.how === "a number on its own" &&
              clauses.find((c) => new RegExp(`\\b${u.age}$`).test(c.text))?.subject === "self")),
      ) ||
      /\b(hes|shes|he is|she is|theyre|they are) ([1-9]|1[0-3])( now)?\b(?! (years?|yrs?|months?) (in|of|as|at|experience))(?! ?(years?|yrs?) (in|of|as|at))/.test(
        full,
      );
    // The question says whom the advice is for: "Mam reckons I should... What would I need?", "carer for
    // my mum, she passed in the summer... Can I go straight onto level 3?" ask for the writer, whoever
    // else they name.
    const askedForSelf =
      clauses.some(
        (c) =>
          c.question &&
          /\b(i|im|ive)\b/.test(c.text) &&
          // ("Can I speak to someone?", "where can I see the list?": asks of the bot, not for whom.)
          !/\b(where|how) (can|do|could) i\b|\b(can|could|may) i (speak|talk|see|ask|get|have|find|check|send)\b/.test(
            c.text,
          ),
      ) &&
      !clauses.some(
        (c) =>
          c.question &&
          /\b(he|she|they|him|her|them|his|their|hes|shes|theyre|we|us|our|ours)\b|\bmy (?!own\b)[a-z]+/.test(
            c.text,
          ),
      );
    const reading = readProfile(
      clauses,
      ctx.catalogue,
      ctx.today,
      heldLevels,
      // ("Client details: 52, made redundant...", "Referral notes / Name: Tomasz": under a form's heading
      // every line describes the learner, with no "he" or "she" needed.)
      u.userKind === "adviser" && !formHeading,
      (ownAge && theirs === undefined && u.userKind !== "adviser") || askedForSelf,
      expecting === "role",
    );
    for (const e of reading.evidence) u.evidence.push(e);
    if (reading.role !== undefined) u.role = reading.role;
    if (reading.pastRole && reading.pastRole !== reading.role) u.pastRole = reading.pastRole;
    if (reading.working !== undefined) u.working = reading.working;
    if (reading.working === false && reading.evidence.some((e) => e.how === "works elsewhere"))
      u.otherJob = true;
    if (reading.experienceMonths !== undefined) u.experienceMonths = reading.experienceMonths;
    // (Levels in questions are left out clause by clause: "got 6 GCSEs" in a question about OCR counts.)
    if (reading.level !== undefined) u.level = reading.level;
    if (reading.apprenticeship !== undefined) u.apprenticeship = reading.apprenticeship;
    if (reading.nation !== undefined) {
      const welshAsked =
        reading.nation === "Wales" && asked.some((q) => q.candidates.every((id) => id.startsWith("wales")));
      if (!welshAsked || reading.evidence.some((e) => e.slot === "nation" && e.how === "gazetteer"))
        u.nation = reading.nation;
    }
    // Who writes is said only when the message says something about them: a bare question ("how
    // many credits is the L3 NVQ?", "delete my data") leaves it for the bot to ask.
    const aboutSelf =
      u.age !== undefined ||
      Object.keys(reading).some(
        (k) =>
          k !== "aboutOther" &&
          k !== "evidence" &&
          k !== "nation" &&
          reading[k as keyof ProfileReading] !== undefined,
      ) ||
      !!u.qualificationsHeld?.length;
    // (An answer to a profile question describes the learner; who is writing was settled before it.)
    const inferKind = !expecting || expecting === "userKind";
    if (inferKind && !u.userKind && (reading.aboutOther || aboutSelf))
      u.userKind = reading.aboutOther ? "adviser" : u.working === true ? "staff" : "learner";
    else if (inferKind && u.userKind === "learner" && u.working === true) u.userKind = "staff";
    // A learner writing for themselves may give their own name ("Hi, I'm Rhian, a CSA").
    // ("Our Ciara is 17": family naming one of their own.)
    const name =
      u.userKind === "adviser" ||
      reading.aboutOther ||
      /\b[Oo]ur [A-Z][a-z]+ (?:is|has|was|wants|works)\b/.test(text)
        ? learnerNameIn(text)
        : ownNameIn(text);
    // "Name: Tomasz" heading a referral or a form names the learner, whoever fills it in.
    const headed =
      /(?:^|\n)\s*(?:[-•*]\s*)?(?:[Nn]ame|[Ll]earner|[Cc]andidate)\s*:\s*([A-Z][\p{Ll}]{1,19})\b/u.exec(
        text,
      )?.[1];
    const given = name ?? (headed && isPersonName(headed) ? headed : undefined);
    if (given) {
      u.learnerName = given;
      ev("learnerName", given, "named by the adviser");
    }
  } else {
    // Role.
    const role = roleIn(ctx.catalogue.roles, t);
    // ("is the level 3 better for a team leader?": a role asked about, not the learner's.)
    const askedAbout =
      !!role && /\?\s*$/.test(text) && /\b(for|as|like) (a|an|the)\s*$/.test(t.slice(0, role.start));
    if (role && !askedAbout) {
      u.role = role.role ? role.role.title : null;
      t = mask(t, role.start, role.end);
      ev("role", role.matched, role.role && twoTitleName(role) ? "one of two titles" : role.how);
    }

    // Experience.
    const durationWords =
      /\b(years?|yrs?|months?|mths?|weeks?|wks?|\d+ ?(y|m|w))\b|\b(since|from|started|joined|began|job in)\b.*\b((19|20)\d\d|this year|last year)\b|\b(19|20)\d\d (onwards|to now|til now|till now|until now|to date)\b/;
    const noExperience =
      /\b(no (experience|exp)|never (worked|done it|had a job)|(havent|have not|hasnt|has not|not yet|not|never) (had|got|done) (a |any )?(proper |paid |real )?(job|work)|just (started|begun|joined)|brand new|first (day|week)|zero experience|none yet|started (last|this) week|started (yesterday|today|on monday)|only (just )?started)\b/;
    if (noExperience.test(t)) {
      u.experienceMonths = 0;
      ev("experienceMonths", "0", "no experience");
    } else if (durationWords.test(t) && !(OTHER_WORK.test(t) && !CC_WORK.test(t))) {
      // ("she works weekends in a shop, about a year": other work is not contact-centre experience.)
      const months = parseDurationMonths(t.replace(/\b(none|nothing|never|not yet|zero)\b/g, " "), ctx.today);
      if (months !== undefined) {
        u.experienceMonths = months;
        ev("experienceMonths", String(months), "duration");
      }
    } else if (expecting === "experience") {
      const bare =
        /^\s*(?:about |around |roughly )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*$/.exec(
          t,
        );
      if (bare) {
        u.experienceMonths = (numberWord(bare[1] ?? "") ?? 0) * 12;
        ev("experienceMonths", bare[1] ?? "", "a bare number read as years");
      } else if (/^\s*(none|no|nothing|nil|zero|not yet|never)\s*$/.test(t)) {
        u.experienceMonths = 0;
        ev("experienceMonths", "0", "none");
      }
    }
    if (u.experienceMonths !== undefined) {
      t = t.replace(
        /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple|few|several|half)?\s*(and a half )?(of )?(years?|yrs?|months?|mths?|weeks?|wks?)\b/g,
        " ",
      );
    }

    // Level held.
    const levels = levelsIn(t).filter(
      (l) =>
        // "thinking about doing level 3" is a wish, not a level held.
        !/\b(doing|do|start|starting|get|getting|want|wants|go for|aim|aiming|thinking about|next|move to|move up to|onto|towards|up to|into|study|studying|after|at|than|to|taking|sitting|resitting|revising for|working towards|halfway through)( an?| the| my)?\s*$/.test(
          t.slice(Math.max(0, l.start - 30), l.start).trimEnd(),
        ) &&
        // "standard grades back in the day. no highers": denied, unless "no" opens the answer ("no, level 2").
        !/\S\s+no\s+(?:real |proper )?$/.test(t.slice(Math.max(0, l.start - 24), l.start)) &&
        // "a D isn't level 2 though, that's level 1": a level denied is not held.
        !/\b(?:isnt|is not|arent|are not|wasnt|was not|not|never|hasnt|havent|doesnt have|dont have)\s+(?:\w+\s+)?$/.test(
          t.slice(Math.max(0, l.start - 24), l.start),
        ) &&
        // "taking my GCSEs now", "doing my Highers rn": being studied, not held (test/nlu/SLOTS.md).
        !(
          /\b(doing|sitting|studying|taking|resitting|predicted|not sat|working towards|halfway through)\b/.test(
            t,
          ) &&
          !/\b(got|have|passed|done|completed|finished)\b/.test(t.slice(Math.max(0, l.start - 30), l.start))
        ) &&
        (l.level > 0 ||
          expecting === "level" ||
          /\bno (qualifications?|quals|formal|exams)|left school with nothing/.test(l.matched)),
    );
    const candidates = [...heldLevels, ...levels.map((l) => l.level)];
    if (levels.length) for (const l of levels) ev("level", l.matched, l.named ? "named" : "level");
    if (expecting === "level" && candidates.length === 0) {
      const bare = /^\s*(\d|one|two|three|four|five|six|seven|eight)\s*$/.exec(t);
      if (bare) {
        candidates.push(numberWord(bare[1] ?? "") ?? 0);
        ev("level", bare[1] ?? "", "a bare number read as a level");
      }
    }
    // A level named only in a question ("what comes after level 2?") is still the learner's level
    // when they say they hold it; otherwise a question's level is not a fact about them.
    // ("must you be employed in a contact centre for the level 2 NVQ?": a question the intents do not
    // name is a question all the same.)
    const questionOnly =
      heldLevels.length === 0 &&
      ((u.intent && ["unitsIn", "compare", "define", "whatIsUnit"].includes(u.intent)) ||
        isQuestion ||
        ((/\?\s*$/.test(text) || /\bhow (many|much|long)\b/.test(full)) && !OWN_HOLDING.test(full)));
    if (candidates.length && !questionOnly) u.level = Math.max(...candidates);
    // Asked for the highest qualification, "GCSEs, english at D, maths U" is Level 1, as a free message
    // reads it (persona review 5: read as Level 2).
    if (
      u.level === 2 &&
      heldLevels.length === 0 &&
      (LOW_GRADES.test(t) || subjectGradesLow(t)) &&
      !HIGH_GRADES.test(t) &&
      !/\b(standard|o) grades?\b/.test(t)
    ) {
      u.level = 1;
      ev("level", text, "low grades");
    }

    // Working in a contact centre. In a question, only the writer's own work counts: "does an NVQ need
    // you to be working in a contact centre?" asks what a qualification needs, not what they do.
    const asks = isQuestion || u.intent !== undefined || /\?\s*$/.test(text);
    const own = (m: RegExpExecArray | null) =>
      !!m &&
      (!asks ||
        /^(i|im|i am)\b/.test(m[0]) ||
        /\b(i|im|i am)( currently| already| now| still)?\s*$/.test(full.slice(0, m.index)));
    if (
      own(
        /\b(dont|do not|not|never) (currently )?(work(ed)?|working|employed) (in|at|for) (a |the |any )?(contact|call) centre/.exec(
          full,
        ),
      ) ||
      // "work at greggs", "on the tills at a Co-op": a job, not in a contact centre.
      (!asks &&
        (WORKS_ELSEWHERE.test(full) || NOT_WORKING.test(full) || AT_SCHOOL.test(full)) &&
        !CC_WORK.test(full))
    )
      u.working = false;
    else if (
      own(
        /\b(i )?(work|working|employed|job) (in|at|for) (a |the )?(contact|call) centre|\bi work (in|at) (a|the) (call|contact)|\b(im|i am) (in|at) (a |the )?(contact|call) centre/.exec(
          full,
        ),
      )
    )
      u.working = true;
    if (u.working === false && u.role === undefined && !asks) u.role = null;
    if (u.working === false && !asks && WORKS_ELSEWHERE.test(full)) u.otherJob = true;
    if (u.working === true && !u.userKind) u.userKind = "staff";

    // Apprenticeship.
    if (
      /\b(dont|do not|doesnt|does not|didnt|wont|not|no|never) (want|wants|interested in|looking for|keen on|fancy|into)? ?(an |a |to do an |to do a )?apprenticeships?|\bno apprenticeship|\bapprenticeships? (arent|isnt|are not|is not|not) (for me|my thing|right)/.test(
        full,
      )
    )
      u.apprenticeship = false;
    else if (
      /\b(want|wants|wanting|like|interested in|looking for|keen on|fancy|thinking about|considering|after|do|doing|start|get|find|apply for|go for)( to get| to do| to start| to find| doing| getting)? (an |a )?apprenticeship|\bapprenticeships? (would be|sounds|seems|is|are) (ideal|good|great|perfect|nice|best|the way)/.test(
        full,
      )
    )
      u.apprenticeship = true;
    // Nation. (A move that might come, "might move to Chester (England)", says nothing of where now.)
    const moving = /\b(?:moving|move|relocating|relocate) (?:to|up to|back to|over to)\b/.test(t);
    for (const [re, nation] of moving ? [] : NATIONS) {
      if (re.test(t)) {
        // "Welsh" naming the Welsh pathway asked about is not where the learner lives.
        if (nation === "Wales" && asked.some((q) => q.candidates.every((id) => id.startsWith("wales"))))
          continue;
        u.nation = nation;
        ev("nation", nation, "place");
        break;
      }
    }
  }
  if (u.working === true && !u.userKind && (!expecting || expecting === "userKind")) u.userKind = "staff";

  // Yes / no: a short answer to a yes/no question, or a message that says nothing else.
  // (The words of `full`, as split(" ") counts them: one more than its spaces.)
  let words = 1;
  for (let at = full.indexOf(" "); at >= 0; at = full.indexOf(" ", at + 1)) words++;
  const yesNoQuestion = expecting === "working" || expecting === "apprenticeship" || expecting === "confirm";
  const saidOther = (
    [
      "role",
      "experienceMonths",
      "level",
      "units",
      "age",
      "qualificationsHeld",
      "apprenticeship",
      "nation",
      "qualification",
    ] as const
  ).some((k) => u[k] !== undefined);
  if (!u.intent && (yesNoQuestion ? words <= 10 : words <= 5 && !saidOther && u.working === undefined)) {
    if (NO.test(full)) u.yesNo = false;
    else if (YES.test(full)) u.yesNo = true;
  }
  // Not working ("not working at the moment", "unemployed") is not working in a contact centre either.
  if (u.role === null && u.working === undefined) u.working = false;
  if (expecting === "working" && u.working === undefined) {
    if (u.yesNo !== undefined) u.working = u.yesNo;
    else if (u.role === null) u.working = false;
  }
  if (expecting === "apprenticeship" && u.apprenticeship === undefined && u.yesNo !== undefined)
    u.apprenticeship = u.yesNo;

  // "his name is Marcos not Marcus", "it's Marcos, not Marcus": a name given or corrected, whatever was asked.
  // (Either way the message says "name" or "not".)
  const named =
    (text.includes("name") || text.includes("not")) &&
    /\b(?:(?:his|her|their|(?:the |my )?(?:learner|client|student|customer|claimant)(?: s|s)) name is|(?:it s|its|it is) ([A-Z][a-z]+),? not [A-Z][a-z]+)\s*([A-Z][a-z]{1,19}(?: (?:Mc|Mac|O )?[A-Z][a-z]{1,19})?)?/.exec(
      text.replace(/[’']/g, " "),
    );
  const correctedName = named ? (named[2] ?? named[1])?.replace(/\bO ([A-Z])/, "O'$1") : undefined;
  if (correctedName && !u.learnerName) {
    u.learnerName = correctedName;
    u.userKind ??= "adviser";
    ev("learnerName", correctedName, "a name given");
  }

  // The learner's name, when an adviser was asked for it.
  if (expecting === "learnerName" && !u.intent) {
    // A name alone ("Aisha Khan" in full), or a sentence that names the learner ("I'm seeing Ellie
    // Morgan today, she's 19").
    const name = nameAnswer(text) ?? (u.learnerName ? undefined : learnerNameIn(text));
    if (name) {
      u.learnerName = name;
      ev("learnerName", name, "answer to the name question");
    }
  }
  // An option weighed against the advice given ("wouldn't level 2 be better?", "why not the NVQ?").
  if (
    PREFER.test(full) &&
    !u.units &&
    !/\bunits?\b|\b[a-z]\/\d{3}\/\d{4}\b/.test(full) &&
    (/\?\s*$/.test(text) ||
      /^(would|wouldnt|isnt|shouldnt|why not)\b/.test(full) ||
      PREFERRED_LEVEL.test(full))
  ) {
    const wanted = PREFERRED_LEVEL.exec(full)?.[1];
    const levels = wanted
      ? [Number(wanted)]
      : [...new Set(levelsIn(full).map((l) => l.level))].filter((l) => l >= 1 && l <= 4);
    const kind: "apprenticeship" | "competence" | "knowledge" | undefined = /\bapprenticeships?\b/.test(full)
      ? "apprenticeship"
      : /\bnvqs?\b/.test(full)
        ? "competence"
        : /\b(certs?|certificates?|principles|knowledge)\b/.test(full)
          ? "knowledge"
          : undefined;
    const prefer = {
      ...(levels.length === 1 ? { level: levels[0] } : {}),
      ...(u.qualification ? { qualificationId: u.qualification } : {}),
      ...(kind ? { kind } : {}),
    };
    if (Object.keys(prefer).length) {
      u.prefer = prefer;
      u.intent ??= "recommend";
      ev("prefer", JSON.stringify(prefer), "an option weighed");
    }
  }
  // A manager asking about their team or one of them ("Employee Kerry-Ann … which units should she
  // do?", "my team of 8 … which suits them?"): writes on their behalf (test/nlu/SLOTS.md: adviser).
  const askedPart =
    text
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.includes("?"))
      .at(-1) ?? "";
  if (
    u.userKind !== "adviser" &&
    u.userKind !== "learner" &&
    TEAM_OF_WRITER.test(full) &&
    /\b(?:she|he|they|them|her|him|his|their|she's|he's|they're)\b/i.test(askedPart) &&
    !/\b(?:me|i|i'm|im|my|myself)\b/i.test(askedPart)
  ) {
    u.userKind = "adviser";
    ev("userKind", "adviser", "a manager asking about their team");
  }
  const unsure = unsureOf(u);
  if (unsure.length) u.unsure = unsure;
  return u;
}

/** The writer's own team or staff: "my team of 8", "employee Kerry-Ann", "staff member Olu", "three of them". */
const TEAM_OF_WRITER =
  /\b(?:my|our) (?:team|teams|staff|agents|advisors|advisers|people|employees|new starters|operators|planners|supervisors|team leaders)\b|\b(?:employee|staff member|colleague) [a-z]|\bin my team\b|\bone of (?:my|our) (?:team|staff|agents|advisors|advisers|people|employees)\b|\b(?:two|three|four|five|six|some|all|most|\d+) of them\b|\b(?:ive|i have) got an? (?:new )?(?:agent|advisor|adviser|operator|starter|apprentice|team leader|supervisor|planner)\b|\bmanage (?:an? |the )?(?:\w+ )?team of\b/;

const PREFER =
  /\b(better|best|more suitable|more sense|better fit|better idea|better option|better choice|better suited)\b|\bwhy not\b|\binstead\b|\bwhy (?:is )?(?:the )?(?:level|lvl|l) ?[1-4](?: one)? (?:first|top|at the top)\b|\bi (?:ask|asked|am asking|was asking) (?:about|for) (?:the )?(?:level|lvl|l) ?[1-4]\b|\bgo straight (?:for|to|into) (?:the )?(?:level|lvl|l) ?[1-4]\b/;
/** The level an objection asks for: "i ask about level 3", "go straight for the level 3". */
const PREFERRED_LEVEL =
  /\b(?:ask|asked|asking|want|wanted|about|straight (?:for|to|into)|go for|rather do|rather have) (?:the )?(?:level|lvl|l) ?([1-4])\b/;

/** "like I said", "I told you", "as I mentioned before": a reminder around an answer, not part of it. */
const REMINDER =
  /\b(?:(?:like|as) i (?:said|say|told you|mentioned|wrote)|i (?:already |just )?(?:told you|said|mentioned)|(?:already|i) said|told you)(?: (?:before|already|earlier|above))?\b/gi;
/** Words of a sentence that are never part of a name given in answer ("work at greggs", "doing my GCSEs"). */
const NOT_NAME_WORD =
  /^(?:i|im|ive|me|my|you|your|we|our|she|shes|he|hes|they|them|it|is|are|was|at|in|on|of|to|for|with|the|a|an|and|or|not|no|yes|dont|know|doing|work|works|working|job|taking|sitting|lol|sorry|none|what|who|why|how|which|name|names|learner|client|student|said|told|like|already|just|please|thanks|from|correction|correct|actually|update|updated|also|but|so|then|ok|okay|right|well|hi|hello|hey|there|here|today|now|mistake|wrong|typo|eh|er|erm|um|umm|uh|huh|hmm|ah|oh|what|pardon|sorry|nope|nah|yep|yeah|aye)$/;

/** The learner's name, given in answer to the name question: "it's Aoife", "Callum, like I said". */
function nameAnswer(text: string): string | undefined {
  const parts = text
    .replace(/[’]/g, "'")
    .replace(REMINDER, ",")
    .split(/[,;:.!?\n]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  for (const part of parts) {
    let name = part;
    for (let i = 0; i < 4; i++)
      name = name.replace(
        /^(it'?s|its|it is|her name is|his name is|their name is|name is|the learner is|learner is|the learner|learner|they're|they are|she's|she is|he's|he is|called|named|this is|her name's|his name's|name's|oh|so|yes|yeah|again|sorry)\s+/i,
        "",
      );
    name = name.trim();
    const words = name.split(/\s+/);
    const typedAsName = name !== name.toLowerCase();
    if (
      name.length > 0 &&
      name.length <= 60 &&
      words.length <= 4 &&
      /^[\p{L}][\p{L}' .-]*$/u.test(name) &&
      !words.some((w) => NOT_NAME_WORD.test(w.toLowerCase().replace(/'/g, ""))) &&
      // No place or common word ("from Ballymena", "Correction"): each word could be a name.
      words.every((w) => isPersonName(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())) &&
      // A name typed in lower case is taken only when it is the whole answer ("aoife"), not the start
      // of a longer message ("sorry correction, she's been there 14 months").
      (typedAsName || parts.length === 1)
    )
      // "aoife": a name typed in lower case is written as a name.
      return name === name.toLowerCase()
        ? name.replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
        : name;
    // Only the first part that says something is the answer: "it's Aoife, she's 17" names Aoife.
    if (parts.length > 1 && words.length > 4) return undefined;
  }
  return undefined;
}

/** How each fact was read decides how sure it is (see Understanding.unsure). */
function unsureOf(u: Understanding): { slot: UnsureSlot; read: string }[] {
  const out: { slot: UnsureSlot; read: string }[] = [];
  const of = (slot: string) => u.evidence.filter((e) => e.slot === slot);
  const role = of("role")[0];
  if (
    u.role &&
    role &&
    (role.how === "fuzzy" || role.how === "what they do" || role.how === "one of two titles")
  )
    out.push({ slot: "role", read: role.read });
  const spans = of("experienceMonths");
  if (
    u.experienceMonths !== undefined &&
    (spans.filter((e) => e.how === "contact-centre span").length > 1 ||
      spans.some((e) => e.how === "a bare number read as years"))
  )
    out.push({ slot: "experienceMonths", read: spans.map((e) => e.read.trim()).join(" + ") });
  const age = of("age")[0];
  if (u.age !== undefined && age && (age.how === "a number on its own" || age.how === "an age to come"))
    out.push({ slot: "age", read: age.read });
  const nation = of("nation")[0];
  if (u.nation !== undefined && nation?.how === "likely place")
    out.push({ slot: "nation", read: nation.read });
  // (Said back only when the level comes from that reading: "GCSEs and a degree" is sure of Level 6.)
  const level = of("level").find((e) => e.how === "low grades" || e.how === "compared");
  if (u.level !== undefined && level && (level.how === "low grades" || u.level <= 3))
    out.push({ slot: "level", read: level.read });
  return out;
}
