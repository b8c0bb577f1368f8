import { normalise } from "./text.ts";

/**
 * The question-form reader: a message cut into pieces (sentences, then clauses at commas, colons,
 * dashes, "but", and "or" before a second question),
 * each read for the form of what it asks, so that the intent is read from the question the user asks
 * and not from words anywhere in the message ("no idea lol. what can i even do" asks an open question;
 * its "no idea" is a fact).
 *
 * Forms, from the grammar of English questions:
 * - `wh`: opens with a wh-word ("what should she go for", "where to begin", "which one").
 * - `yesNo`: opens with an auxiliary before its subject ("can I do it", "is it too late", "would the
 *   level 3 help"), or is reported with "if"/"whether" ("she asks if she can do the NVQ").
 * - `request`: an imperative or polite request ("help me choose", "compare 10266 and 10267", "can you
 *   check my units", "please advise what he should do").
 * - `fragment`: a short piece asked with "?" and no opener ("Options?", "Level 4 or level 3?"), or a
 *   request noun ("ideas", "any suggestions").
 * - `statement`: anything else (facts, wishes).
 */
export type QuestionForm = "wh" | "yesNo" | "request" | "fragment" | "statement";

/** Who a question is about: the writer, someone else (a learner, "my son"), the bot, or a thing. */
export type QuestionSubject = "self" | "other" | "you" | "thing";

export interface Piece {
  /** The piece as typed. */
  raw: string;
  /** normalise()d, with leading fillers ("ok so", "hi", "and") dropped. */
  text: string;
  /** From the question's opener on ("what can i do" in "im 18 what can i do"); the text for statements. */
  asked: string;
  form: QuestionForm;
  /** Asked with "?": the last clause of a sentence ending with "?", or an earlier one opening a question. */
  marked: boolean;
  /** The wh-word of a wh-question (or of a reported one: "advise what he should do"). */
  wh?: string;
  /** The auxiliary that opens a yes/no question, or follows the wh-word ("should" in "what should I do"). */
  aux?: string;
  subject?: QuestionSubject;
  /** Reported: "wants to know if she can...", "explain what barred means". */
  embedded: boolean;
}

const WH = new Set([
  "what",
  "whats",
  "which",
  "how",
  "hows",
  "where",
  "wheres",
  "when",
  "why",
  "who",
  "whos",
]);
/** Auxiliaries that open a yes/no question ("can I", "is it", "would the level 3 help"); text-speak too. */
const AUX = new Set([
  "can",
  "cn",
  "could",
  "cud",
  "may",
  "might",
  "is",
  "isnt",
  "are",
  "arent",
  "am",
  "do",
  "does",
  "doesnt",
  "dont",
  "did",
  "will",
  "would",
  "wud",
  "wouldnt",
  "should",
  "shud",
  "shall",
  "has",
  "have",
  "had",
  "was",
  "were",
]);
const BE = new Set(["is", "are", "am", "was", "were"]);
/** Auxiliaries that open a question only with a pronoun after them ("have I" asks; "have GCSEs" states). */
const AUX_NEEDS_PRONOUN = new Set(["has", "have", "had", "was", "were", "did", "am"]);
const PRONOUN = new Set(["i", "you", "he", "she", "we", "they", "it", "there", "that", "this", "u"]);
const SELF = /^(i|we|me|us|my|our)$/;
const YOU = /^(you|u)$/;
const THING = /^(it|that|this|there|these|those|the|a|an|any)$/;
/** Verbs that open a request ("compare", "help me choose", "tell me about unit 19"). */
const REQUEST =
  /^(help|advise|suggest|recommend|explain|tell|compare|list|show|check|plan|give|send|ring|call|phone|delete|erase|remove|wipe|forget|sort|make|put|pick|choose|describe|define|talk|speak|get me|let me know|export|print|find|contact|validate|verify|summari[sz]e)\b/;
/** Said before a question without changing it ("ok so", "hi", "sorry if this is dumb but"). */
const FILLER =
  /^(?:(?:and|but|so|ok|okay|also|then|well|hi|hey|hiya|hello|helo|please|sorry|wait|oh|um|erm|lol|basically|tbh|thanks|cheers|anyway|actually|quick question|question|yes|yeah|no|hmm|or|just|right) )+/;
/** Words that report a question: "wants to know if", "please advise what", "explaining what". */
const EMBEDDER =
  /\b(know|advise|advice on|tell (?:me|us|her|him|them)|explain|explaining|understand|wonder|wondered|wondering|ask|asks|asked|asking|enquire|enquiring|inquire|inquiring|find out|unsure|not sure|no idea|clarify|confirm|(?:dont|do not|didnt) (?:get|understand|know)) (if|whether|what|whats|which|how|where|when|why|who)\b/;
/** Nouns that ask on their own ("Options?", "ideas", "any suggestions"). */
const REQUEST_NOUN =
  /^(any )?(\w+ )?(options|ideas|suggestions?|advice|recommendations?|thoughts)( please)?$/;

/**
 * A wh-word inside a piece opens a question there when it is not a free relative ("what I do", "where
 * I live"): it is followed by an auxiliary, a noun or "next"/"now", not by a subject pronoun.
 */
