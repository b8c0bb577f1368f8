import type { Verdict } from "../../src/rules/index.ts";
import type {
  ReasonCard,
  RecordBlock,
  RecordPoint,
  RecordSection,
  RecordTone,
  SessionRecordCard,
} from "../types.ts";
import type { Messages } from "./messages.ts";

/** What the session record says, as data: no words yet (dialogs/record.ts gathers it). */
export interface SessionRecordFacts {
  learnerName: string | null;
  /** A group advised as one: its size when said. */
  group?: { size: number | null };
  /** The group's levels vary: none recorded. */
  levelVaries?: boolean;
  date: string;
  profile: {
    role: string | null;
    /** The learner said they are not working yet (role null because there is none). */
    notWorking: boolean;
    /** No contact-centre role, but a job elsewhere. */
    otherJob?: boolean;
    /** A contact-centre role held before, not now. */
    pastRole?: string;
    experienceMonths: number | null;
    level: number | null;
    /** Titles of the qualifications held. */
    qualificationsHeld: string[];
    unitsHeld: { units: string[]; title: string | null }[];
    working: boolean | null;
    apprenticeship: boolean | null;
    nation: string | null;
    age: number | null;
  };
  recommendations: {
    qualificationId: string;
    title: string;
    reasons: ReasonCard[];
    cautions: ReasonCard[];
  }[];
  plan:
    | {
        kind: "checked";
        title: string;
        units: string[];
        credits: string;
        verdict: Verdict;
        broken: { message: string; fix?: string }[];
        unconfirmed: string[];
      }
    | { kind: "undetermined"; title: string; reason: string }
    | null;
  nextStep: string | null;
  /** What comes next after a qualification, as discussed (lines of the answer given). */
  progression: string[] | null;
  /** The answers given to the questions asked in the session, in order. */
  answers: string[];
}

const point = (text: string, tone?: RecordTone, quote?: string, source?: string): RecordPoint => ({
  text,
  ...(tone ? { tone } : {}),
  ...(quote ? { quote } : {}),
  ...(source ? { source } : {}),
});

/** The session record in one language's words: the document every channel renders. */
export function recordCard(m: Messages, f: SessionRecordFacts): SessionRecordCard {
  const w = m.record;
  const p = f.profile;
  const known = <T>(v: T | null, say: (x: T) => string) => (v === null ? w.notKnown : say(v));
  const profile: RecordBlock = {
    kind: "facts",
    facts: [
      ...(f.group ? [{ title: w.labels.learners, value: w.group(f.group.size) }] : []),
      {
        title: w.labels.role,
        value: p.role ?? (p.otherJob ? w.otherJob : p.notWorking ? w.notWorkingYet : w.notKnown),
      },
      ...(p.pastRole ? [{ title: w.labels.pastRole, value: p.pastRole }] : []),
      { title: w.labels.experience, value: known(p.experienceMonths, m.describe.months) },
      {
        title: w.labels.level,
        value:
          p.level === null && f.levelVaries
            ? w.levelVaries
            : known(p.level, (l) => (l === 0 ? w.levelNone : m.describe.levelName(l))),
      },
      {
        title: w.labels.held,
        value: p.qualificationsHeld.length ? p.qualificationsHeld.join("; ") : w.noneNamed,
      },
      {
        title: w.labels.units,
        value: p.unitsHeld.length
          ? p.unitsHeld.map((h) => w.unitsOf(h.units, h.title)).join("; ")
          : w.noneNamed,
      },
      { title: w.labels.working, value: known(p.working, w.working) },
      { title: w.labels.apprenticeship, value: known(p.apprenticeship, w.apprenticeship) },
      { title: w.labels.nation, value: p.nation ?? w.notKnown },
      { title: w.labels.age, value: p.age === null ? w.notKnown : String(p.age) },
    ],
  };
  const recommendations: RecordBlock[] = f.recommendations.length
    ? f.recommendations.map((r, i) => ({
        kind: "item",
        number: i + 1,
        // (No internal ids or file names in a record meant to be handed over.)
        title: r.title,
        points: [
          ...r.reasons.map((x) => point(x.text, "reason", x.quote, x.source && m.sourceName(x.source))),
          ...r.cautions.map((x) => point(x.text, "caution")),
        ],
      }))
    : [{ kind: "points", points: [point(w.noRecommendations)] }];
  const plan: RecordBlock[] =
    f.plan?.kind === "checked"
      ? [
          {
            kind: "item",
            title: f.plan.title,
            points: [
              point(w.planUnits(f.plan.units, f.plan.credits)),
              point(w.verdict[f.plan.verdict]),
              // The rules engine writes to the learner: to an adviser, its messages speak of the learner.
              ...f.plan.broken.map((b) =>
                point(w.broken(m.inPerson(b.message), b.fix && m.inPerson(b.fix)), "broken"),
              ),
              ...f.plan.unconfirmed.map((u) => point(m.inPerson(u), "unconfirmed")),
            ],
          },
        ]
      : f.plan?.kind === "undetermined"
        ? [{ kind: "item", title: f.plan.title, points: [point(w.undetermined(f.plan.reason))] }]
        : [{ kind: "points", points: [point(w.noPlan)] }];
  const sections: RecordSection[] = [
    { heading: w.headings.profile, blocks: [profile] },
    { heading: w.headings.recommendations, blocks: recommendations },
    { heading: w.headings.plan, blocks: plan },
    {
      heading: w.headings.next,
      blocks: [{ kind: "points", points: [point(f.nextStep ?? w.decide, "step")] }],
    },
  ];
  if (f.progression)
    sections.push({
      heading: w.headings.progression,
      blocks: [{ kind: "points", points: f.progression.map((line) => point(line)) }],
    });
  if (f.answers.length)
    sections.push({
      heading: w.headings.answers,
      // One block per answer, a line per point: cards show no line breaks inside a point.
      blocks: f.answers.map((a) => ({
        kind: "points",
        points: a
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => point(line)),
      })),
    });
  return { type: "sessionRecord", title: w.title(f.learnerName), date: w.date(f.date), sections };
}

/** Marks for plain text (the terminal, channels without cards). */
const MARK: Record<RecordTone, string> = {
  reason: "+",
  caution: "!",
  broken: "✘",
  unconfirmed: "?",
  step: "→",
};

function pointLines(x: RecordPoint, indent: string): string[] {
  const lines = [`${indent}${x.tone ? `${MARK[x.tone]} ` : ""}${x.text}`];
  if (x.quote) lines.push(`${indent}  “${x.quote}”${x.source ? ` (${x.source})` : ""}`);
  return lines;
}

/** The record as plain text: headings on lines of their own, underlined; no tables, no Markdown. */
export function recordText(card: SessionRecordCard): string {
  const lines = [card.title, card.date];
  for (const s of card.sections) {
    lines.push("", s.heading, "─".repeat(s.heading.length));
    for (const b of s.blocks) {
      if (b.kind === "facts") for (const f of b.facts) lines.push(`${f.title}: ${f.value}`);
      else if (b.kind === "points") for (const x of b.points) lines.push(...pointLines(x, ""));
      else {
        lines.push(`${b.number !== undefined ? `${b.number}. ` : ""}${b.title}`);
        for (const x of b.points) lines.push(...pointLines(x, "   "));
      }
    }
  }
  return lines.join("\n");
}
