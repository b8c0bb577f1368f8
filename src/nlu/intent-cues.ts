import type { QuestionForm } from "./questions.ts";

/**
 * What a question asks, read from its content: a table of cues, each naming an intent with a rank.
 * A piece of a message takes its highest-ranked cue among those read in its form (src/nlu/questions.ts);
 * the message takes its best piece's (test/nlu/SLOTS.md defines the intents). Ranks put the specific
 * before the general:
 *
 *   80 define · 76 check · 70 plan · 66 who a qualification is for · 65 unitsIn · 60 credits carried
 *   over · 55 details · 50 eligibility · 48 "is there a..." · 45 details of delivery, "which is better"
 *   · 40 suitability · 39 "can she...?" · 38 compare · 35 choices and progression · 32 which
 *   qualification · 30 open questions · 25 requests for ideas · 20 "next" · 5 a wish said, not asked.
 *
 * So "is there an age limit" asks about eligibility though "is there a..." usually asks for a
 * recommendation, and "which units would suit him" asks for a plan though "what would suit him" asks for
 * a recommendation.
 *
 * `open` marks the open questions ("what can I do", "where do I start", "what now"): from someone who
 * holds a contact-centre qualification they ask what comes after it (whatNext), from anyone else what
 * to do (recommend). `needsHeld` marks "next"/"after" cues, that ask what comes next only of someone
 * holding something ("what's the next qual for me" from someone holding none asks what to do).
 */
export type CueIntent =
  | "define"
  | "whatIsUnit"
  | "check"
  | "plan"
  | "unitsIn"
  | "details"
  | "eligibility"
  | "compare"
  | "whatNext"
  | "recommend";

export interface Cue {
  intent: CueIntent;
  rank: number;
  re: RegExp;
  /** The forms the cue is read in; every form but a statement when absent. */
  forms?: readonly QuestionForm[];
  open?: boolean;
  needsHeld?: boolean;
  /** Only where the message names units ("is that allowed" of units is a check). */
  needsUnits?: boolean;
  /** Only in a piece asked with "?" ("glh??" asks what GLH is; "level 2" answers a question). */
  marked?: boolean;
}

/** The forms that ask something: cues are read in these unless they say otherwise. */
export const ASKING: readonly QuestionForm[] = ["wh", "yesNo", "request", "fragment"];
const ANY: readonly QuestionForm[] = [...ASKING, "statement"];
const YES_NO: readonly QuestionForm[] = ["yesNo"];

/** The words the bot can explain (a define's `term`), as they are written. */
const T =
  "(?:(?:foundation |advanced |higher )apprenticeships?|credit transfer|pathways?|off the job(?: hours?| training)?|competence(?: based)?|(?:call centre |contact centre |this |the )?nvq(?: thing)?|barred(?: units?)?|bar|credits?|credit value|glh|guided learning hours?|mandatory(?: units?)?|optional(?: units?)?|nvqs?|svqs?|(?:qcf|rqf) units?|qcf|rqf|scqf(?: level \\d+)?|levels?(?: \\d)?|apprenticeships?|groups?(?: [a-d])?|competence(?: based)?(?: qualifications?)?)";
/** The bot's words that name no qualification, as a pair compared ("mandatory and optional units"). */
const W =
  "(?:mandatory|optional|barred|credits?|credit value|glh|guided learning(?: hours?)?|total qualification time|tqt|groups? [a-d]|rqf|qcf|scqf)";
/** What a recommendation names. */
const QUAL_NOUN =
  "(?:qualifications?|quals?|courses?|levels?|routes?|pathways?|ones?|nvqs?|apprenticeships?|certificates?|certs?|diplomas?|options?|awarding bod(?:y|ies)|l\\d|level \\d)";
const PERSON = "(?:me|her|him|them|us|you|someone|somebody)";
const PRONOUN = "(?:i|we|she|he|they)";