const INNER_WH =
  /\b(?:whats|what (?!i\b|you\b|he\b|she\b|we\b|they\b|it\b|to\b|that\b|this\b)|which (?:qual\w*|course\w*|one|level|units?|nvq|pathway|route|apprenticeship|would|should|is best)|where (?:do|does|should|would|can|to)\b|how (?:many|much|long|do|does|can|would|should)\b)/;
/** An auxiliary before a pronoun inside a piece ("im 15 can i do any of these"). */
const INNER_AUX = /\b(?:can|could|should|would|do|does|am|is|are) (?:i|we|she|he|they)\b/;
/** ... but not after "if", "that", "what"...: "if she can", "what i can". */
const NOT_BEFORE_AUX =
  /\b(?:if|whether|that|so|what|which|how|when|where|who|as|because|cos|than|know|see) $/;
/** Every word without which none of the patterns below can match (they are read only if one is there). */
const QUESTION_WORD =
  /\b(?:if|whether|what|whats|which|how|where|when|why|who|know|understand|find|see|check|ask|can|could|should|would|do|does|am|is|isnt|are)\b/;
/** "I need to know...", "want to understand...": a request for what follows. */
const WANT_TO_KNOW =
  /^(?:i |we |just )*(?:need|needs|want|wants|would like|id like|wanted|am trying|im trying|trying) to (?:know|understand|find out|see|check|ask(?: about)?)\b ?/;
/** A statement turned into a question by a tag ("the cert is easier than the NVQ, is that true"). */
const TAG = /\b(?:is|isnt) (?:that|it|this) (?:true|right|correct|so|the case)$/;

interface Sentence {
  raw: string;
  /** Ends with "?". */
  marked: boolean;
  /** Ends with "." or "!": an auxiliary opening it states ("Is returning to work after 8 years."). */
  stated: boolean;
}

/** Cuts a message into sentences (".", "!", "?", new lines, ";"). */
function sentences(text: string): Sentence[] {
  const parts = /[.!?\n;]/.test(text) ? text.split(/(?<=[.!?])\s+|\s*[\n;]+\s*|(?<=\?)(?=[^?\s])/) : [text];
  return parts
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((raw) => ({ raw, marked: /\?[\s\p{P}\p{S}]*$/u.test(raw), stated: /[.!]\s*$/.test(raw) }));
}

/**
 * Cuts a sentence into clauses at commas, colons, dashes, "but", and "or" before a second question
 * ("is it for me or do I need a job first"); never inside a list of numbers.
 */
