import { ASKING, CUES, type Cue } from "./intent-cues.ts";
import { asks, type Piece, type QuestionForm, readMessage } from "./questions.ts";

/** What the user asks the bot to do, beyond stating facts. */
export const INTENTS = [
  "deleteData",
  "handover",
  "restart",
  "back",
  "cancel",
  "help",
  "record",
  "define",
  "together",
  "whatIsUnit",
  "eligibility",
  "details",
  "compare",
  "whatNext",
  "unitsIn",
  "check",
  "plan",
  "recommend",
  "skip",
  "accept",
  "greeting",
] as const;
export type Intent = (typeof INTENTS)[number];

export const TERMS = [
  "barred",
  "credit",
  "glh",
  "mandatory",
  "optional",
  "nvq",
  "qcf",
  "level",
  "apprenticeship",
  "group",
] as const;
export type Term = (typeof TERMS)[number];

/** The word a define asks about, first match wins ("barred units" is barred, "SCQF level 6" a level). */
const TERM_PATTERNS: [RegExp, Term][] = [
  [/\bbarred|\bbar\b/, "barred"],
  [/\bglh|guided learning/, "glh"],
  [/\bcredits?\b/, "credit"],
  [/\bmandatory\b/, "mandatory"],
  [/\boptional\b/, "optional"],
  [/\bqcf\b/, "qcf"],
  [/\b[ns]vqs?\b|\bcompetence\b/, "nvq"],
  [/\bgroups?\b/, "group"],
  [/\bapprenticeships?\b/, "apprenticeship"],
  [/\blevels?\b|\bscqf\b|\brqf\b/, "level"],
];
const termIn = (text: string): Term | undefined => TERM_PATTERNS.find(([re]) => re.test(text))?.[1];

/**
 * Commands: what the user tells the bot to do with the conversation. Whole-message patterns where the
 * command is the message ("cancel", "looks good"); piece patterns where it opens a piece ("can we go
 * back a step, i typed it wrong"), so that "looking to go back to work" is no command.
 */
const DELETE_DATA =
  /\b(delete|erase|remove|wipe|forget) what i (typed|wrote|said|sent|told you|put|entered|gave you)\b|\bdont want (my|our|his|her) (details|data|info|information) (kept|stored|saved)\b|\b(data|details|info|information|records?|account|history|messages|everything)\b.{0,30}\b(removed|deleted|wiped|erased|cleared)\b|\b(remove|delete|erase|wipe|clear) (all )?(the )?(records?|data|details|info|account)( \w+){0,4}\b|\b(delete|erase|remove|wipe|clear|forget) (all )?(of )?(my|me|our|everything)( (data|details|info|information|conversation|history|stuff|chat|messages))?\b|\bforget (about )?me\b|\b(gdpr|right to be forgotten)\b|\b(delete|erase|remove|wipe|clear)( \w+){0,3} (data|details|info|information|history|conversation|messages)\b/;
/** Asking for a person ("put me through to someone", "can I get a human to talk through enrolling our agents?"). */
const HANDOVER =
  /\b(pass|put|connect|transfer|send) me (on )?(to|through to|with) (a |an |the |some |real |actual )*(member of staff|person|human|someone|somebody|advisor|team|training team|people)\b|\b(someone|somebody|a person|anyone|(a |an )?(human|real) (advisor|person)) (i|we) (can|could) (ring|call|phone|talk to|speak to|speak with|email)\b|\b(phone|telephone|contact) number (for|of|to)\b|\b(someone|somebody|a person) to (talk|speak) to\b|\b(?:is there|are there|can i get|could i get|have you got) (?:someone|somebody|anyone|a person|a human|people)(?: (?:real|actual|i|we))? (?:i|we)? ?(?:can|could)? ?(?:actually |really )?(?:talk|speak|chat) (?:to|with)\b|\b(talk|speak) to (sum1|some1|someone real)\b|\bput me (through to|in touch)\b|\bput through to (a |an |the |some |real |actual )*(person|human|advisor|someone|somebody|member of staff)\b|\bput me through\s*$|\b(a |an )?(real )?(person|human|someone|somebody|advisor) (i|we) can (talk|speak|chat)\b|\b(talk|speak|chat|get through) (to|with) (a |an |the |some |real |actual )*(person|human|advisor|someone|somebody|member of staff|agent)\b|\b(real|actual) (person|human)\b|\bhuman (please)\b|^(a )?human\b|\bcan i (call|phone|ring)\b|\bcontact (an |a )?(advisor|person)\b|\b(ring|call|phone) (me|us)( back)?\b|\b(get|give) me an? (human|person|real person|advisor)\b|\b(can|could) (i|we) (get|have) an? (human|real person|person)\b|\b(speak|talk|chat) (to|with) (a |an |the |some )?(member of (your|the) (team|staff)|one of your (team|staff|advisors|people|colleagues)|someone (from|in|on) (your|the) (team|training team|office))\b/;