const DEFINE: Cue[] = [
  // "what is an apprenticeship exactly", "whats a GLH", "what's Group D?"
  {
    intent: "define",
    rank: 80,
    re: new RegExp(
      `^(?:what (?:even |exactly |actually )?(?:is|s|are)|whats(?: even| exactly| actually)?) (?:a |an |the (?=qcf|scqf|rqf|glh))?(?:word |term )?${T}(?: (?:exactly|actually|really|then|again|here|please|in this context|anyway|even|mean))*(?: (?:in|for) (?:the |an? |this |these |that )?(?:\\w+ ){0,3}(?:sense|context|apprenticeships?|qualifications?|nvqs?|courses?|pathways?))?$`,
    ),
  },
  // "what does barred mean in the units list", "what level 2 actually means", "what is meant by..."
  {
    intent: "define",
    rank: 80,
    re: /\bwhat (?:does|do|did) (?:the word |the term )?(?:\S+ ){1,6}(?:mean|means|stand for|stands for)\b|\bwhat (?:\S+ ){1,5}(?:means|stands for)\b|\b(?:whats|what is|what) it mean\b|\bwhat is meant by\b|\bwhat do (?:you|they|we) mean by\b|\bmeaning of\b|\bdefin(?:e|ition of)\b/,
  },
  // Reported: "explaining what an NVQ is", "I don't get what an optional group is".
  {
    intent: "define",
    rank: 80,
    re: new RegExp(
      `\\bwhat (?:a |an |the )?(?:\\w+ )?${T}(?: \\w+)? (?:is|are)\\b|^explain(?: what)?(?: a| an| the)? ${T}\\b`,
    ),
  },
  {
    intent: "define",
    rank: 80,
    re: /\bhow do(?:es)? (?:the )?(?:credits?|glh|barred units?|bars?|levels?|groups?) work\b/,
  },
  // "I should do an NVQ but I don't even know what one is": the term named before it.
  {
    intent: "define",
    rank: 80,
    forms: ANY,
    re: /\b(?:dont|do not|didnt) (?:even |really )?(?:know|understand|get) what (?:one|it|that|they|those) (?:is|are|means?)\b/,
  },
  // "what's the difference between mandatory and optional units": two of the bot's words, not two
  // qualifications, are explained.
  {
    intent: "define",
    rank: 81,
    forms: ANY,
    re: new RegExp(
      `\\b(?:difference|differences|diff) (?:between )?(?:an? |the )?${W}(?: units?)? (?:and|vs|versus|or) (?:an? |the )?${W}\\b`,
    ),
  },
  // "my trainer mentioned an NVQ. What is it?": the word named before, asked about (below a unit named).
  {
    intent: "define",
    rank: 54,
    re: /^(?:what|whats) (?:is |s )?(?:it|that|this|one|they|those)(?: exactly| then| even| again)?$/,
  },
  // The word alone, asked: "glh??".
  { intent: "define", rank: 80, re: new RegExp(`^${T}$`), forms: ["fragment"], marked: true },
];

