import type {
  CardData,
  Choice,
  RecordBlock,
  RecordPoint,
  RecordTone,
  SessionRecordCard,
} from "../../../dialogs/types.ts";

/**
 * Adaptive Card JSON (schema 1.5), rendered by Teams and Web Chat. Every word on a card comes with its
 * data (`words`, chosen from the conversation's message catalogue): this file only lays cards out.
 */
export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard"; version: "1.5" };

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body,
  ...(actions.length ? { actions } : {}),
});
const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});
/** A button that sends its value back as if the user had typed it. */
export const sayAction = (c: Choice) => ({
  type: "Action.Submit",
  title: c.label,
  data: { action: "say", text: c.value },
});

const MARK = { holds: "✔", fails: "✘", unknown: "?" } as const;

export function adaptiveCard(data: CardData, choices: Choice[] = []): AdaptiveCard {
  const buttons = choices.map(sayAction);
  switch (data.type) {
    case "recommendations": {
      const w = data.words;
      return card(
        [
          text(w.heading, { size: "Medium", weight: "Bolder" }),
          ...data.items.flatMap((x, i) => [
            text(`${i + 1} — ${x.title}`, { weight: "Bolder", separator: i > 0, spacing: "Medium" }),
            ...x.reasons.map((r) =>
              text(`✔ ${r.text}${r.quote ? `\n\n_“${r.quote}”_` : ""}`, { spacing: "Small" }),
            ),
            ...x.cautions.map((r) => text(`⚠ ${r.text}`, { spacing: "Small", color: "Warning" })),
            text(`${w.next} ${x.nextStep}`, { isSubtle: true, spacing: "Small" }),
          ]),
          ...data.notOffered.map((x) =>
            text(`${w.notOffered} ${x.title}. ${x.reason}`, { isSubtle: true, size: "Small" }),
          ),
        ],
        buttons,
      );
    }
    case "plan": {
      const w = data.words;
      return card(
        [
          text(w.heading, { size: "Medium", weight: "Bolder" }),
          {
            type: "FactSet",
            facts: data.units.map((u) => ({
              title: `${u.held ? w.have : w.add} ${u.unit}`,
              value: `${u.title} (${u.credits} ${w.credits}, ${u.glh} ${w.glh})`,
            })),
          },
          text(`${w.total} ${w.verdict}`, { weight: "Bolder" }),
          ...(data.reliesOn.length
            ? [
                text(
                  `${w.notConfirmed} ${data.reliesOn.slice(0, 4).join("; ")}${data.reliesOn.length > 4 ? "; …" : ""}`,
                  { isSubtle: true, size: "Small" },
                ),
              ]
            : []),
        ],
        buttons,
      );
    }
    case "unitPicker":
      return card(
        [
          text(data.words.heading, { size: "Medium", weight: "Bolder" }),
          ...data.groups.map((g) => ({
            type: "Input.ChoiceSet",
            id: `units_${g.id}`,
            label: g.name,
            isMultiSelect: true,
            style: "expanded",
            wrap: true,
            spacing: "Medium",
            value: g.units
              .filter((u) => data.selected.includes(u.value))
              .map((u) => u.value)
              .join(","),
            // "Unit 4 · title": a leading "4. " would be read as a Markdown list item.
            choices: g.units.map((u) => ({
              title: `${u.label.replace(/^(\d+)\. /, `${data.words.unit} $1 · `)} (${u.credits === "?" ? data.words.unknownCredits : `${u.credits} ${data.words.creditsShort}`})`,
              value: u.value,
            })),
          })),
        ],
        [
          {
            type: "Action.Submit",
            title: data.words.submit,
            data: { action: "checkUnits", qualificationId: data.qualificationId },
          },
        ],
      );
    case "check":
      return card(
        [
          text(data.words.heading, { size: "Medium", weight: "Bolder" }),
          text(data.words.units, { isSubtle: true }),
          ...data.rules.map((r) =>
            text(`${MARK[r.status]} ${r.message}${r.fix ? `\n\n${data.words.fix} ${r.fix}` : ""}`, {
              color: r.status === "fails" ? "Attention" : r.status === "holds" ? "Good" : "Warning",
              spacing: "Small",
            }),
          ),
          ...(data.othersMet ? [text(data.othersMet, { color: "Good", spacing: "Small" })] : []),
          text(data.words.verdict, { weight: "Bolder" }),
        ],
        buttons,
      );
    case "sessionRecord":
      return card(recordBody(data), buttons);
  }
}

const RECORD_MARK: Record<RecordTone, string> = {
  reason: "✔",
  caution: "⚠",
  broken: "✘",
  unconfirmed: "?",
  step: "→",
};
const RECORD_COLOR: Partial<Record<RecordTone, string>> = {
  caution: "Warning",
  broken: "Attention",
  unconfirmed: "Warning",
};

const recordPoint = (x: RecordPoint) => [
  text(`${x.tone ? `${RECORD_MARK[x.tone]} ` : ""}${x.text}`, {
    spacing: "Small",
    ...(x.tone && RECORD_COLOR[x.tone] ? { color: RECORD_COLOR[x.tone] } : {}),
  }),
  ...(x.quote
    ? [text(`“${x.quote}”${x.source ? ` (${x.source})` : ""}`, { isSubtle: true, spacing: "None" })]
    : []),
];

function recordBlock(b: RecordBlock) {
  if (b.kind === "facts") return { type: "FactSet", spacing: "Small", facts: b.facts };
  if (b.kind === "points")
    return { type: "Container", spacing: "Small", items: b.points.flatMap(recordPoint) };
  // "1 — title": a leading "1. " would be read as a Markdown list item.
  const title = `${b.number !== undefined ? `${b.number} — ` : ""}${b.title}`;
  return {
    type: "Container",
    spacing: "Medium",
    items: [text(title, { weight: "Bolder" }), ...b.points.flatMap(recordPoint)],
  };
}

/**
 * The session record: a heading per section (TextBlock style "heading", one element each, so headings
 * never run into the text around them), the profile as a FactSet, the rest as wrapped TextBlocks. Only
 * elements every Teams client renders (no Table: Teams mobile leaves it blank; no Markdown tables or
 * headings, which Teams does not render; no monospace).
 */
function recordBody(r: SessionRecordCard): unknown[] {
  return [
    text(r.title, { size: "Large", weight: "Bolder", style: "heading" }),
    text(r.date, { isSubtle: true, spacing: "None" }),
    ...r.sections.flatMap((s) => [
      text(s.heading, {
        size: "Medium",
        weight: "Bolder",
        style: "heading",
        separator: true,
        spacing: "Large",
      }),
      ...s.blocks.map(recordBlock),
    ]),
  ];
}

/** The unit picker posts one field per group ("units_A": "1,2"); gather them into one list. */
export function unitsFromPicker(value: Record<string, unknown>): string[] {
  return Object.entries(value)
    .filter(([k, v]) => k.startsWith("units_") && typeof v === "string")
    .flatMap(([, v]) => (v as string).split(","))
    .map((s) => s.trim())
    .filter(Boolean);
}