// (Each guard below is an alternation of plain strings: it finds one sooner than its pattern fails.)
/** Every match of DELETE_DATA holds one of these ("deleted" holds "delete", "forgotten" "forg"). */
const DELETE_DATA_WORDS = /delete|erase|remov|wipe|forg|clear|dont want|gdpr/;
/** Every match of HANDOVER holds one of these ("telephone" holds "phone"). */
const HANDOVER_WORDS =
  /pass|put|connect|transfer|send|ring|call|phone|talk|speak|email|number|chat|get through|person|human|contact|advisor/;
/** Every match of CANCEL holds one of these ("nevermind" holds "never", "goodbye" "bye"). */
const CANCEL_WORDS = /bye|cya|see ya|see you|cancel|stop|quit|exit|never|nvm|forget it|abort|end/;
/** Every match of RECORD holds one of these ("summarise" and "summary" hold "summar"). */
// ("what have you got down about me", "what do you know about me", "show me my details": "about"/"down"/
// "details"/"profile" hold those.)
const RECORD_WORDS = /copy of|session|summar|export|write|note|record|about|down|details|profile/;
/** Every match of SKIP holds one of these ("i dont know yet" holds "dont know"). */
const SKIP_WORDS =
  /skip|pass|next question|dont know|dunno|not sure|no idea|unsure|no comment|not telling|wont say|rather not|prefer not to|dont want to/;
const POLITE =
  "(?:(?:please|ok|okay|oops|sorry|can we|could we|can i|lets|let us|i want to|id like to|i would like to|i need to) )*";
const RESTART = new RegExp(
  `^${POLITE}(?:restart|start (?:again|over|afresh)|begin again|reset|new (?:session|conversation|learner|chat))\\b(?! (?:it|the|my|his|her|their|a|an|this|that)\\b)|^${POLITE}(?:start|begin|go) (?:again |over )?from (?:the )?(?:scratch|beginning|start)\\b`,
);
const BACK = new RegExp(
  `^${POLITE}(?:go back|back|undo|undo that|previous|previous question|back up|step back)(?: (?:one|a step|one step|a question|to the (?:previous|last) (?:question|step|one)|please))*$`,
);
const RESTART_WORDS = /start|begin|reset|new|from/;
const BACK_WORDS = /back|undo|previous/;
const CANCEL =
  /^(thanks|thank you|cheers|ta)( so much| a lot)?[ !,.]*(bye|goodbye|cya|see ya|see you)[ !.]*$|^(cancel|stop|quit|exit|never ?mind|nvm|forget it|abort|end|bye|goodbye)( (it|this|that|please|thanks|now))*$|^(never ?mind|nvm|ok|oh|no)?\s*(cancel|stop|quit|forget it|never ?mind)( (it|this|that|please|thanks|now))*$|^(never ?mind|nvm|forget it) (cancel|forget it|stop)( (it|this|that))?$/;
/** The user asks what the bot itself can do. */
const HELP_ALONE =
  /^(help|\?+|h|menu|options|commands)( me)?( please)?$|^what (do|can) i (do|say|type)( here| now)?$/;