const UNITS: Cue[] = [
  // "can i do 1 2 3 and then 6 and 8": a selection of units asked about is a check.
  {
    intent: "check",
    rank: 76,
    re: /^(?:can|could|may) (?:i|she|he|they|we) (?:do|take|pick|choose|have|select) (?:units? )?\d{1,2}(?:(?: ?,| and| then| &| \+)* \d{1,2}){2,}\b/,
  },
  // "what's actually in the Level 2 NVQ", "which units will I be doing", "what units would be on it"
  {
    intent: "unitsIn",
    rank: 65,
    re: /\bwhat(?:s| is| are)(?: actually)? in (?:the|a|an|it)\b|\b(?:which|what) units (?:will|would|do|does|are|is) (?:\S+ ){0,4}(?:doing|on|in|be|cover|covered)\b/,
  },
  // "quickest route to the Level 3 NVQ", "help me choose optional units", "pick her units"
  {
    intent: "plan",
    rank: 70,
    re: /\b(?:quickest|fastest|shortest|easiest)(?: \w+)? (?:route|way|path|combination) (?:to|through|for|of) (?:\S+ ){0,3}(?:level \d|l\d|nvq|qualification|cert|certificate|diploma|principles|ocr|iq|cityguilds|\d{5}|credits|units)\b|\b(?:help (?:me|us|her|him) )?(?:choose|pick|select) (?:my|her|his|their|the|some)? ?(?:optional )?units\b/,
  },
  {
    intent: "check",
    rank: 76,
    re: /^(?:can you |could you |please )?(?:check|validate|verify)\b|\bcheck (?:my|these|this|the|if)\b/,
  },
  // Of units named: "is that allowed?", "does that combo work?", "do 20 and 36 clash?"
  {
    intent: "check",
    rank: 76,
    needsUnits: true,
    re: /\b(?:is|are) (?:this|that|these|it|they|those) (?:ok|okay|allowed|right|valid|fine|legal|compatible)\b|\b(?:does|would|will|do) (?:this|that|these|it|they)(?: \w+)? (?:work|pass|meet)\b|\b(?:is|are) (?:this|that|these|it|they|those) enough\b|\bclash(?:es)?\b|\bconflict\b|\b(?:break|meets?|follow) (?:the |any )?rules?\b|\ballowed together\b|\btogether (?:ok|okay|allowed|fine|possible)\b|\b(?:can|could|may) (?:i|she|he|they|we) (?:do|take|have|pick|choose) (?:them |both of them )?both\b|\bcombo\b|(?<!(?:quickest|fastest|shortest|easiest|best|cheapest) )\bcombination\b|\b(?:add|adds) up\b|\bam i (?:done|finished)\b|\b(?:is|are) (?:she|he|they) (?:done|finished)\b|\b(?:does|do|will|would) (?:this|that|these|it|they) (?:make|complete|get me|give me)\b/,
  },
  // Units listed, then "ok?", "enough credits??", "will that do?": the list asked about is a check.
  {
    intent: "check",
    rank: 76,
    needsUnits: true,
    re: /^(?:(?:is |are )?(?:that|this|these|it|they)? ?(?:ok|okay|alright|fine|enough|right|valid)|enough (?:credits|units)|will (?:that|this|they|these) do|(?:that|this) (?:ok|okay|alright|fine|enough))$/,
  },
  // "which units would suit him", "how many units do I need to pick"
  {
    intent: "plan",
    rank: 70,
    re: new RegExp(
      `\\b(?:which|what) (?:\\S+ ){0,5}units? (?:\\S+ ){0,8}?(?:pick|choose|select|take|suit|fit|go for|be best|should ${PRONOUN} do)\\b|\\bhow many units (?:do|does|should|would|will|must) (?:${PRONOUN}|you) (?:need to |have to )?(?:pick|choose|take|do|select)\\b`,
    ),
  },
  { intent: "plan", rank: 70, re: /\b(?:unit )?plan\b/, forms: ["request", "fragment", "wh"] },
  // Units done, then "what else do I need?", "how many more credits does he need?": the rest to pick.
  {
    intent: "plan",
    rank: 70,
    needsUnits: true,
    re: new RegExp(
      `\\bwhat else (?:do|does|would|will|must|should) ${PRONOUN} (?:need|have)\\b|\\bhow many more (?:credits|units)\\b`,
    ),
  },
  // "what units could get him there quickest?"
  {
    intent: "plan",
    rank: 70,
    re: /\b(?:which|what)(?: optional| other| remaining| more)? units?\b(?: \S+){0,8} (?:quickest|fastest|soonest)\b/,
  },
  // Units named: "which others should I pick?"
  {
    intent: "plan",
    rank: 70,
    needsUnits: true,
    re: /\b(?:which|what)\b(?: \S+){0,6} (?:pick|choose|select|take)\b|\bto finish (?:quickest|fastest|soonest)\b/,
  },
  {
    intent: "plan",
    rank: 70,
    forms: ANY,
    re: /\b(?:quickest|fastest|shortest|easiest|cheapest) (?:way|route|path) to (?:finish|complete|get (?:it|this|the \w+) done|do it|get (?:the |my |her |his )?(?:remaining|rest of (?:the|my)|other|outstanding|last) (?:credits|units))\b|\b(?:quickest|fastest) (?:to )?(?:finish|complete)\b|\bfewest units\b|\bleast (?:units|credits)\b|\b(?:choose|pick|select) (?:my |the |her |his |their |some )?(?:optional |remaining |other )?units\b|\bsuggest (?:some )?units\b|\bfast ?track\b/,
  },
  // "which units he's got to do for the L2 NVQ": the units it requires.
  {
    intent: "unitsIn",
    rank: 66,
    forms: ANY,
    re: /\b(?:which|what) units (?:\S+ ){0,3}(?:got to|have to|has to|need to|needs to|must) (?:do|take|complete)\b/,
  },
  // "which unit covers X", "is there a unit about X", "does the level 3 cover X"
  // ("which level 4 units relate to resource planning": the units named with their qualification.)
  {
    intent: "unitsIn",
    rank: 65,
    re: /\b(?:which|what) (?:\S+ ){0,3}units? (?:covers?|is about|are about|deals? with|teach(?:es)?|is on|are on|relates? to)\b|\b(?:is there|are there|theres|there is|there are) (?:an?|any) units?\b|\b(?:does|do|will|would) (?:the |an? |this |that |it |they )?(?:\S+ ){0,8}cover\b|\bwhat (?:\S+ ){0,8}cover\b/,
  },
  {
    intent: "unitsIn",
    rank: 65,
    re: /\b(?:have|has|got) (?:any |some )?(?:mandatory|optional|barred) units\b|\bmade up of\b|\bwhat makes up\b|\b(?:which|what) units (?:are|is|does|do|make|in|for|of|there)\b|\bunits (?:are )?(?:in|of|for) (?:the |a |an )?\S+|\bwhat (?:is|s) in (?:the )?\S+|\bwhats in\b|\bunit list\b|\blist (?:the |of |all )?units\b|\bshow (?:me )?(?:the )?units\b/,
  },
  // A unit named, then "what's it about?".
  {
    intent: "whatIsUnit",
    rank: 56,
    needsUnits: true,
    re: /\bwhat(?:s| is)? (?:it|that|this)(?: one)? (?:all )?about\b|\bwhat (?:does|do) (?:it|that|this)(?: one)? (?:cover|involve)\b/,
  },
];

