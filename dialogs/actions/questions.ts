/** Questions at any point: what next, units in, a unit, compare, together, definitions. */
import type { TransferResult } from "../../src/advice/progression.ts";
import type { Term } from "../../src/nlu/intents.ts";
import { describeRule } from "../../src/rules/describe.ts";
import { resolveUnits } from "../../src/rules/index.ts";
import {
  type AdvisorServices,
  engineQualification,
  heldIn,
  intervalText,
  transferFor,
  unitLabel,
  unitPickerCard,
} from "../advice.ts";
import type { Asked } from "../asked.ts";
import type { Messages } from "../messages/en.ts";
import type { AdvisorContext, AdvisorEvent } from "../types.ts";
import { compared, detailsAnswer, eligibilityAnswer } from "./answers.ts";
import { type Act, messagesOf, say, text, uOf } from "./common.ts";

const askedOf = (e: AdvisorEvent): Asked => (e.type === "ASK" && e.asked) || { aspects: [], suppose: {} };

// ——— Questions at any point ———

export const answerQuestion: Act = (c, e, s) => {
  const u = uOf(e);
  if (!u) return {};
  const m = messagesOf(c);
  const reply = (t: string) => say(text(t));
  const id = u.qualification ?? u.qualifications?.[0] ?? c.qualificationId ?? undefined;
  switch (u.intent) {
    case "define":
      return reply(m.define[(u.term ?? "credit") as Term]);
    case "unitsIn": {
      if (!id) return reply(m.unknownQualification);
      const entry = s.catalogue.entries.get(id);
      const q = engineQualification(s, id);
      if (!entry) return reply(m.unknownQualification);
      if (!q)
        return reply(
          entry.type === "pathway" ? m.notAQualification(entry.title.value) : m.noUnitList(entry.title.value),
        );
      const groups = [...q.groupNames.entries()].map(([g, name]) => {
        const units = (q.groupUnits.get(g) ?? []).map((i) => {
          const x = q.units[i];
          return `  ${x?.number ?? x?.ref ?? ""} ${x?.title ?? ""} (${x ? intervalText({ min: x.credits.min, max: Number.isFinite(x.credits.max) ? x.credits.max : null }) : "?"} credits)`;
        });
        return [`${name}:`, ...units].join("\n");
      });
      const rules = q.rules.map((r) => `• ${describeRule(q, r)}`);
      return {
        ...say({
          kind: "card",
          text: [m.unitsInIntro(entry.title.value, q.units.length), ...groups, "Rules:", ...rules].join("\n"),
          card: unitPickerCard(q, []),
        }),
      };
    }
    case "whatIsUnit": {
      const ids = id ? [id] : [...s.catalogue.entries.keys()];
      for (const qid of ids) {
        const q = engineQualification(s, qid);
        if (!q || !u.units?.length) continue;
        try {
          const [i] = resolveUnits(q, u.units.slice(0, 1));
          const x = q.units[i ?? -1];
          if (!x) continue;
          const partners = (q.exclusivePartners[x.index] ?? []).map((p) => q.units[p]?.label ?? "");
          return reply(
            m.unitAbout([
              `${x.label} — ${q.entry.title.value}`,
              `Group: ${q.groupNames.get(x.group) ?? x.group}`,
              `Credits: ${intervalText({ min: x.credits.min, max: Number.isFinite(x.credits.max) ? x.credits.max : null })}; level: ${x.level ?? (x.inferredLevel ? `${x.inferredLevel} (inferred)` : "not in our sources")}; GLH: ${x.glh ? intervalText({ min: x.glh.min, max: x.glh.max }) : "not in our sources"}`,
              ...(partners.length ? [`Barred with: ${partners.join("; ")}`] : []),
            ]),
          );
        } catch {
          // Not a unit of this qualification: try the next.
        }
      }
      return reply(m.unknownUnit(u.units?.join(", ") ?? "that unit"));
    }
    case "compare": {
      const entries = compared(c, u, askedOf(e), s).flatMap((x) => s.catalogue.entries.get(x) ?? []);
      const [ea, eb] = entries;
      if (!ea || !eb) return reply(m.unknownQualification);
      const row = (e: NonNullable<typeof ea>) => {
        const parts = [`Level ${e.level.value ?? "?"}`];
        if (e.type === "qualification") {
          parts.push(e.qualificationKind.value);
          if (e.creditValue?.value !== undefined) parts.push(`${e.creditValue.value} credits`);
          if (e.glh) parts.push(`GLH ${e.glh.value ?? `${e.glh.min}–${e.glh.max}`}`);
          if (e.minimumAge?.value !== undefined) parts.push(`minimum age ${e.minimumAge.value}`);
          if (e.operationalEnd?.value) parts.push(`operational until ${e.operationalEnd.value}`);
          parts.push(e.units ? `${e.units.length} units` : "unit list not in our sources");
        } else parts.push("apprenticeship pathway");
        if (e.jobRoles.length) parts.push(`job roles: ${e.jobRoles.map((r) => r.value).join(", ")}`);
        return `• ${e.title.value}: ${parts.join("; ")}`;
      };
      return reply(
        [
          m.compareIntro(
            ea.title.value,
            entries
              .slice(1)
              .map((x) => x.title.value)
              .join(" and "),
          ),
          ...entries.map(row),
        ].join("\n"),
      );
    }
    case "together": {
      const units = u.units ?? [];
      const qid = id ?? c.qualificationId;
      if (units.length >= 2 && !qid)
        return reply(m.whichQualificationForTogether(units.slice(0, 2).join(" and ")));
      if (units.length < 2 || !qid) return reply(m.together.needTwo);
      const q = engineQualification(s, qid);
      if (!q) return reply(m.unknownQualification);
      try {
        const [a, b] = resolveUnits(q, units.slice(0, 2));
        const ua = q.units[a ?? -1];
        const ub = q.units[b ?? -1];
        if (!ua || !ub) return reply(m.together.needTwo);
        const rule = q.rules.find(
          (r) => r.rule === "barred" && r.units.includes(ua.key) && r.units.includes(ub.key),
        );
        if (rule?.rule === "barred") {
          return reply(
            rule.effect === "exclusive"
              ? m.together.barred(ua.label, ub.label, rule.source.quote)
              : rule.effect === "exclusiveCountOne"
                ? m.together.exclusiveCountOne(
                    ua.label,
                    ub.label,
                    rule.source.quote,
                    rule.countSource?.quote ?? rule.source.quote,
                  )
                : m.together.countOne(ua.label, ub.label, rule.source.quote),
          );
        }
        return reply(m.together.fine(ua.label, ub.label));
      } catch (err) {
        return reply(err instanceof Error ? err.message : m.together.needTwo);
      }
    }
    case "whatNext": {
      const from = u.qualificationsHeld?.[0] ?? u.qualification ?? c.qualificationsHeld[0];
      if (from) return showTransfer(c, s, from);
      // "Which of my units count?" while planning a qualification they hold units of, not one they hold.
      const target = c.qualificationId ? engineQualification(s, c.qualificationId) : undefined;
      if (target && c.heldUnits.length)
        return reply(
          m.heldCountTowards(
            target.entry.title.value,
            heldIn(s, c, target).map((i) => unitLabel(target, target.units[i]?.key ?? "")),
          ),
        );
      return reply(m.whatNextNoFrom);
    }
    case "eligibility":
      return reply(eligibilityAnswer(c, u, askedOf(e), s));
    case "details":
      return reply(detailsAnswer(c, u, askedOf(e), s));
    default:
      return reply(m.cannotAnswerYet);
  }
};