function clauses(sentence: string): string[] {
  if (!/[,:–—-]|\s(?:but|or)\s/i.test(sentence)) return [sentence];
  return sentence
    .split(
      /,(?!\s*(?:\d|and \d|or \d))|:\s|\s[-–—]+\s|\s+but\s+|\s+or\s+(?=(?:is|are|do|does|should|would|can|could|will|what|which|how|shall)\s)/i,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Where a message may be cut, and what normalise() would read differently in a piece. */
const CUTS = /[.!?\n;,:–—+-]|\s(?:but|or)\s|\bcud\b/i;

/** Stands between pieces while the message is normalised in one go (normalise() keeps letters only). */
const SEAM = " qqseamqq ";
const SEAMS = /\s*\bqqseamqq\b\s*/;

/** The pieces' texts, normalised all at once (one normalise() per message, not one per piece). */
function normalisePieces(raws: readonly string[]): string[] {
  const joined = raws
    .join(SEAM)
    .replace(/(\d)\s*\+/g, "$1 plus ")
    .replace(/\bcud\b/gi, "could");
  return normalise(joined).split(SEAMS);
}

type Form = Omit<Piece, "raw" | "text" | "asked" | "marked" | "embedded">;

/** Reads one piece of text (normalised) for the form of its question. */
export function readPiece(raw: string, text: string, { marked = false, stated = false } = {}): Piece {
  const piece = (form: Form, asked = text, embedded = false): Piece => ({
    raw,
    text,
    asked,
    marked,
    embedded,
    ...form,
  });
  const opened = readOpener(text);
  if (opened && opened.form !== "request" && !(stated && !marked && opened.form === "yesNo"))
    return piece(opened);
  // Most pieces state facts: without any word a question is made of, they are read no further.
  const questionWords = opened !== undefined || QUESTION_WORD.test(text);
  const wantToKnow = questionWords ? WANT_TO_KNOW.exec(text) : null;
  const reported = questionWords ? EMBEDDER.exec(text) : null;
  if (reported || wantToKnow) {
    const asked = reported
      ? text.slice(reported.index + reported[0].length - (reported[2] ?? "").length)
      : text.slice(wantToKnow?.[0].length ?? 0);
    const inner = readOpener(asked, true);
    if (inner) return piece(inner, inner.asked ?? asked, true);
    if (wantToKnow) return piece({ form: "request" }, asked);
  }
  if (opened?.form === "request") return piece(opened);
  if (REQUEST.test(text) || /^(can|could|would|will) (you|u) /.test(text))
    return piece({ form: "request", subject: "you" });
  const inner = questionWords ? (INNER_WH.exec(text) ?? innerAux(text)) : undefined;
  if (inner !== undefined && inner !== null && inner.index > 0) {
    const asked = text.slice(inner.index);
    const form = readOpener(asked);
    if (form) return piece(form, asked);
  }
  if (questionWords && TAG.test(text)) return piece({ form: "yesNo" });
  if (REQUEST_NOUN.test(text) || /^(any|anything)\b/.test(text) || (marked && !LONG.test(text)))
    return piece({ form: "fragment" });
  return piece({ form: "statement" });
}

/** More than eight words: too long to be a bare phrase asked ("Level 4 or level 3?"). */
const LONG = /^(?:\S+ ){8}/;

/** An auxiliary before a pronoun inside a piece, unless it follows a word that makes it a statement. */
function innerAux(text: string): RegExpExecArray | undefined {
  const m = INNER_AUX.exec(text);
  return m && !NOT_BEFORE_AUX.test(text.slice(Math.max(0, m.index - 9), m.index)) ? m : undefined;
}

function subjectOf(word: string | undefined): QuestionSubject | undefined {
  if (word === undefined) return undefined;
  if (SELF.test(word)) return "self";
  if (YOU.test(word)) return "you";
  if (THING.test(word)) return "thing";
  return "other";
}

const FIRST_WORDS = /^(\S+)(?: (\S+))?(?: (\S+))?/;

/**
 * The opener of a question at the start of `text`: a wh-word, or an auxiliary before its subject. A
 * reported yes/no question ("if she can do it") is given back in question order ("can she do it").
 */
function readOpener(text: string, reported = false): (Form & { asked?: string }) | undefined {
  const [, first, second, third] = FIRST_WORDS.exec(text) ?? [];
  if (first === undefined) return undefined;
  if (WH.has(first)) {
    const aux = second && AUX.has(second) ? second : undefined;
    const subject = aux ? subjectOf(third) : undefined;
    return {
      form: "wh",
      wh: first.replace(/s$/, ""),
      ...(aux ? { aux } : {}),
      ...(subject ? { subject } : {}),
    };
  }
  if (reported && (first === "if" || first === "whether")) {
    const words = text.split(" ");
    const at = words.findIndex((w, i) => i > 1 && AUX.has(w));
    const aux = words[at];
    if (!aux) return { form: "yesNo", subject: subjectOf(second) ?? "other" };
    const asked = [aux, ...words.slice(1, at), ...words.slice(at + 1)].join(" ");
    return { form: "yesNo", aux, subject: subjectOf(second) ?? "other", asked };
  }
  if (!AUX.has(first) || second === undefined) return undefined;
  // "is returning to work", "was made redundant": a statement with its subject left out.
  if (BE.has(first) && /(?:ing|ed)$/.test(second)) return undefined;
  if (AUX_NEEDS_PRONOUN.has(first) && !PRONOUN.has(second)) return undefined;
  if (YOU.test(second) && third && REQUEST.test(text.slice(first.length + second.length + 2)))
    return { form: "request", aux: first, subject: "you" };
  return { form: "yesNo", aux: first, subject: subjectOf(second) ?? "other" };
}

/** A message read for its questions: the whole normalise()d, and its pieces. */
export interface MessageReading {
  whole: string;
  pieces: Piece[];
}

/** The pieces of a message, each read for its question form. */
export const piecesOf = (message: string): Piece[] => readMessage(message).pieces;

/**
 * `normalised`: the message already normalise()d by the caller, used as is when the message is one
 * piece (most answers are), so that it is not normalised twice.
 */
export function readMessage(message: string, normalised?: string): MessageReading {
  // Most answers are one piece, with nothing to cut at.
  if (normalised !== undefined && !CUTS.test(message)) {
    const text = normalised.replace(FILLER, "").trim();
    return { whole: normalised, pieces: text ? [readPiece(message.trim(), text)] : [] };
  }
  const parts: { raw: string; marked: boolean; stated: boolean; last: boolean }[] = [];
  for (const s of sentences(message.slice(0, 2000))) {
    const cut = clauses(s.raw);
    cut.forEach((raw, i) => {
      parts.push({ raw, marked: s.marked, stated: s.stated, last: i === cut.length - 1 });
    });
  }
  const texts =
    parts.length === 1 && normalised !== undefined && !/\+|\bcud\b/i.test(message)
      ? [normalised]
      : normalisePieces(parts.map((p) => p.raw));
  const out: Piece[] = [];
  parts.forEach(({ raw, marked, stated, last }, i) => {
    const text = texts[i]?.replace(FILLER, "").trim();
    if (!text) return;
    // The "?" ends the last clause; an earlier one is asked only if it opens as a question.
    const p = readPiece(raw, text, { marked: marked && last, stated });
    out.push(marked && !last && (p.form === "wh" || p.form === "yesNo") ? { ...p, marked: true } : p);
  });
  return { whole: texts.filter((t) => t).join(" "), pieces: out };
}

/** Is the piece asking something (a question, a request or a fragment asked)? */
export const asks = (p: Piece): boolean => p.form !== "statement";