const DETAILS: Cue[] = [
  // The rules of a group: "how many Group C units can count", "the most units I can take from group D".
  {
    intent: "details",
    rank: 62,
    forms: ANY,
    re: /\b(?:how many|(?:the )?most|max(?:imum)?(?: number of)?|min(?:imum)?(?: number of)?) (?:\S+ ){0,2}units? (?:\S+ ){0,4}(?:from|in|of|out of) (?:optional )?groups? [a-d]\b|\bhow many (?:\S+ ){0,2}units? (?:can|may|could) (?:\S+ ){0,2}count\b|\bgroups? [a-d] units? (?:\S+ ){0,2}count\b/,
  },
  // A unit's size: "is unit 10 worth 3 credits?", "how many credits is unit 10 worth?"
  {
    intent: "details",
    rank: 57,
    forms: ANY,
    re: /\bunits? \d{1,2}\b(?: \w+){0,3} worth\b|\bworth (?:\d{1,2}|one|two|three|four|five|six) credits?\b/,
  },
  // How long, how many hours or credits, how it works, what it costs.
  {
    intent: "details",
    rank: 55,
    re: /\bhow (?:long|much|many (?:\w+ ){0,3}(?:hours|credits|glh)|is it assessed|are (?:they|you|units) assessed|(?:does|do) (?:it|the \w+|an? \w+|this|that|apprenticeships?) work)\b|\bglh\b|\bguided learning\b|\bon and off the job\b|\boff the job\b|\bon the job (?:hours|training)\b|\bpass mark\b|\b(?:min(?:imum)?|max(?:imum)?) (?:number of )?(?:credits|glh|units|hours)\b|\bwelsh language (?:version|assessment|option)s?\b|\bcost\b|\bfees?\b|\bprice\b|\bcredits? value\b/,
  },
  // Whether it still runs, in which language, with which Essential Skills.
  {
    intent: "details",
    rank: 55,
    re: /\bstill (?:running|available|open|going|offered|valid|current|on offer)\b|\b(?:isnt|is not|arent|not|no longer) (?:available|running|offered|on offer)(?: any ?more)?\b|\b(?:ended|withdrawn|discontinued|expired|closed down|last registration|certification end)\b|\b(?:in|through|via|through the medium of) welsh\b|\bwelsh medium\b|\bg?cymraeg\b|\bgymraeg\b|\bbilingual\b|\bessential skills\b|\bapplication of number\b|\b(?:essential )?digital literacy\b/,
  },
  // Reported or requested: "I'd like to know what the OCR Level 4 NVQ Diploma includes", "she wants
  // to know what the Level 3 NVQ involves", "just tell me what the level 2 NVQ involves".
  {
    intent: "details",
    rank: 55,
    forms: ANY,
    re: /\b(?:know|tell (?:me|us|her|him)|explain|understand|find out|outline) what (?:the |a |an |this |that |it |its )?(?:\S+ ){0,8}(?:involves|includes|entails|consists of|requires|is like)\b/,
  },
  // What it involves: "what would the level 3 NVQ involve for me?", "what's the welsh apprenticeship?"
  {
    intent: "details",
    rank: 55,
    re: /\bwhat (?:does|do|would|will|did) (?:\S+ ){0,7}(?:involve|include|entail|consist of|look like|require)\b|\bwhat(?:s| is| are)? (?:involved|included|required)\b|\bwhats (?:it|the \w+(?: \w+)?) (?:all )?about\b|\bhow (?:is|are) (?:it|they|the \w+) (?:assessed|delivered|taught|graded)\b/,
  },
  {
    intent: "details",
    rank: 55,
    re: /^what(?:s| is| are) the (?!.*\b(?:best|right|quickest|fastest|easiest|most|good|next|for me|for her|for him|difference|diff|between|vs|versus)\b)(?:\w+ ){0,6}(?:apprenticeship|pathway|nvq|certificate|cert|diploma|qualification|framework|course)s?$/,
  },
  {
    intent: "details",
    rank: 55,
    forms: YES_NO,
    re: /\b(?:knowledge|competence)(?: based| only)? (?:qualification|qual|one)\b/,
  },
  // "Is there an exam?", "do you have to sit exams for it?": how it is assessed, not "is there a
  // qualification for me" (persona review 5).
  {
    intent: "details",
    rank: 56,
    forms: ANY,
    re: /\b(?:is there|are there|any|have to (?:sit|do|take)|need to (?:sit|do|take)|sit) (?:an? |any )?(?:written )?(?:exams?|tests?)\b/,
  },
  // How it is assessed and delivered: "is it assessed by exams?", "can I do it online?"
  {
    intent: "details",
    rank: 45,
    forms: ["yesNo", "wh"],
    re: /\bassess(?:ed|ment|ments)\b|\bexams?\b|\bportfolio\b|\bobserv(?:ed|ation)\b|\b(?:online|from home|remotely|at home|distance learning|in the evenings?|evenings|part time|weekends?|flexibl\w*)\b/,
  },
];

