import type { Nation } from "../src/nlu/understand.ts";

/**
 * What a question about a qualification asks, beyond its intent: the facts it asks about (credits, the
 * minimum age, Essential Skills...), the facts it supposes ("at 16", "volunteers"), who it is about
 * ("can she"), and the kind of entry it names without naming one ("the NVQ", "the welsh
 * apprenticeship", "skip level 3"). Read from the normalise()d message; the answer (actions/answers.ts)
 * picks what to show from it. A reading the understanding may take over (see the report of issue 16).
 */
export const ASPECTS = [
  "age",
  "work",
  "nation",
  "language",
  "entry",
  "credits",
  "glh",
  "duration",
  "essentialSkills",
  "components",
  "units",
  "status",
  "cost",
  "assessment",
  "flexible",
  "roles",
  "suits",
  "pay",
  "weekly",
] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface Supposed {
  age?: number;
  working?: boolean;
  /** "can volunteers do it": whether volunteering counts as work is not in our sources. */
  volunteer?: boolean;
  nation?: Nation;
}

export interface Asked {
  aspects: Aspect[];
  suppose: Supposed;
  /** Who the question is about, by its pronoun: the writer, or a learner written about. */
  subject?: "self" | "she" | "he" | "they";
  kind?: "competence" | "knowledge" | "apprenticeship";
  /** A level the question names ("the level 3", "straight to level 3"). */
  level?: number;
  /** "skip level 3": the level skipped (the question is about the one above it). */
  skipLevel?: number;
  /** "Can I / can she do X?": asks for a verdict, not for one fact ("is there a minimum age"). */
  canDo?: boolean;
  /** A comparison: the entries each side names ("the level 2 nvq" matches three). */
  sides?: string[][];
  /** Asks about the plan or units under discussion ("how many hours is her plan", "that in total"). */
  ofPlan?: boolean;
  /** A job the learner hopes for ("I want to be a team leader next year"): what the sources give for it. */
  goal?: string;
  /** Units asked for by what they are about ("the resource planning units", "the customer service ones"). */
  theme?: string[];
  /** Several themes asked at once ("coaching a team and handling complaints"): the words of each. */
  themes?: string[][];
  /** "Do I need one before I apply for a job, or can I do it after?" */
  beforeJob?: boolean;
  /** Units asked for by the job they fit ("which units fit a team leader", "which suit my job"). */
  forRole?: string;
  /** Asks what is still needed ("how many credits will I still need"), after what carries over. */
  remaining?: boolean;
}