/** "No ta" to an offer ("pick one", "shall I apply the fix?", "anything else?"): a polite close, no re-prompt. */
export const sayPoliteClose: Act = (c) => say(text(messagesOf(c).answers.politeClose));

/** The units the learner holds of a qualification: given with it, or by QCF references that are in it. */
export function heldUnitsOfQualification(c: AdvisorContext, s: AdvisorServices, id: string): string[] {
  const own = c.heldUnits.filter((h) => h.qualificationId === id).flatMap((h) => h.units);
  const q = engineQualification(s, id);
  const refs = q
    ? c.heldUnits
        .filter((h) => h.qualificationId === null)
        .flatMap((h) => h.units)
        .filter((x) => q.units.some((v) => v.ref === x))
    : [];
  return [...new Set([...own, ...refs])];
}

/** What comes after a qualification, with the units held that count towards each next step. */
export function transferAnswer(c: AdvisorContext, s: AdvisorServices, from: string): string {
  const t = transferFor(s, from, heldUnitsOfQualification(c, s, from));
  return "error" in t ? t.error : transferText(messagesOf(c), t, s);
}

export const showTransfer = (
  c: AdvisorContext,
  s: AdvisorServices,
  from: string,
): Partial<AdvisorContext> => ({
  ...say(text(transferAnswer(c, s, from))),
  shown: { ...c.shown, transfer: from },
});

/** Units held of a qualification held: which of them count towards what comes next. */
export const answerHeldUnits: Act = (c, e, s) => {
  if (e.type !== "HOLD_UNITS" || !e.held.qualificationId) return {};
  return c.qualificationsHeld.includes(e.held.qualificationId)
    ? showTransfer(c, s, e.held.qualificationId)
    : {};
};

/** "unit 10 (Title) → unit 12, same QCF reference": the title once when both units share it. */
function matchText(x: { fromUnit: string; toUnit: string; basis: string }): string {
  const title = (u: string) => /\((.*)\)$/.exec(u)?.[1];
  const to = title(x.fromUnit) === title(x.toUnit) ? x.toUnit.replace(/ \(.*\)$/, "") : x.toUnit;
  return `${x.fromUnit} → ${to} (${x.basis})`;
}

function transferText(m: Messages, t: TransferResult, _s: AdvisorServices): string {
  if (!t.next.length) return m.noNext(t.from.title);
  const lines = [m.transferIntro(t.from.title)];
  if (!t.heldGiven && t.held.length) lines.push(m.onlyMandatoryHeld(t.held.join(", ")));
  for (const n of t.next) {
    lines.push(`→ ${n.title}: ${n.route.text}`);
    if (n.jobRoles.length) lines.push(`   Job roles: ${n.jobRoles.join(", ")}`);
    if (n.note) lines.push(`   ${n.note}`);
    if (n.counts.length)
      lines.push(
        `   Units that count (${intervalText(n.creditsCarried)} credits carried): ${n.counts.map(matchText).join("; ")}`,
      );
    else if (n.mayCount.length)
      lines.push(`   Would count if you hold them: ${n.mayCount.map(matchText).join("; ")}`);
    if (n.plan?.status === "planned" && n.plan.plan)
      lines.push(
        `   Cheapest completion: add ${n.plan.plan.added.join(", ")} (${intervalText(n.plan.totalCredits)} credits, ${intervalText(n.plan.totalGlh)} GLH, ${n.plan.verdict}).`,
      );
  }
  if (t.beyond.length) lines.push(`Beyond these: ${t.beyond.join("; ")}`);
  return lines.join("\n");
}
