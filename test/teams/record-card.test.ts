import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Reply, SessionRecordCard } from "../../dialogs/types.ts";
import { adaptiveCard } from "../../src/channels/bot/cards.ts";
import { renderReply } from "../../src/channels/cli/chat.ts";
import { Conversation } from "../dialogs/conversation.ts";

// The adviser's session record as an Adaptive Card that Teams and Web Chat render (issue 16: 7), and
// as plain text for the terminal: the same document, no Markdown tables, no monospace.

/** Microsoft's Adaptive Cards SDK, the renderer Web Chat bundles (botframework-webchat's own copy). */
interface AdaptiveCardsSdk {
  Versions: { v1_5: unknown };
  SerializationContext: new (
    version: unknown,
  ) => { eventCount: number; getEventAt(i: number): { message: string } };
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    toJSON(context: unknown): unknown;
  };
}
const webchat = createRequire(import.meta.url).resolve("botframework-webchat");
const sdk = createRequire(webchat)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsSdk;

/** An adviser's session with recommendations, a check with broken rules, and progression discussed. */
function recordReply(): Extract<Reply, { kind: "card" }> & { card: SessionRecordCard } {
  const c = new Conversation();
  c.say("I'm a careers adviser");
  c.say("Marcus");
  c.say("he's a team leader, 3 years, NVQ level 2");
  while (c.last.stateName.startsWith("gathering")) c.say("no");
  c.say("what comes after 10265");
  c.say("check units 1 2 4 9 10 18 in 10265");
  c.say("session record");
  const r = c.last.replies.find((x) => x.kind === "card" && x.card.type === "sessionRecord");
  if (r?.kind !== "card" || r.card.type !== "sessionRecord") throw new Error("no session record");
  return { ...r, card: r.card };
}

type Element = Record<string, unknown>;
/** Every element of a card, depth first. */
function elements(xs: unknown[]): Element[] {
  return (xs as Element[]).flatMap((x) => [x, ...elements((x.items as unknown[] | undefined) ?? [])]);
}

describe("the session record card", () => {
  const reply = recordReply();
  const json = adaptiveCard(reply.card);
  const body = elements(json.body as unknown[]);
  const texts = body.filter((x) => x.type === "TextBlock").map((x) => String(x.text));

  it("has a heading per section, in order, each a TextBlock of its own", () => {
    const headings = body.filter((x) => x.type === "TextBlock" && x.style === "heading").map((x) => x.text);
    expect(headings).toEqual([
      "Session record: Marcus",
      "Profile",
      "Recommendations",
      "Unit plan",
      "Next steps",
      "Progression discussed",
    ]);
    // Sections are set apart by a line and space, never by Markdown.
    for (const h of body.filter((x) => x.style === "heading").slice(1)) {
      expect(h.separator).toBe(true);
      expect(h.spacing).toBe("Large");
    }
  });

  it("keeps everything the record has: profile, recommendations with quoted reasons, the checked plan, next steps", () => {
    const facts = body.find((x) => x.type === "FactSet")?.facts as { title: string; value: string }[];
    expect(facts.map((f) => f.title)).toEqual([
      "Job role",
      "Experience",
      "Highest level",
      "Qualifications",
      "Units held",
      "Working",
      "Apprenticeship",
      "Nation",
      "Age",
    ]);
    expect(facts[0]?.value).toBe("Contact Centre Team Leader");
    expect(facts[1]?.value).toBe("3 years");
    // A record to hand over names qualifications and sources as a reader knows them (persona review 3).
    expect(texts).toContain("1 — OCR Level 3 NVQ Diploma in Contact Centre Operations");
    expect(texts.join("\n")).not.toMatch(/ocr-\d|\d{3}_[0-9a-f]{16}\.txt/);
    expect(
      texts.some((t) =>
        /^“It is suitable for candidates working in job roles such as.*” \(OCR's NVQ datasheet\)$/.test(t),
      ),
    ).toBe(true);
    expect(texts).toContain("Units 1, 2, 4, 9, 10, 18 (24 credits)");
    expect(texts).toContain("Rules engine verdict: not valid.");
    expect(
      texts.some((t) =>
        /^✘ Broken: Total credits: Marcus has 24, 28 needed: short by 4\. Fix: Add 4/.test(t),
      ),
    ).toBe(true);
    // The record speaks of the learner an adviser writes about (persona review 1, problem 10).
    expect(texts.some((t) => /^→ Ask a centre approved by OCR to register Marcus\b/.test(t))).toBe(true);
    expect(texts.join("\n")).not.toMatch(/\byou(r)?\b/);
  });

  it("has no Markdown table, Markdown heading, code block or monospace text (Teams renders none of them)", () => {
    const all = JSON.stringify(json);
    expect(all).not.toMatch(/\|\s*-{3}|\| \|/);
    expect(all).not.toContain("```");
    expect(all).not.toMatch(/Monospace/i);
    for (const t of texts) expect(t).not.toMatch(/^#/m);
    // No element from after 1.2 but the heading style (Table, for one, is left blank by Teams mobile).
    expect(new Set(body.map((x) => x.type))).toEqual(new Set(["TextBlock", "FactSet", "Container"]));
  });

  it("is valid Adaptive Card 1.5 (the version Teams supports) for Microsoft's own renderer, every property kept", () => {
    expect(json.version).toBe("1.5");
    const context = new sdk.SerializationContext(sdk.Versions.v1_5);
    const card = new sdk.AdaptiveCard();
    card.parse(json, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
    expect(events).toEqual([]);
    // A property the 1.5 schema does not know would be dropped on the way back.
    expect(card.toJSON(new sdk.SerializationContext(sdk.Versions.v1_5))).toEqual(json);
  });

  it("reads the same in the terminal: plain text, headings on lines of their own, the same words as the card", () => {
    const { text } = renderReply(reply);
    expect(text).toMatch(
      /^Here's the session record:\n\nSession record: Marcus\nDate: 2026-11-22\n\nProfile\n─{7}\n/,
    );
    for (const h of ["Recommendations", "Unit plan", "Next steps", "Progression discussed"])
      expect(text).toContain(`\n\n${h}\n${"─".repeat(h.length)}\n`);
    expect(text).toMatch(/^Job role: Contact Centre Team Leader$/m);
    expect(text).toMatch(/^ {3}! Our sources do not give its operational dates/m);
    expect(text).not.toMatch(/\||\*\*|```|^#/m);
    // Cards and the terminal render the same data: every fact and line of the card is in the text.
    for (const t of texts.filter((x) => !/^\d+ — /.test(x))) expect(text).toContain(t.replace(/^[✔⚠] /, ""));
  });
});