const ELIGIBILITY: Cue[] = [
  // Who a qualification is for: "does it cover help desk people?", "do they apply to IT staff?"
  {
    intent: "eligibility",
    rank: 66,
    // ("is there a qualification for workforce planning people?", "any quals for help desk people?"
    // ask for one: a recommendation.)
    re: /^(?!(?:is|are) there\b|theres\b|any\b).*?\b(?:cover|covers|apply to|applies to|open to|for) (?:\w+ ){0,3}(?:people|staff|workers|roles?|desks?|operatives|jobs?)\b(?! who\b)/,
  },
  // Age: "is there an age limit", "too old", "it says 18+?"
  {
    intent: "eligibility",
    rank: 50,
    re: /\b(?:min(?:imum)?|max(?:imum)?|lower|upper) age\b|\bage (?:limits?|restrictions?|requirements?|range|criteria|bar)\b|\bwhat age\b|\bhow old\b|\b(?:youngest|oldest)(?: age)? (?:they|you|he|she|i|someone|somebody|people|a \w+) (?:can|could|may)\b|\bold enough\b|\btoo (?:old|young|late|high|advanced|low)\b|\b(?:over|under|above|below) (?:1[4-9]|2[0-5])s?\b|\b\d{2} plus\b/,
  },
  // Requirements: "entry requirements", "do I need the L3 before the L4", "can she skip level 3".
  {
    intent: "eligibility",
    rank: 50,
    re: /\bentry requirements?\b|\bprerequisites?\b|\brequirements? (?:to|for)\b|\b(?:need|needs|have to|has to|must) (?:\w+ ){0,4}before\b|\bskip (?:level|l) ?\d\b|\bgo straight (?:on ?to|into|to)\b|\b(?:have|has|need|needs) to (?:start|begin) (?:at|on|with)\b|\brecognition of prior learning\b|\bprior learning\b|\brpl\b/,
  },
  // "how long do I have to have worked in a call centre to be allowed to do the NVQ?": permission,
  // whatever else the question asks.
  { intent: "eligibility", rank: 58, re: /\b(?:to be|be) (?:allowed|eligible|accepted)\b/ },
  // Permission and what counts: "is she allowed", "does live chat count as contact centre work".
  {
    intent: "eligibility",
    rank: 50,
    re: new RegExp(
      `\\b(?:allowed|eligible|eligibility|qualify|qualifies|permitted|legally|accessible|reasonable adjustments)\\b|\\benough (?:for|to)\\b|\\b(?:apply|applies) to\\b|\\bable to\\b|\\bcount(?:s)? (?:as|for)\\b|\\b(?:does|do|would|will) (?:it|that|this|they|my \\w+) (?:still )?count\\b|\\b(?:bar|stop|prevent) ${PERSON} (?:from|doing)\\b|\\beven take ${PERSON}\\b|\\b(?:take|hire|accept) ${PERSON} on\\b`,
    ),
  },
  // Yes/no of a condition: "would it be possible for her", "with no experience", "do I need a job".
  {
    intent: "eligibility",
    rank: 50,
    forms: YES_NO,
    re: /\b(?:possible|an option|open to|available to|available for)\b|\b(?:without|with no|with zero|with little) (?:any )?(?:experience|exp|job|work|qualifications?|quals|gcses|a levels|degree|english|maths)\b|\beven with\b|^(?:do|does|will|would|did) (?:\w+ ){1,3}(?:need|have to|has to|need to|require)\b/,
  },
  {
    intent: "eligibility",
    rank: 50,
    forms: YES_NO,
    re: new RegExp(
      `\\b(?:while|whilst|if) (?:${PRONOUN}|im|shes|hes|theyre) (?:am |is |are )?(?:on|not|still|only|unemployed|at school|in)\\b`,
    ),
  },
  // "can she get extra help with the written parts?": support and adjustments for a learner.
  {
    intent: "eligibility",
    rank: 50,
    re: /\b(?:extra|additional) (?:help|support|time)\b/,
  },
  // "does the Level 3 cert need you to be a team leader?", "does it require the learner to be employed?"
  {
    intent: "eligibility",
    rank: 50,
    re: /\b(?:need|needs|require|requires) (?:you|me|him|her|them|the learner|learners|a learner|someone|people|candidates) to (?:be|have|work|hold)\b/,
  },
  // "can I / could she / may they ...?" (not "can I ask..."); below suitability: "could an NVQ suit him?"
  {
    intent: "eligibility",
    rank: 39,
    forms: YES_NO,
    re: /^(?:can|could|may|might|cn) (?!.*\b(?:ask|advice|help|information|info)\b)\w+/,
  },
  // An age in the question: "which qualifications can a 16 year old take?"
  {
    intent: "eligibility",
    rank: 36,
    forms: ["wh"],
    re: /\b(?:an?|my|our) (?:1[4-9]|[2-6]\d) year old\b|\baged? (?:1[4-9]|[2-6]\d)\b/,
  },
];