const ASPECT_CUES: [Aspect, RegExp][] = [
  [
    "suits",
    /\bany good\b|\bworth (?:it|doing)\b|\b(?:suitable|right|good|ok|okay) for (?:me|her|him|them|someone|people|beginners|a beginner)\b|\bwho (?:is it|its) for\b|\bwho (?:does it|would it) suit\b|\bsuit (?:me|her|him|them)\b/,
  ],
  [
    "roles",
    /\bjob roles?\b|\b(what|which) (jobs|roles|careers?)\b|\b(jobs?|roles?|careers?) (does|do|can|could|would|will|might) (it|this|that|they|the \w+(?: \w+)?) (lead|get|take)\b|\bbecome an? (team leader|supervisor|manager|team manager|planner|contact centre manager)\b|\b(career|progression) (options|prospects|paths?)\b/,
  ],
  [
    "age",
    /\b(age|ages|aged|old|older|young|younger|too late|late for me)\b|\bat (1[0-9]|[2-9]\d)\b|\b(1[0-9]|[2-9]\d) (year olds?|yr olds?|yo)\b|\b(under|over) (1[4-9]|2[0-5])s?\b/,
  ],
  [
    "work",
    /\b(job|jobs|work|working|employed|unemployed|employer|volunteers?|volunteering|in work|out of work)\b/,
  ],
  ["nation", /\b(england|scotland|northern ireland|ni|wales|english apprenticeship|scottish)\b/],
  [
    "language",
    /\b(in|through|via|through the medium of) welsh\b|\bwelsh medium\b|\bcymraeg\b|\blanguages?\b|\bbilingual\b/,
  ],
  [
    "entry",
    /\bskip\b|\bstraight (on ?to|into|to|in)\b|\bentry requirements?\b|\bneed (?:any |my |to have )?(?:gcses?|a levels?|qualifications?|quals|grades|maths|english|an? nvq)\b|\b(?:have|got) to have (?:gcses?|qualifications?|quals)\b|\bprerequisites?\b|\bneed (?:\w+ ){0,3}(first|before)\b|\bstart (at|on|with) (level|l) ?\d\b/,
  ],
  ["credits", /\bcredits?\b/],
  ["glh", /\bglh\b|\bguided learning\b|\bhours\b/],
  [
    "duration",
    /\bhow long\b|\b(weeks|months|years) (does|will|would|to)\b|\bduration\b|\btake to (finish|complete|do)\b/,
  ],
  [
    "essentialSkills",
    /\bessential skills?\b|\bmaths\b|\benglish and maths\b|\bapplication of number\b|\bcommunication skills?\b/,
  ],
  [
    "components",
    /\bmade (up )?of\b|\bmake(s)? up\b|\bconsist(s)? of\b|\bwhat (qualifications|parts|bits|components)\b|\bcomponents?\b|\bwhat (is|s) in (the|an?) (\w+ )?apprenticeship\b|\bwhat does (the|an?) (\w+ )?apprenticeship (include|involve|cover)\b/,
  ],
  ["units", /\bhow many units\b|\bnumber of units\b|\bunit count\b/],
  [
    "status",
    /\bstill (running|available|open|going|offered|valid|current|on offer|exist|around)\b|\b(ended|withdrawn|discontinued|expired|closed|last registration|certification end|operational)\b/,
  ],
  [
    "cost",
    /\bcost|\bfees?\b|\bprice\b|\bfree\b|\bpay for\b|\b(?:have|need|got) to pay\b|\bpay anything\b|\bwho pays\b|\bhow much (?:is it|does it|will it|would it)\b|\bfunding\b|\bfunded\b/,
  ],
  [
    "assessment",
    /\bassess(ed|ment|ments)?\b|\bexams?\b|\bportfolio\b|\bobserv(ed|ation)\b|\bpass mark\b|\btests?\b/,
  ],
  [
    "flexible",
    /\bonline\b|\bfrom home\b|\bremotely\b|\bdistance learning\b|\bevenings?\b|\bpart time\b|\bweekends?\b/,
  ],
  ["pay", /\b(?:get paid|be paid|paid|wages?|salary|earn|earning|minimum wage)\b/],
  ["weekly", /\b(?:a|per|each|every) (?:week|day)\b|\bweekly\b|\bhours a week\b/],
];

const NATIONS: [RegExp, Nation][] = [
  [/\bin (?:northern ireland|ni)\b/, "Northern Ireland"],
  [/\bin wales\b/, "Wales"],
  [/\bin scotland\b/, "Scotland"],
  [/\bin england\b/, "England"],
];

const SET_ASIDE =
  /\b(?:forget|never mind|nevermind|ignore|leave|scrap|drop|not|no) (?:about )?(?:the |an? |that )?(?:apprenticeships?|pathways?|nvqs?|certificates?|certs?)(?: (?:then|now|for now|idea))?\b/g;

