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
import type { AdvisorContext } from "./types.ts";

/** The adviser's session record, as Markdown: profile, recommendations with reasons, checked plan, next steps. */
export function sessionRecord(c: AdvisorContext, s: AdvisorServices): string {
  const p = profileFacts(c);
  const title = (id: string) => s.catalogue.entries.get(id)?.title.value ?? id;
  const yesNo = (v: boolean | null) => (v === null ? "not known" : v ? "yes" : "no");
  const lines = [
    `# Session record${c.learnerName ? `: ${c.learnerName}` : ""}`,
    "",
    `Date: ${c.today}`,
    "",
    "## Profile",
    "",
    "| | |",
    "|---|---|",
    `| Job role | ${p.role === null ? (c.role === null ? "not working yet" : "not known") : p.role} |`,
    `| Experience | ${p.experienceMonths === null ? "not known" : `${p.experienceMonths} months`} |`,
    `| Highest level held | ${p.level === null ? "not known" : p.level === 0 ? "none" : `Level ${p.level}`} |`,
    `| Qualifications held | ${p.qualificationsHeld.length ? p.qualificationsHeld.map(title).join("; ") : "none named"} |`,
    `| Units held | ${
      c.heldUnits.length
        ? c.heldUnits
            .map((h) => `${h.units.join(", ")}${h.qualificationId ? ` (${title(h.qualificationId)})` : ""}`)
            .join("; ")
        : "none named"
    } |`,
    `| Works in a contact centre | ${yesNo(p.workingInContactCentre)} |`,
    `| Apprenticeship interest | ${yesNo(p.apprenticeship)} |`,
    `| Nation | ${p.nation ?? "not known"} |`,
    `| Age | ${p.age ?? "not known"} |`,
    "",
    "## Recommendations",
    "",
  ];
  // Recommendations, plans and checks are pure: recompute what was shown from its ids.
  const card = recommendationCard(s, recommendFor(s, c, c.today), 12);
  // As they stand now: a fact corrected after they were shown re-ranks them.
  const recs = c.shown.recommendations ? card.items.slice(0, 3) : [];
  if (recs.length) {
    recs.forEach((r, i) => {
      lines.push(`${i + 1}. **${r.title}** (${r.qualificationId})`);
      for (const x of r.reasons)
        lines.push(`   - ${x.text}${x.quote ? ` — “${x.quote}” (${x.source})` : ""}`);
      for (const x of r.cautions) lines.push(`   - Caution: ${x.text}`);
    });
  } else lines.push("None made in this session.");
  lines.push("", "## Unit plan", "");
  // The units now under discussion (a plan taken, or units checked) for the chosen qualification; else
  // the last plan shown for it.
  const shownUnits =
    c.qualificationId && c.units?.length
      ? { qualificationId: c.qualificationId, units: c.units }
      : c.shown.plan && c.shown.plan.qualificationId === c.qualificationId
        ? c.shown.plan
        : null;
  const checked = shownUnits ? checkFor(s, shownUnits.qualificationId, shownUnits.units, c) : undefined;
  const planned = !checked && c.qualificationId ? planFor(s, c, c.qualificationId) : undefined;
  if (checked?.kind === "checked") {
    const k = checked.result;
    lines.push(
      `${k.title}: units ${unitIds(k).join(", ")} (${intervalText(k.totals.credits)} credits) — rules engine verdict **${k.verdict}**.`,
    );
    for (const v of k.violations) lines.push(`- Broken: ${v.message}${v.fix ? ` Fix: ${v.fix}` : ""}`);
    const unknown = k.rules.filter((r) => r.status === "unknown");
    for (const r of unknown) lines.push(`- Not confirmed: ${r.message}`);
  } else if (planned?.kind === "plan" && planned.result.status !== "planned")
    lines.push(
      `${title(planned.entry.id)}: no plan can be worked out from our sources. ${planned.result.reason ?? ""}`,
    );
  else lines.push("No unit plan in this session.");
  lines.push("", "## Next steps", "");
  // The next step of the qualification chosen (whether or not it was recommended), else the top one.
  const next = card.items.find((r) => r.qualificationId === c.qualificationId) ?? recs[0];
  lines.push(
    next ? `- ${next.nextStep}` : "- Decide on a qualification (ask the advisor for a recommendation).",
  );
  if (c.shown.transfer)
    lines.push("", "## Progression discussed", "", "```", transferAnswer(c, s, c.shown.transfer), "```");
  return lines.join("\n");
}