const COMPARE: Cue[] = [
  // "the C&G Level 2 NVQ or the OCR one?": the same qualification from two awarding bodies.
  {
    intent: "compare",
    rank: 46,
    re: /\b(?:ocr|iq|cityguilds)\b(?: \S+){0,5} or (?:the |an? )?(?:ocr|iq|cityguilds)\b/,
  },
  {
    intent: "compare",
    rank: 45,
    re: /\bwhich(?: one)? (?:is|would be|s) (?:better|worse|easier|harder|quicker|longer|shorter|more \w+)\b/,
  },
  {
    intent: "compare",
    rank: 38,
    forms: ANY,
    re: /\b(?:compare|compared|comparison|difference|differences|vs|versus|diff)\b/,
  },
  {
    intent: "compare",
    rank: 38,
    re: /\b(?:better|worse|harder|easier|longer|shorter|bigger) than\b|\bdiffer\b/,
  },
];

const WHAT_NEXT: Cue[] = [
  // Credits and units carried over are always about what comes next.
  {
    intent: "whatNext",
    rank: 60,
    re: /\b(?:credits?|units?|\d{5}|nvq|cert\w*|qualifications?)\b(?: \S+){0,3} (?:still )?counts?\b(?! as)|\b(?:credits?|units?)\b(?: \S+){0,5} (?:count|counts|carry|carried|transfer|transferred|go|goes|be used|used) (?:over |across )?(?:towards?|to|into|onto|over|across)\b|\bcounts? (?:\S+ ){0,3}towards?\b|\bcount (?:my |the |any |her |his )?(?:old )?(?:credits?|units?)\b(?: \S+){0,6} towards?\b|\buse (?:\S+ ){0,5}(?:credits?|units?) (?:\S+ ){0,3}towards?\b|\bcount (?:\S+ ){0,4}(?:credits?|units?)\b(?: \S+){0,8} towards?\b|\bcarry (?:over|across|forward)\b|\bcredit transfer\b|\b(?:which|what) (?:of )?my units\b(?: \S+){0,3} count\b/,
  },
  // Units named, then "do these count if I switch?", "do my old units still count?".
  {
    intent: "whatNext",
    rank: 60,
    needsUnits: true,
    re: /\b(?:do|does|will|would|can|could) (?:these|those|they|them|my (?:old |previous )?(?:units|credits))(?: still)? count\b(?! as)/,
  },
  // What comes after a qualification named.
  {
    intent: "whatNext",
    rank: 35,
    re: /\bwhat comes (?:next|after)\b|\b(?:after|beyond|following|on from) (?:the |my |her |his |their |completing |finishing |doing )?(?:ocr |iq |cityguilds )?(?:level \d|l\d|nvq|\d{5}|600\/\S+|certificate|cert|diploma|principles)\b|\bprogress(?:ion)?(?: route)? (?:to|onto|from|after)\b|\bcan i progress\b/,
  },
  {
    intent: "whatNext",
    rank: 20,
    needsHeld: true,
    open: true,
    re: /\bnext\b|\bafter\b|\bhigher\b|\bbeyond\b|\babove\b|\bmov(?:e|ing) (?:up|on)\b|\bwhats left\b|\bleft for me\b|\bwhat else\b|\bbuild on\b|\bprogress\w*\b/,
  },
];