const HELP =
  /\bwhat (are you|r u|ur|you re|is this|is this bot|is this chat) (for|about)\b|\bwhat (you|u) (do|can do)( for me)?\b|\bwhat (can|could) (you|u) do for (me|us)\b|\bwhat ((sort|kind|type)s? of (things|stuff|questions) |else |things )?(can|could|do|does) (you|this( \w+)?|the (bot|chat|service|tool|app))( actually| even| really)? (do|help( me)? with|offer)\b|\bhow (do|can) i use (this|you|it)\b|\bwhat (help|support|advice|information|info) (can|do|could) (you|this \w+) (give|offer|provide)\b|\bhow (does|do) (this|you) work\b|\bare (you|u) (a |an )?(chat ?bot|bot|robot|ai|real person|human)\b|\bwhat (do|can) (you|u) (know|tell me) about\s*$|\bwhat (you|u) can (help|do)( me| us)?( with)?\b|\bwhat can i (say|ask|type)\b|\bwhat am i (meant|supposed) to (type|say|do)\b/;
/** Asking for help without saying with what: only when nothing else is asked. */
const HELP_VAGUE =
  /^(i need help|can you help|can anyone help|help)( me)?( please)?$|\bim (stuck|lost|confused)\b/;
const RECORD =
  /\bcopy of (this|the|our) (chat|conversation|session)\b|\bsession (record|summary|notes)\b|\bsummary of (this|the|our) (session|chat|conversation)\b|^export\b|\bexport (the|this|my|our) (record|summary|chat|conversation|session)\b|\bwrite (it|this) up\b|\bnotes? (for|of) (the|this) session\b|\b(end|finish) (the )?session\b|^summari[sz]e\b|\bsummari[sz]e (this|the|our) (session|chat|conversation)\b|^(the )?(record|summary)( please)?$|\b(have|get|see|send|print|give me|download) (me )?(the|a|my) (record|summary)\b|\bwhat (have|do|did) (you|u|ya) (got|get|have|put|written|write|noted|note|know)( down| written| noted)? (about|on|for) (me|him|her|them)\b|\bwhat (have|did) (you|u) (got|put|written|noted) down\b|\bwhats on (my|the|his|her|their) (record|file|notes)\b|\bwhat (do|does) (my|his|her|their|the) (record|notes|profile) say\b|\bshow me (my|his|her|their) (details|profile)\b/;
const SKIP =
  /^(skip|pass|next question|i dont know|dont know|dunno|not sure|no idea|unsure|no comment|not telling|wont say|pass on that|(i am |im )?not sure|(i )?dont know yet)( please| thanks)?$|^skip( this| that| it)?( question| one| bit)?( please| thanks)?$|\b(rather not|prefer not to|would rather not|dont want to) (say|answer|tell|share)( (that|this|it))?\b/;
const ACCEPT =
  /^(ok(ay)?|fine|great|perfect|good|cool|lovely|brilliant|thanks|thank you|cheers)?\s*(thats|that is|this is|looks|sounds|seems|im|i am)? ?(good|great|fine|perfect|happy|all good|spot on|grand|ok|okay|done|finished)( thanks| thank you| cheers| with (that|this|it))?$|\b(looks good|im happy|happy with (that|this|it)|that will do|thatll do|sounds good|lets go with (that|this|it)|go with (that|this|it)|accept|i ll take it|ill take it|(that|this|it) works( for me)?)\b/;
const GREETING =
  /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|hi there|hello there|morning|afternoon|alright|wotcha|hey up|sup)\b/;

/** Questions about units by number: two units together, or one unit's content. */
const TOGETHER =
  /\b(ok|okay|allowed|alright|possible|fine) to (pick|take|choose|do|have) (unit )?\d+ (with|and|alongside) (unit )?\d+\b|\b(\d{1,2}|[a-z]\/\d{3}\/\d{4}) (and|&|with) (unit )?(\d{1,2}|[a-z]\/\d{3}\/\d{4})\b.*\b(together|allowed|at the same time|both|clash|conflict)\b|\bcan i (combine|mix|pair) |\b(together|both|at the same time|alongside|combine|(?<!(?:quickest|fastest|shortest|easiest|best|cheapest) )combination)\b.*\bunits?\b|\bunits?\b.*\b(together|at the same time|alongside|with each other)\b|\bcan i (take|do|have|choose|pick) (unit|units) \S+ (and|&|with) \S+/;
