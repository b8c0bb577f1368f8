import type { Role, RoleList } from "../catalogue/schema.ts";
import { normalise, typoDistance } from "./text.ts";

export interface RoleMention {
  /** The canonical role, or null when the person says they are not working. */
  role: Role | null;
  /** What was read, and how. */
  matched: string;
  how: "title" | "synonym" | "fuzzy" | "not working";
  start: number;
  end: number;
}

const NOT_WORKING =
  /\b(not (working|employed|in work)( yet| at the moment| right now| currently)?|unemployed|between jobs|out of work|(?<!not )looking for (a )?(job|work)|(still|im|i am) (at|in) (school|college|uni|university|sixth form)|still in (sixth form|school|college|education)|(i'?m|im|i am) a (student|school leaver)|havent (got|found) a job|dont have a job|no job( yet)?|job ?seeker)\b/;

/** Words near a role's word that are words of their own, never a misspelling of it. */
const REAL_WORDS = new Set(["trainer", "trainers", "training", "trained", "traineeship"]);

/** Words that are never a role on their own, even when a short synonym is one typo away. */
const NOT_ROLE_WORDS = new Set([
  "a",
  "i",
  "im",
  "am",
  "the",
  "and",
  "to",
  "at",
  "in",
  "on",
  "for",
  "my",
  "got",
  "level",
  "years",
  "year",
  "months",
  "nvq",
  "unit",
  "units",
  "have",
  "been",
  "here",
  "work",
  "working",
  "centre",
  "contact",
  "call",
]);

/**
 * Ways people name a role that the catalogue's synonyms do not list: wording for understanding only,
 * not facts about the roles (those live in data/roles.json with their sources).
 */
const EXTRA_SYNONYMS: Record<string, string[]> = {
  "Contact Centre Agent": ["call centre operator", "contact centre operator", "call taker", "phone agent"],
  "Sales Team Leader": ["sales tl"],
  "Customer Service Team Leader": ["customer service tl"],
  "Contact Centre Team Leader": ["contact centre tl", "call centre tl"],
  "Key Account Manager": ["key accounts manager"],
  "Senior Planner": ["snr planner"],
  "Contact Centre Manager": ["cc manager", "call centre manager"],
  "Senior Contact Centre Manager": [
    "senior cc manager",
    "head of contact centre",
    "head of the contact centre",
    "head of the call centre",
    "head of call centre",
  ],
  "Telephone Banking Advisor": ["telephone banking", "phone banking"],
  "Telesales Operator": ["cold calling", "cold caller"],
  "Help Desk Operative": ["help desk operator", "helpdesk operator", "service desk analyst"],
  "Customer Service Advisor": [
    "cs advisor",
    "cs adviser",
    "customer services advisor",
    "customer services adviser",
  ],
};

interface Name {
  role: Role;
  name: string;
  words: string[];
  how: "title" | "synonym";
}

const namesCache = new WeakMap<RoleList, Name[]>();
function namesOf(roles: RoleList): Name[] {
  let names = namesCache.get(roles);
  if (!names) {
    names = roles.roles.flatMap((role) => [
      { role, name: normalise(role.title), words: normalise(role.title).split(" "), how: "title" as const },
      ...[...role.synonyms, ...(EXTRA_SYNONYMS[role.title] ?? [])].map((s) => ({
        role,
        name: normalise(s),
        words: normalise(s).split(" "),
        how: "synonym" as const,
      })),
    ]);
    // Longest names first, so "sales team leader" wins over "team leader".
    names.sort((a, b) => b.name.length - a.name.length);
    namesCache.set(roles, names);
  }
  return names;
}

/** Where each first word of a name starts names in `names` (indexes, in order). */
const firstWordsCache = new WeakMap<Name[], Map<string, number[]>>();
function firstWordsOf(names: Name[]): Map<string, number[]> {
  let index = firstWordsCache.get(names);
  if (!index) {
    index = new Map();
    for (const [i, n] of names.entries()) {
      const first = n.words[0] ?? "";
      index.set(first, [...(index.get(first) ?? []), i]);
    }
    firstWordsCache.set(names, index);
  }
  return index;
}

/**
 * For a word of the text, the words of role names it could be a misspelling of (one typo per five
 * letters, names' words of four letters or more), with the distance: worked out once per word, so a
 * message costs a lookup per word and name instead of an edit distance.
 */
const nearCache = new WeakMap<RoleList, (w: string) => Map<string, number>>();
function nearWords(roles: RoleList, names: Name[]): (w: string) => Map<string, number> {
  const cached = nearCache.get(roles);
  if (cached) return cached;
  const known = new Map<string, Map<string, number>>();
  const vocabulary = [...new Set(names.flatMap((n) => n.words))].filter((x) => x.length >= 4);
  const near = (w: string) => {
    let found = known.get(w);
    if (!found) {
      found = new Map();
      for (const want of vocabulary) {
        const allowed = Math.max(1, Math.floor(want.length / 5));
        if (Math.abs(w.length - want.length) > allowed) continue;
        const d = typoDistance(w, want);
        if (d <= allowed) found.set(want, d);
      }
      if (known.size > 20_000) known.clear();
      known.set(w, found);
    }
    return found;
  };
  nearCache.set(roles, near);
  return near;
}

/**
 * The job role named in already-normalised text: a title or synonym (longest first), else a
 * misspelling within one edit per five letters of a name of two or more words or of six letters or
 * more, else "not working". Undefined when the text names none.
 */
export function roleIn(
  roles: RoleList,
  text: string,
  opts: { ambiguous?: "skip" | "first"; plurals?: boolean } = {},
): RoleMention | undefined {
  const nw = NOT_WORKING.exec(text);
  if (nw)
    return { role: null, matched: nw[0], how: "not working", start: nw.index, end: nw.index + nw[0].length };
  const names = namesOf(roles);
  const near = nearWords(roles, names);
  const words = text.split(" ");
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < words.length; at += (words[i] as string).length + 1, i++) offsets.push(at);
  // Every name, exact or misspelt, over every span of the same number of words; the widest span
  // wins ("custmer servise team leader" over the exact "team leader"), then the fewest typos.
  let best: { mention: RoleMention; words: number; d: number; vague: boolean } | undefined;
  // The words of the text and what each could be a misspelling of, looked up once: a name with a word
  // none of them can be is skipped without trying every position.
  // ("I'm a trainer": a word of its own, not a misspelt "trainee".)
  const nears = words.map((w) => (REAL_WORDS.has(w) ? new Map<string, number>() : near(w)));
  const reach = new Set<string>(words);
  for (const m of nears) for (const key of m.keys()) reach.add(key);
  // (Only names whose first word is within reach can match: those, in the order of `names`.)
  const byFirst = firstWordsOf(names);
  const order: number[] = [];
  for (const w of reach) for (const at of byFirst.get(w) ?? []) order.push(at);
  order.sort((a, b) => a - b);
  for (const at of order) {
    const n = names[at] as Name;
    const nameWords = n.words;
    const k = nameWords.length;
    if (!nameWords.every((x) => reach.has(x))) continue;
    for (let i = 0; i + k <= words.length; i++) {
      let d = 0;
      for (let j = 0; j < k; j++) {
        const w = words[i + j] ?? "";
        const want = nameWords[j] ?? "";
        if (w === want) continue;
        // "I coach new starters", "I manage 3 team leaders": people in the plural are not one's own job.
        if (opts.plurals === false && w === `${want}s` && j === k - 1) {
          d = -1;
          break;
        }
        // A word may carry one typo per five letters; short words and lone common words must be exact.
        const wd =
          k === 1 && (n.name.length < 6 || NOT_ROLE_WORDS.has(w)) ? undefined : nears[i + j]?.get(want);
        if (wd === undefined) {
          d = -1;
          break;
        }
        d += wd;
      }
      if (d < 0) continue;
      // "not a team leader", "want to become a team leader": not the role the person has.
      // ("after 3 years as an agent": a job done before the one now.)
      const before = words.slice(Math.max(0, i - 6), i).join(" ");
      if (
        /\b(not|no longer|never been|isnt|wasnt|former|formerly|ex|previously|used to be|retired)( an?| the)?$|\b(become|becoming|be|to be|into|towards|(?<!(got|been|was|just|recently) )promoted to|step up to|move up to|(route|path|way|progress|progressing|progression|step|stepping|get|getting|go|going|move|moving|work up|working up) to)( an?| the)?$|\bafter (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)( and a half)? (years?|yrs?|months?|mths?) (as|being)( an?| the)?$/.test(
          before,
        )
      )
        continue;
      // ("our quality team lead", "a compliance supervisor": a team of another function.)
      if (
        /^(team leader|team lead|tl|supervisor|team manager)$/.test(n.name) &&
        /^(quality|compliance|training|hr|it|finance|admin|warehouse|retail|store|shop|kitchen|marketing|legal|payroll|logistics|production)$/.test(
          words[i - 1] ?? "",
        )
      )
        continue;
      // "would the help desk route suit me?", "a senior planner job is coming up": a kind of work or an
      // opening named, not the job held.
      if (
        /^(routes?|paths?|pathways?|track|side|options?|vacanc(y|ies)|courses?|apprenticeships?|qualifications?|(jobs?|roles?|posts?|positions?) (is |are |has |have )?(coming up|come up|going|advertised|available|open))\b/.test(
          words.slice(i + k, i + k + 5).join(" "),
        )
      )
        continue;
      // ("senior planner in workforce management": a title wins over a name shared by two titles.)
      const vague = n.how !== "title" && AMBIGUOUS_NAMES.has(words.slice(i, i + k).join(" "));
      if (
        !best ||
        k > best.words ||
        (k === best.words && (d < best.d || (d === best.d && best.vague && !vague)))
      ) {
        const matched = words.slice(i, i + k).join(" ");
        const at = offsets[i] ?? 0;
        best = {
          mention: {
            role: n.role,
            matched,
            how: d === 0 ? n.how : "fuzzy",
            start: at,
            end: at + matched.length,
          },
          words: k,
          d,
          vague,
        };
      }
    }
  }
  // "CSA" (customer service advisor or agent?), "planner" (senior planner or resource scheduling?):
  // names that could be two titles are left for the bot to ask about.
  // (In answer to "what is your role?", the first reading is kept: the bot confirms it.)
  if (
    opts.ambiguous === "skip" &&
    best &&
    best.mention.how !== "title" &&
    AMBIGUOUS_NAMES.has(best.mention.matched)
  )
    return undefined;
  return best?.mention;
}

/** Whether a role was read from a name shared by two titles ("workforce planner"): the bot confirms it. */
export const twoTitleName = (m: RoleMention) => m.how !== "title" && AMBIGUOUS_NAMES.has(m.matched);

/** Short names shared by two titles (test/nlu/SLOTS.md: leave the role out unless the message settles it). */
const AMBIGUOUS_NAMES = new Set([
  "csa",
  "csas",
  "planner",
  "workforce planner",
  "resource planner",
  "workforce management",
]);