const RECOMMEND: Cue[] = [
  // "is there anything for someone like me?", "is there a qualification I can do online?"
  {
    intent: "recommend",
    rank: 48,
    re: /\b(?:is|are) there (?:an?|any|some|something|anything)\b|\btheres (?:an?|any|something|anything)\b/,
  },
  // Suitability: "would the level 3 help", "is it the right one for me", "would an apprenticeship work".
  {
    intent: "recommend",
    rank: 40,
    re: /\b(?:suit|suits|suited|suitable|fit|fits|right for|the right one|best for|good for|good idea|worth|sensible|appropriate|recommend|recommended|suggest|advise|be right|be best|point in|too much|too hard|too difficult|too advanced|help (?:me |her |him |them )?(?:get|choose|decide|pick|find))\b|\b(?:would|will|could|does|do|might|can) (?:\S+ ){1,6}(?:help|work)\b|\bwhat would help\b|\ba good (?:\w+ )?(?:route|option|choice|fit|idea|next step|start|place to start)\b/,
  },
  // "why these?" (the button after a one-line summary, typed): the suggestions with their reasons.
  {
    intent: "recommend",
    rank: 40,
    re: /^(?:(?:and|but|so|ok|okay) )?why (?:these|those|them|these ones|those ones|the first one|(?:these|those|the) (?:suggestions|ones|options|qualifications))$/,
  },
  // A choice for the learner: "level 3 or level 4?", "nvq 2 or 3?", "or should he go to uni?"
  {
    intent: "recommend",
    rank: 35,
    re: /\b(?:level|l|nvq) ?\d\b(?: \w+){0,4} or (?:the |a |an )?(?:level |l|nvq )?\d\b|\bor (?:start|go|do) (?:lower|higher|something else)\b|\bor (?:should|would|do|just) (?:i|she|he|they|we)\b/,
  },
  // Which qualification: "which contact centre qual is right", "what's the best route", "what's out there".
  {
    intent: "recommend",
    rank: 32,
    forms: ["wh", "fragment", "request"],
    re: new RegExp(
      `\\b(?:which|whats?)(?: \\w+){0,3} ${QUAL_NOUN}\\b|\\bwhat(?:s| is) (?:the |a |an |his |her |their |my |your )?(?:best|most \\w+|highest|lowest|right|quickest|fastest|easiest|good|next|first)\\b|\\b(?:route|way|path|step) (?:back )?(?:into|in)\\b|\\bwhat(?:s| is| are)? (?:available|out there|on offer)\\b`,
    ),
  },
  { intent: "recommend", rank: 32, re: /\bfor (?:me|her|him|them|someone like|us)\b/ },
  // "should I do a qualification first?", "is it the L2 NVQ she should be looking at?"
  {
    intent: "recommend",
    rank: 30,
    forms: YES_NO,
    re: new RegExp(
      `^(?:should|shall|shud)\\b|\\b(?:should ${PRONOUN}|${PRONOUN} should) (?:be )?(?:look|do|go|get|take|start|ask|try)`,
    ),
  },
  // Open questions: "what can I even do", "what should she go for", "where to begin", "what now".
  {
    intent: "recommend",
    rank: 30,
    open: true,
    re: new RegExp(
      `^whats? (?:\\w+ )?(?:can|could|should|shall|would|do|does|might) (?:\\w+ )?(?:\\w+ )?(?:even |actually |then |now )?(?:do|go for|look at|look into|get|study|take|start|enrol|be on|put|tell|try|consider|aim for|choose|pick|suggest|recommend|advise|need)\\b|^whats? (?:\\w+ ){0,4}(?:(?:should|could|can|would) ${PRONOUN}|${PRONOUN} (?:should|could|can|would)) (?:\\w+ )?(?:do|go for|get|study|take|start)\\b|\\bwhat now\\b|\\bnow what\\b|^what next$|\\bwhere (?:do|does|should|would|can|could|shall) (?:\\w+ ){1,3}(?:start|begin)\\b|\\bwhere to (?:start|begin)\\b|\\bfrom here\\b`,
    ),
  },
  // Requests for ideas: "Options?", "Suggestions for a route?", "help me choose", "any quals?"
  {
    intent: "recommend",
    rank: 25,
    re: /\b(?:options|ideas|suggestions?|advice|recommendations?|thoughts)\b|\bhelp me (?:choose|decide|pick|find)\b|^(?:any|anything) (?:\w+ )?(?:quals?|qualifications?|courses?|for|basic|suitable|i could|higher|else)\b/,
  },
  { intent: "recommend", rank: 25, marked: true, re: /^(?:\w+ )?(?:quals?|qualifications?|courses?)$/ },
  // A wish for a qualification, said without asking: "want something for my CV", "needs a course".
  {
    intent: "recommend",
    rank: 5,
    forms: ["statement"],
    re: /\b(?:want|wants|wanting|wanna|looking for|need|needs|would like|id like|hoping for|keen to get)\b(?: \w+){0,8} (?:qualifications?|quals?|courses?|certificates?|something (?:for|on) (?:my|his|her|their) (?:cv|resume)|training)\b|\bwants? (?:\w+ ){0,2}(?:route|way) (?:to|into)\b/,
  },
];

export const CUES: readonly Cue[] = [
  ...DEFINE,
  ...UNITS,
  ...DETAILS,
  ...ELIGIBILITY,
  ...COMPARE,
  ...WHAT_NEXT,
  ...RECOMMEND,
];
