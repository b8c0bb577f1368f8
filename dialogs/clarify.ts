import type { AdvisorServices } from "../src/advice/services.ts";
import { normalise } from "../src/nlu/text.ts";
import type { ClarifyOption } from "./types.ts";

/**
 * A reply to "which one do you mean?", read against the options the bot offered: by number, awarding
 * body ("OCR", "City & Guilds"), level, kind ("the NVQ", "the diploma") or position ("the first one").
 */
export type ClarifyAnswer =
  | { kind: "chosen"; option: ClarifyOption }
  | { kind: "narrowed"; options: ClarifyOption[] }
  | { kind: "none" }
  | { kind: "unmatched" };

const BODIES: [RegExp, string][] = [
  [/\bocr\b/, "ocr-"],
  [/\b(cityguilds|city|guilds|cg)\b/, "cg-"],
  [/\b(iq|industry qualifications)\b/, "iq-"],
  [/\b(welsh|wales|cymru)\b/, "wales-"],
];
const KINDS: [RegExp, (title: string, type: string) => boolean][] = [
  [/\b(nvq|svq)s?\b/, (t) => /\bNVQ\b/.test(t)],
  [/\b(principles|knowledge|theory)\b/, (t) => /Principles/.test(t)],
  [/\bdiploma\b/, (t) => /Diploma/.test(t)],
  [/\b(apprenticeships?|pathway)\b/, (_t, type) => type === "pathway"],
];
const ORDINALS: [RegExp, (n: number) => number][] = [
  [/\b(first|1st|top)\b/, () => 0],
  [/\b(second|2nd|middle)\b/, () => 1],
  [/\b(third|3rd)\b/, () => 2],
  [/\b(last|bottom)\b/, (n) => n - 1],
];
const NONE =
  /^(no|nope|nah|neither|none|none of (them|those|these)|not (them|those|any|either)|never ?mind|nvm|no thanks|no ta|forget it|not that|neither of them)( (thanks|thank you|ta|one|of them|of those))*$/;

export function readClarifyAnswer(
  services: AdvisorServices,
  text: string,
  options: ClarifyOption[],
): ClarifyAnswer {
  const t = normalise(text);
  if (NONE.test(t)) return { kind: "none" };
  const digits = (s: string) => s.replace(/\D/g, "");
  const exact = options.filter(
    (o) =>
      t === normalise(o.value) ||
      t === normalise(o.label) ||
      (digits(t).length >= 5 && digits(t).includes(digits(o.qualificationId))),
  );
  if (exact.length === 1 && exact[0]) return { kind: "chosen", option: exact[0] };
  for (const [re, at] of ORDINALS)
    if (re.test(t) && !/\blevel\b/.test(t)) {
      const o = options[at(options.length)];
      if (o) return { kind: "chosen", option: o };
    }
  let left = options;
  let said = false;
  const entry = (o: ClarifyOption) => services.catalogue.entries.get(o.qualificationId);
  for (const [re, prefix] of BODIES)
    if (re.test(t)) {
      said = true;
      left = left.filter((o) => o.qualificationId.startsWith(prefix));
    }
  const level = /\b(?:level|lvl|l) ?([1-8])\b|^(?:the )?([1-8])(?: one)?$/.exec(t);
  const n = Number(level?.[1] ?? level?.[2] ?? Number.NaN);
  if (!Number.isNaN(n) && options.some((o) => entry(o)?.level.value === n)) {
    said = true;
    left = left.filter((o) => entry(o)?.level.value === n);
  }
  for (const [re, fits] of KINDS)
    if (re.test(t)) {
      said = true;
      left = left.filter((o) => {
        const e = entry(o);
        return !!e && fits(e.title.value, e.type);
      });
    }
  if (!said || left.length === 0) return { kind: "unmatched" };
  if (left.length === 1 && left[0]) return { kind: "chosen", option: left[0] };
  return left.length < options.length ? { kind: "narrowed", options: left } : { kind: "unmatched" };
}
