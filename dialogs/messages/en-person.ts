// Who the English words speak of: "you" to a learner, the learner by name (or "the learner") to a
// careers adviser, parent or manager writing about someone else. One place picks the person; en.ts and
// the domain's sentences (reasons, rule messages, next steps) take their words from it.
import type { Who } from "./messages.ts";

/** The words for one person, as English sentences need them. */
export interface PersonWords {
  /** Spoken to ("you"), not of. */
  second: boolean;
  /** Subject: "you", "Jake", "the learner", "she". */
  subj: string;
  /** Object: "you", "Jake", "the learner", "her". */
  obj: string;
  /** Possessive: "your", "Jake's", "the learner's", "her". */
  poss: string;
  /** Standalone possessive: "yours", "Jake's", "the learner's", "hers". */
  own: string;
  /** A verb in the present agreeing with the subject: "are" → "is", "hold" → "holds" in the third person. */
  verb: (base: string) => string;
}

// Verbs whose third-person singular is not the base form plus "s".
const IRREGULAR: Record<string, string> = {
  are: "is",
  were: "was",
  have: "has",
  do: "does",
  "don't": "doesn't",
  "aren't": "isn't",
  "haven't": "hasn't",
  "weren't": "wasn't",
};
// Verbs the same in every person (modals and the past).
const SAME = new Set([
  "may",
  "might",
  "can",
  "could",
  "will",
  "would",
  "should",
  "must",
  "did",
  "didn't",
  "can't",
  "won't",
  "took",
  "had",
  "held",
  "worked",
  "wanted",
  "said",
]);
// Verbs that take an "s": the ones the domain's sentences put after "you".
const REGULAR = new Set(["hold", "work", "want", "live", "need", "train", "take", "choose", "know", "plan"]);
const VERBS = [...Object.keys(IRREGULAR), ...SAME, ...REGULAR].join("|");

const third = (base: string): string =>
  IRREGULAR[base] ?? (SAME.has(base) ? base : /(s|sh|ch|x|o)$/.test(base) ? `${base}es` : `${base}s`);

export const YOU: Who = { person: "you", name: null };

/** The words for who a sentence speaks of. */
export function personWords(w: Who): PersonWords {
  if (w.person === "you")
    return { second: true, subj: "you", obj: "you", poss: "your", own: "yours", verb: (b) => b };
  // A group advised as one (an employer's 20 new starters): "your learners", with the plural verb.
  if (w.person === "group")
    return {
      second: false,
      subj: "your learners",
      obj: "your learners",
      poss: "your learners'",
      own: "your learners'",
      verb: (b) => b,
    };
  if (w.person === "learner") {
    // "Megan Evans" on the record; "Megan" in the conversation, as a person would say it.
    const name = w.name?.split(" ")[0] ?? "the learner";
    const poss = `${name}'s`;
    return { second: false, subj: name, obj: name, poss, own: poss, verb: third };
  }
  const pronoun = {
    she: { subj: "she", obj: "her", poss: "her", own: "hers" },
    he: { subj: "he", obj: "him", poss: "his", own: "his" },
    they: { subj: "they", obj: "them", poss: "their", own: "theirs" },
  }[w.person];
  // Singular "they" takes the plural verb: "they are", "they hold".
  return { second: false, ...pronoun, verb: w.person === "they" ? (b) => b : third };
}

/** A word with its first letter in capitals, as at the start of a sentence. */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const ADVERB = "(?: already| now| still| also| only)?";
const SUBJECT_VERB = new RegExp(`\\b(you|You)(${ADVERB}) (${VERBS})\\b(?: or (${VERBS})\\b)?`, "g");
const ASKED = /\b(are|were|do|have|Are|Were|Do|Have) you\b/g;

/**
 * A sentence written to the learner ("It is at Level 2, your level", "as you are", "Ask a centre to
 * register you"), in the words of the person it is about ("Jake's level", "as Jake is", "register
 * Jake"). Facts are untouched: only the person changes. A learner's own sentences come back as they are.
 */
export function inPerson(text: string, p: PersonWords): string {
  if (p.second) return text;
  const cased = (word: string, s: string) => (/^[A-Z]/.test(word) ? capital(s) : s);
  return text
    .replace(ASKED, (_all, aux: string) => `${cased(aux, p.verb(aux.toLowerCase()))} ${p.subj}`)
    .replace(
      SUBJECT_VERB,
      (_all, you: string, adverb: string, v1: string, v2: string | undefined) =>
        `${cased(you, p.subj)}${adverb} ${p.verb(v1)}${v2 ? ` or ${p.verb(v2)}` : ""}`,
    )
    .replace(/\b(Y|y)ours\b/g, (w) => cased(w, p.own))
    .replace(/\b(Y|y)our\b/g, (w) => cased(w, p.poss))
    .replace(/\b(Y|y)ou\b/g, (w) => cased(w, w === "You" ? p.subj : p.obj));
}