const WHAT_IS_UNIT =
  /\bunit \S+ (whats|what is) (that|it|this)( one)?\b|^(explain|describe|what is|whats) ([a-z]\/\d{3}\/\d{4}|unit \S+)$|\b(what (is|s|about)|tell me about|whats|describe|info on|details of|more about) unit\b|\bunit \S+ (about|mean)\b|\bwhat (does|do|is) unit \S+( \S+){0,4} (cover|involve|about|mean|entail)\b|\b(what|whats|tell me)\b.*\b[a-z]\/\d{3}\/\d{4}\b.*\b(about|cover|mean)\b|\bwhat (is|s) the .+ unit\b/;
const MORE_THAN_8_WORDS = /^(?:\S+ ){8}/;
/** Units named by number or reference; three or more make a selection to check. */
const UNITS = /\bunits?\b|\b[a-z]\/\d{3}\/\d{4}\b/;
/** Two numbers asked about as a combination ("does 32 + 34 work as a combo"). */
const PAIR =
  /\b\d{1,2} (?:and |with |plus )?\d{1,2}\b.*\b(?:combo|combination|clash|clashes|conflict|together)\b/;
const SELECTION = /\b\d{1,2}(?:\s*(?:,|and|&|\s)\s*\d{1,2}\b){2,}/;

/**
 * A contact-centre qualification the learner holds or is doing ("I've got 10266", "IQ level 2 nvq done",
 * "doing a contact centre course"), not one in another subject ("NVQ level 2 in retail") nor one wished for.
 */
const HELD =
  /\b(have|has|got|hold|holds|done|did|completed|passed|finished|achieved|gained|ive|already|doing|studying|working towards)\b.*\b(nvq|svq|certificate|cert|diploma|award|principles|1026[5-9]|600\/\d{4}\/[\dx]|contact centre course)\b|\b(nvq|cert|certificate|diploma|1026[5-9]) (done|completed|passed|finished)\b|\b(nvq|svq|cert|certificate|diploma|1026[5-9])( level)? ?\d? (from|in) (19|20)\d\d\b/;
const NOT_HELD =
  /\b(want|wants|wanting|thinking|looking|hoping|planning|would like|id like|interested|considering|no|not|never|havent|hasnt|dont|doesnt|without)\b|\b(nvq|svq|certificate|cert|diploma|award|qualifications?)\b( level \d)?( and \d)? in (?!contact\b|call\b|cc\b|customer\b|principles\b|\d|the past\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)/;

export interface IntentReading {
  intent: Intent;
  term?: Term;
}

/** The cues read in each form, best first. */
const CUES_BY_FORM = new Map(
  ([...ASKING, "statement"] as const).map((form: QuestionForm) => [
    form,
    CUES.filter((c) => (c.forms ?? ASKING).includes(form)).sort((a, b) => b.rank - a.rank),
  ]),
);

/** The best cue a piece matches. */
function topCue(p: Piece, hasUnits: boolean): Cue | undefined {
  return CUES_BY_FORM.get(p.form)?.find(
    (c) => (!c.marked || p.marked) && (!c.needsUnits || hasUnits) && c.re.test(p.asked),
  );
}

/**
 * What the message asks: the command it gives, or the intent of its main question. `normalised` is the
 * message as normalise() gives it, when the caller has it already.
 */
export function intentOf(message: string, normalised?: string): IntentReading | undefined {
  const { whole, pieces } = readMessage(message, normalised);
  if (!whole) return undefined;
  if (DELETE_DATA_WORDS.test(whole) && DELETE_DATA.test(whole)) return { intent: "deleteData" };
  if (HANDOVER_WORDS.test(whole) && HANDOVER.test(whole)) return { intent: "handover" };
  // (Each of RESTART's commands has "start", "begin", "reset", "new" or "from" in it; each of BACK's,
  // "back", "undo" or "previous".)
  if (pieces.some((p) => RESTART_WORDS.test(p.text) && RESTART.test(p.text))) return { intent: "restart" };
  if (pieces.some((p) => BACK_WORDS.test(p.text) && BACK.test(p.text))) return { intent: "back" };
  if (CANCEL_WORDS.test(whole) && CANCEL.test(whole)) return { intent: "cancel" };
  if (HELP_ALONE.test(whole) || pieces.some((p) => asks(p) && HELP.test(p.asked))) return { intent: "help" };
  if (RECORD_WORDS.test(whole) && RECORD.test(whole)) return { intent: "record" };

  if (SKIP_WORDS.test(whole) && SKIP.test(whole)) return { intent: "skip" };
  const asked = questionOf(pieces, whole, message);
  if (asked) return asked;

  if (HELP_VAGUE.test(whole)) return { intent: "help" };
  if (!MORE_THAN_8_WORDS.test(whole) && ACCEPT.test(whole)) return { intent: "accept" };
  if (GREETING.test(whole)) return { intent: "greeting" };
  return undefined;
}

