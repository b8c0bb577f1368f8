import { answerCheck, entryOf } from "../../advice/requests.ts";
import type { AdvisorServices } from "../../advice/services.ts";
import type { Catalogue } from "../../catalogue/load.ts";
import type { Pathway, Qualification } from "../../catalogue/schema.ts";
import { describeNumber, describeRule, describeSource } from "../../rules/describe.ts";
import { compileQualification } from "../../rules/index.ts";
import type { CheckResult, RuleOutcome } from "../../rules/result.ts";
import { qualificationList } from "../answers.ts";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const ADVISOR_EXIT = { valid: 0, invalid: 1, badInput: 2, unconfirmed: 3 } as const;

export function runQualifications(catalogue: Catalogue, io: Io, json: boolean): number {
  const list = qualificationList(catalogue);
  if (json) {
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const rows = list.qualifications;
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.out(`${r.id.padEnd(width)}  ${r.title}\n`);
  return 0;
}

function showQualification(e: Qualification, io: Io): void {
  const q = compileQualification(e);
  const facts: [string, string | undefined][] = [
    ["Awarding body", e.awardingBody.value],
    [
      "Numbers",
      Object.entries(e.numbers)
        .map(([k, v]) => `${k} ${v?.value}`)
        .join("; ") || undefined,
    ],
    ["Level", describeNumber(e.level)],
    ["Kind", e.qualificationKind.value],
    ["Credits", e.creditValue ? describeNumber(e.creditValue) : undefined],
    ["GLH", e.glh ? describeNumber(e.glh) : undefined],
    ["TQT", e.tqt ? describeNumber(e.tqt) : undefined],
    ["Minimum age", e.minimumAge ? describeNumber(e.minimumAge) : undefined],
    [
      "Operational",
      e.operationalStart || e.operationalEnd
        ? `${e.operationalStart?.value ?? "?"} to ${e.operationalEnd?.value ?? "?"}`
        : undefined,
    ],
    ["Rules taken from", e.rulesDocument],
  ];
  for (const [k, v] of facts) if (v) io.out(`${k}: ${v}\n`);
  if (e.jobRoles.length) io.out(`Job roles: ${e.jobRoles.map((r) => r.value).join(", ")}\n`);
  for (const s of e.suits) io.out(`Suits: ${s.value}\n`);

  if (!e.units) {
    io.out("\nUnits: no unit list in our sources, so units cannot be checked.\n");
  } else {
    for (const g of e.groups) {
      const total = g.creditTotal ? ` — ${describeNumber(g.creditTotal)} credits in all` : "";
      io.out(`\n${g.name}${total}\n`);
      io.out(
        `  ${"unit".padEnd(12)} ${"credits".padEnd(9)} ${"level".padEnd(13)} ${"GLH".padEnd(7)} title\n`,
      );
      for (const u of e.units.filter((x) => x.group === g.id)) {
        const id = u.number ?? u.ref?.value ?? "";
        const ref = u.number ? (u.ref?.value ?? (u.ref?.oneOf ? `${u.ref.oneOf.join("|")}` : "")) : "";
        const engineUnit = q.units[q.byKey.get(id) ?? -1];
        const bound =
          engineUnit && !u.credits && Number.isFinite(engineUnit.credits.max)
            ? `≤${engineUnit.credits.max}`
            : "?";
        const credits = u.credits ? describeNumber(u.credits) : bound;
        const barred = u.barredSet ? ` [barred set ${u.barredSet}]` : "";
        io.out(
          `  ${id.padEnd(12)} ${credits.padEnd(9)} ${describeNumber(u.level).padEnd(13)} ${describeNumber(u.glh).padEnd(7)} ${u.title}${ref ? ` (${ref})` : ""}${barred}\n`,
        );
      }
    }
    io.out(
      "\n? = not in our sources; 2–3 = one of two units whose values differ; (inferred) = never used to prove a rule.\n",
    );
  }
  io.out("\nRules of combination\n");
  for (const r of e.rules) {
    io.out(`  • ${describeRule(q, r)}\n      ${describeSource(r.source)}\n`);
  }
  if (e.unknowns.length) io.out(`\nNot in our sources: ${e.unknowns.join("; ")}.\n`);
}

function showPathway(e: Pathway, io: Io): void {
  io.out(
    `Nation: ${e.nation}\nLevel: ${describeNumber(e.level)}\nTotal credits: ${describeNumber(e.totalCredits)}\n`,
  );
  io.out(
    `Training hours: ${describeNumber(e.onTheJobHours)} on the job + ${describeNumber(e.offTheJobHours)} off the job = ${describeNumber(e.totalHours)}\n`,
  );
  io.out("\nComponents\n");
  for (const c of e.components) {
    if (c.component === "qualification") {
      io.out(`  • ${c.name}, ${describeNumber(c.credits)} credits: one of ${c.oneOf.join(", ")}\n`);
    } else {
      io.out(
        `  • ${c.name}: Level ${describeNumber(c.level)}, ${describeNumber(c.credits)} credits, ${describeNumber(c.glh)} GLH\n`,
      );
    }
  }
  for (const s of e.suits) io.out(`Suits: ${s.value}\n`);
  if (e.jobRoles.length) io.out(`Progression roles: ${e.jobRoles.map((r) => r.value).join(", ")}\n`);
  io.out(`Source: ${e.sourceDocument}\n`);
}

export function runShow(catalogue: Catalogue, io: Io, id: string, json: boolean): number {
  const e = entryOf(catalogue, id);
  if (json) {
    io.out(`${JSON.stringify(e, null, 2)}\n`);
    return 0;
  }
  io.out(`${e.title.value} (${e.id})\n`);
  if (e.type === "qualification") showQualification(e, io);
  else showPathway(e, io);
  return 0;
}

const MARK: Record<RuleOutcome["status"], string> = { holds: "✔", fails: "✘", unknown: "?" };

function printCheck(r: CheckResult, io: Io): void {
  io.out(`${r.title} (${r.qualificationId})\n`);
  io.out(
    `Units: ${r.units.map((u) => `${u.number ?? u.unit}${u.counted ? "" : " (not counted)"}`).join(", ")}\n\n`,
  );
  for (const o of r.rules) {
    io.out(`${MARK[o.status]} ${o.rule}: ${o.message}\n`);
    if (o.status !== "holds") io.out(`    rule: “${o.wording}”\n`);
    if (o.fix) io.out(`    fix: ${o.fix}\n`);
  }
  for (const w of r.warnings) io.out(`! ${w.message}\n`);
  if (r.missingFacts.length) {
    io.out("\nNot in our sources, so not confirmed:\n");
    for (const f of r.missingFacts) io.out(`  - ${f}\n`);
  }
  if (r.localFacts.length) io.out(`\nRelies on local facts: ${r.localFacts.join("; ")}\n`);
  const summary = {
    valid: "VALID: every rule holds.",
    invalid: `INVALID: ${r.violations.length} rule${r.violations.length === 1 ? "" : "s"} broken.`,
    unconfirmed:
      "UNCONFIRMED: nothing is broken for certain, but some rules depend on facts our sources lack.",
  }[r.verdict];
  io.out(`\nVerdict: ${summary}\n`);
}

/** "4,6,10" as one argument means three units; titles with commas stay whole. */
function splitUnitArgs(args: readonly string[]): string[] {
  return args.flatMap((a) =>
    /^[\d\s,]+$/.test(a)
      ? a
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [a],
  );
}

export function runCheck(
  services: AdvisorServices,
  io: Io,
  id: string,
  units: readonly string[],
  json: boolean,
): number {
  const result = answerCheck(services, { qualification: id, units: splitUnitArgs(units) });
  if (json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else printCheck(result, io);
  return ADVISOR_EXIT[result.verdict];
}
