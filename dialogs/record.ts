import { messagesOf } from "./actions/common.ts";
import { transferAnswer } from "./actions/questions.ts";
import type { AdvisorServices } from "./advice.ts";
import {
  checkFor,
  intervalText,
  planFor,
  profileFacts,
  recommendationCard,
  recommendFor,
  unitIds,
} from "./advice.ts";
import { recordCard, type SessionRecordFacts } from "./messages/record.ts";
import type { AdvisorContext, SessionRecordCard } from "./types.ts";

/**
 * What the adviser's session record holds, as data: profile, recommendations with their quoted reasons,
 * the checked plan, next steps, and any progression discussed.
 */
export function sessionRecordFacts(c: AdvisorContext, s: AdvisorServices): SessionRecordFacts {
  const p = profileFacts(c);
  const title = (id: string) => s.catalogue.entries.get(id)?.title.value ?? id;
  // Recommendations, plans and checks are pure: recompute what was shown from its ids.
  const card = recommendationCard(s, messagesOf(c), recommendFor(s, c, c.today), 12);
  // As they stand now: a fact corrected after they were shown re-ranks them.
  const recs = c.shown.recommendations ? card.items.slice(0, 3) : [];
  // The units now under discussion (a plan taken, or units checked) for the chosen qualification; else
  // the last plan shown for it; else the last check or plan of the session (a later question, or going
  // back to the suggestions, never loses it).
  const shownUnits =
    c.qualificationId && c.units?.length
      ? { qualificationId: c.qualificationId, units: c.units }
      : c.shown.plan && c.shown.plan.qualificationId === c.qualificationId
        ? c.shown.plan
        : (c.shown.check ?? c.shown.plan ?? null);
  const checked = shownUnits ? checkFor(s, shownUnits.qualificationId, shownUnits.units, c) : undefined;
  const planned = !checked && c.qualificationId ? planFor(s, c, c.qualificationId) : undefined;
  let plan: SessionRecordFacts["plan"] = null;
  if (checked?.kind === "checked") {
    const k = checked.result;
    plan = {
      kind: "checked",
      title: k.title,
      units: unitIds(k),
      credits: intervalText(k.totals.credits),
      verdict: k.verdict,
      broken: k.violations.map((v) => ({ message: v.message, ...(v.fix ? { fix: v.fix } : {}) })),
      unconfirmed: k.rules.filter((r) => r.status === "unknown").map((r) => r.message),
    };
  } else if (planned?.kind === "plan" && planned.result.status !== "planned")
    plan = { kind: "undetermined", title: title(planned.entry.id), reason: planned.result.reason ?? "" };
  // The next step of the qualification chosen (whether or not it was recommended), else the top one.
  const next = card.items.find((r) => r.qualificationId === c.qualificationId) ?? recs[0];
  return {
    learnerName: c.learnerName,
    ...(c.group ? { group: c.group } : {}),
    ...(c.group && c.level === undefined && c.skipped.includes("level") ? { levelVaries: true } : {}),
    date: c.today,
    profile: {
      role: p.role,
      notWorking: p.role === null && c.role === null,
      otherJob: p.role === null && !!c.otherJob,
      ...(c.pastRole ? { pastRole: c.pastRole } : {}),
      experienceMonths: p.experienceMonths,
      level: p.level,
      qualificationsHeld: p.qualificationsHeld.map(title),
      unitsHeld: c.heldUnits.map((h) => ({
        units: h.units,
        title: h.qualificationId ? title(h.qualificationId) : null,
      })),
      working: p.workingInContactCentre,
      apprenticeship: p.apprenticeship,
      nation: p.nation,
      age: p.age,
    },
    recommendations: recs.map((r) => ({
      qualificationId: r.qualificationId,
      title: r.title,
      reasons: r.reasons,
      cautions: r.cautions,
    })),
    plan,
    nextStep: next?.nextStep ?? null,
    answers: c.shown.answers ?? [],
    progression: c.shown.transfer
      ? transferAnswer(c, s, c.shown.transfer)
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
      : null,
  };
}

/** The adviser's session record, in the conversation's language. */
export function sessionRecord(c: AdvisorContext, s: AdvisorServices): SessionRecordCard {
  return recordCard(messagesOf(c), sessionRecordFacts(c, s));
}