/** What a question asks about; `text` is the message normalise()d. */
export function readAsked(said: string): Asked {
  // "ok forget the apprenticeship. can she do the NVQ…": what is set aside is not what is asked about.
  const text = said.replace(SET_ASIDE, " ");
  // ("what job roles does the level 4 lead to?": "job" there names roles, not whether one works.)
  const aspects = ASPECT_CUES.filter(([a, re]) =>
    a === "work"
      ? re.test(
          text.replace(
            /\bjob (roles?|titles?)\b|\b(jobs?|roles?) (does|do|can|could|would|will|might) (it|this|that|they|the \w+(?: \w+)?) (lead|get|take)\b/g,
            " ",
          ),
        )
      : re.test(text),
  ).map(([a]) => a);
  const suppose: Supposed = {};
  // ("left school at 16": when they left, not an age to suppose; nor is the age aspect asked.)
  const ageText = text.replace(
    /\b(?:left|leaving|leave|finished|quit) (?:school|college|education|uni|sixth form) at \d+\b/g,
    " ",
  );
  if (ageText !== text && !ASPECT_CUES.find(([a]) => a === "age")?.[1].test(ageText))
    aspects.splice(aspects.indexOf("age") >>> 0, aspects.includes("age") ? 1 : 0);
  const age =
    /\b(?:at|aged?|when (?:im|i am|shes|she is|hes|he is|theyre|they are)|if (?:im|i am|shes|she is|hes|he is)) (1[0-9]|[2-9]\d)\b(?! (?:credits?|units?|hours|glh|months?|weeks?))/.exec(
      ageText,
    ) ?? /\b(?:an?|my) (1[0-9]|[2-9]\d) (?:year old|yr old|yo)\b/.exec(ageText);
  if (age?.[1]) suppose.age = Number(age[1]);
  if (/\bvolunteer/.test(text)) suppose.volunteer = true;
  else if (
    /\b(?:if|while|whilst|when) (?:im|i am|shes|she is|hes|he is|theyre|they are|youre) (?:not working|unemployed|out of work|at (?:school|college))\b|\bwithout (?:a |any )?(?:job|work)\b|\bnot in work\b/.test(
      text,
    )
  )
    suppose.working = false;
  const nation = NATIONS.find(([re]) => re.test(text))?.[1];
  if (nation) suppose.nation = nation;
  const subject = /\b(she|her)\b/.test(text)
    ? "she"
    : /\b(he|him|his)\b/.test(text)
      ? "he"
      : /\b(they|them)\b/.test(text)
        ? "they"
        : /\b(i|me|my|im)\b/.test(text)
          ? "self"
          : undefined;
  const kind = /\bapprenticeships?\b|\bpathways?\b|\b(?:on|off) the job\b/.test(text)
    ? "apprenticeship"
    : /\b[ns]vqs?\b|\bcompetence\b/.test(text)
      ? "competence"
      : /\bprinciples\b|\bcertificates?\b|\bcerts?\b|\bknowledge\b/.test(text)
        ? "knowledge"
        : undefined;
  const skip = /\bskip (?:the )?(?:level|l|lvl) ?([1-8])\b/.exec(text);
  const level = /\b(?:level|l|lvl) ?([1-8])\b/.exec(skip ? text.replace(skip[0], "") : text);
  const canDo =
    /^(?:\w+ )?(?:can|could|may|cn|cud|am i allowed to|is (?:she|he) allowed to|are (?:they|we) allowed to)\b(?! you\b)/.test(
      text,
    ) ||
    /\b(?:can|could|may) (?:i|she|he|they|we|my \w+|\w+s) (?:do|take|start|get|go|apply|enrol|enroll|skip|join|study)\b/.test(
      text,
    );
  const ofPlan =
    /\b(?:my|the|this|that|her|his|their|your|our) (?:plan|selection|units|choices?)\b|\b(?:in total|altogether|all together|so far)\b|\b(?:is|are) (?:that|this|it|these|those)\b|\b(?:have|has) (?:i|she|he|they|we) got\b|\b(?:do|does) (?:i|she|he|they|we) have (?:now|so far)\b|\bive got (?:now|so far)\b/.test(
      text,
    );
  const remaining =
    /\b(?:still (?:need|have to|got to)|(?:how many|what) (?:more|else)|left to (?:do|get)|remaining|to go)\b/.test(
      text,
    );
  return {
    aspects,
    ...(ofPlan ? { ofPlan } : {}),
    ...(remaining ? { remaining } : {}),
    ...(canDo ? { canDo } : {}),
    suppose,
    ...(subject ? { subject } : {}),
    ...(kind ? { kind } : {}),
    ...(level?.[1] ? { level: Number(level[1]) } : {}),
    ...(skip?.[1] ? { skipLevel: Number(skip[1]) } : {}),
  };
}

/**
 * Whether a unit's title is about a theme word ("complaints" → "Process customer service complaints"):
 * the word's stem at the start of a word of the title, long enough to tell "complaints" from "comply"
 * (the word less its last four letters, at least four).
 */
export function titleIsAbout(title: string, word: string): boolean {
  return new RegExp(`\\b${word.slice(0, Math.max(4, word.length - 4))}`).test(title.toLowerCase());
}
