import type { NumberFact, Rule, Source } from "../catalogue/schema.ts";
import type { EngineQualification } from "./model.ts";

const unitList = (q: EngineQualification, keys: readonly string[]) =>
  keys.map((k) => q.units[q.byKey.get(k) ?? -1]?.number ?? k).join(", ");

const groups = (gs: readonly string[]) =>
  gs.length === 1 ? `Group ${gs[0]}` : `Groups ${gs.slice(0, -1).join(", ")} or ${gs.at(-1)}`;

/** A rule in plain English, as `advisor show` and the bot state it. */
export function describeRule(q: EngineQualification, rule: Rule): string {
  switch (rule.rule) {
    case "mandatory":
      return `Mandatory: ${rule.units.length === 1 ? "unit" : "units"} ${unitList(q, rule.units)} must all be taken.`;
    case "totalCredits":
      return `At least ${rule.min} credits in total.`;
    case "levelCredits": {
      const r = q.reading;
      const reading = r.value === "at" ? `at Level ${rule.level} only` : `at Level ${rule.level} or above`;
      const how = r.proven
        ? `read as ${reading}`
        : `read as ${reading}; our sources do not say which reading is meant, so checks that depend on it stay unconfirmed`;
      return `At least ${rule.min} credits at Level ${rule.level} (${how}).`;
    }
    case "groupCredits": {
      const prior = rule.beyond ? q.rules.find((x) => x.id === rule.beyond) : undefined;
      if (prior?.rule === "groupCredits") {
        return `At least ${rule.min} more credits from ${groups(rule.groups)}, beyond the ${prior.min} from ${groups(prior.groups)}.`;
      }
      return `At least ${rule.min} credits from ${groups(rule.groups)}.`;
    }
    case "barred":
      if (rule.effect === "exclusive")
        return `Barred: units ${unitList(q, rule.units)}; take either, but not both.`;
      if (rule.effect === "exclusiveCountOne")
        return `Barred set ${rule.label ?? rule.id} (${unitList(q, rule.units)}): take no more than one; if two are already held, only one counts.`;
      return `Barred set ${rule.label ?? rule.id} (${unitList(q, rule.units)}): only one of them counts towards the credits.`;
    case "groupUnits":
      return rule.effect === "stopCounting"
        ? `Credit from no more than ${rule.max} units of Group ${rule.group} counts.`
        : `No more than ${rule.max} units from Group ${rule.group}.`;
  }
}

export function describeSource(s: Source): string {
  const where = s.section ? `${s.doc} ${s.section}` : s.doc;
  return `${where}${s.local ? ` (local: ${s.local})` : ""}: “${s.quote}”`;
}

/** "5", "2–3", "?" — with the fact's kind when it is not plainly stated. */
export function describeNumber(fact: NumberFact | undefined): string {
  if (!fact) return "?";
  const v = fact.value !== undefined ? String(fact.value) : `${fact.min}–${fact.max}`;
  const mark = fact.kind === "inferred" ? " (inferred)" : fact.source.local ? " (local)" : "";
  return `${v}${mark}`;
}