/** The intent of the main question: the best-ranked cue over the pieces, the first piece on a tie. */
function questionOf(pieces: Piece[], whole: string, message: string): IntentReading | undefined {
  // Units are named by the word or by numbers; without either, no unit question is read.
  const digits = /\d/.test(whole);
  const hasUnits = UNITS.test(whole) || (digits && (SELECTION.test(whole) || PAIR.test(whole)));
  // ("My picks: deliver customer service, use systems, deal with incidents. Does that work?": three or
  // more named by title are a selection, as numbers are.)
  const listed = SELECTION.test(whole) || (hasUnits && message.split(",").length >= 4);
  let best: { cue: Cue; piece: Piece } | undefined;
  for (const piece of pieces) {
    const top = topCue(piece, hasUnits);
    if (top && (!best || top.rank > best.cue.rank)) best = { cue: top, piece };
  }
  // Two units asked about together; a selection with a question about it is checked as a whole.
  const unitRank =
    !hasUnits && !digits && !/\bcan i (combine|mix|pair)\b/.test(whole)
      ? 0
      : TOGETHER.test(whole)
        ? 78
        : WHAT_IS_UNIT.test(whole)
          ? 77
          : 0;
  if (unitRank && (!best || unitRank > best.cue.rank)) {
    if (unitRank === 78) return { intent: listed ? "check" : "together" };
    return { intent: "whatIsUnit" };
  }
  // "after I finish the L3 principles cert what's next for me?": what comes after it (persona review 5,
  // T7: read as a new recommendation, and the level asked again).
  if (
    (!best || best.cue.intent === "recommend" || best.cue.intent === "whatNext") &&
    (AFTER_FINISHING.test(whole) || pieces.some((p) => AFTER_FINISHING.test(p.text)))
  )
    return { intent: "whatNext" };
  if (!best) return undefined;
  const { cue, piece } = best;
  if (cue.intent === "define") {
    const term = termIn(piece.asked) ?? termIn(piece.text) ?? termIn(whole);
    return term ? { intent: "define", term } : undefined;
  }
  if (cue.intent === "check" && cue.needsUnits && !listed) return { intent: "together" };
  if (cue.intent === "recommend" || cue.intent === "whatNext") {
    // An open question ("what now?", "where do I start?") from someone holding a qualification asks
    // what comes after it; without one, "what's next for me" asks what to do.
    const held =
      pieces.some((p) => p !== piece && p.form === "statement" && holds(p.text)) || holdsBefore(piece);
    const progression = cue.open || CUES.some((c) => c.needsHeld && c.re.test(piece.asked));
    if (held && progression && cue.rank < 60) return { intent: "whatNext" };
    if (cue.needsHeld && !held) return { intent: "recommend" };
  }
  return { intent: cue.intent };
}

const AFTER_FINISHING =
  /\b(?:after|once|when) (?:i|she|he|they|we) (?:finish|complete|pass|get|have done|have finished|ve done|ve finished)\b(?: \S+){0,8} (?:whats|what is|what) (?:next|then|after that)\b/;
const holds = (text: string) => HELD.test(text) && !NOT_HELD.test(text);
/** The fact said before the question in the same piece ("done my level 2 nvq whats next"). */
const holdsBefore = (p: Piece) =>
  p.asked !== p.text && holds(p.text.slice(0, p.text.length - p.asked.length));
