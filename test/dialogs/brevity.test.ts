import { describe, expect, it } from "vitest";
import { initialContext } from "../../dialogs/actions/common.ts";
import { applyFacts } from "../../dialogs/actions/facts.ts";
import { allText, Conversation, services } from "./conversation.ts";

// Issue 16, item 7: a card is sent again only when its content changed (the recommendation card is
// ~1,500 px on a phone), and a check lists only the rules that matter to the selection.

const cardsOf = (c: Conversation) => c.last.replies.flatMap((r) => (r.kind === "card" ? [r.card.type] : []));

/** An adviser's session that ends on the recommendation card. */
function marcus(): Conversation {
  const c = new Conversation();
  c.say("I'm a careers adviser");
  c.say("Marcus");
  c.say("he's a team leader, 3 years, NVQ level 2");
  while (c.last.stateName.startsWith("gathering")) c.say("no");
  expect(c.card("recommendations")).toBeDefined();
  return c;
}

describe("brevity: the recommendation card is not sent again unless it changed", () => {
  it("not after 'plan the nvq', 'back', an age that changes nothing, or an unrelated question", () => {
    const c = marcus();
    c.say("plan the nvq");
    expect(cardsOf(c)).not.toContain("recommendations");
    if (c.last.stateName === "recommending") expect(c.text).toMatch(/Which one shall I plan\?/);
    c.say("back");
    expect(cardsOf(c)).not.toContain("recommendations");
    c.say("actually he's 19");
    expect(c.text).toMatch(/Got it: aged 19/);
    expect(cardsOf(c)).toEqual([]);
    expect(c.text).toMatch(
      /My suggestions haven't changed \(see above\): 1\. OCR Level 3 NVQ Diploma; 2\. OCR Level 3 Principles Certificate; 3\. City & Guilds Level 3 NVQ Diploma\./,
    );
    // The buttons to go on with are still there.
    expect(c.choices).toContain("plan ocr-10268");
    c.say("what does barred mean?");
    expect(cardsOf(c)).toEqual([]);
    // Short: the whole turn is a line or two, not the card's ~3,000 characters.
    c.say("actually he's 19");
    expect(allText(c.last.replies).length).toBeLessThan(400);
  });

  it("when only part of it changed: one line says what, and the card is not sent again", () => {
    const c = marcus();
    c.say("actually he's 17");
    expect(cardsOf(c)).toEqual([]);
    const line = c.last.replies.map((r) => r.text).find((t) => t.startsWith("What's changed"));
    expect(line).toBe(
      "What's changed in my suggestions: OCR Level 3 NVQ Diploma now: It is open to candidates of any age.",
    );
    expect(c.choices).toContain("plan ocr-10268");
  });

  it("when the ranking changed: the card again, after one line saying how", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("I'm a customer service advisor, 2 years, GCSEs");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    expect(c.card("recommendations")?.items[0]?.qualificationId).toBe("ocr-10265");
    c.say("actually I'm not working at the moment");
    expect(cardsOf(c)).toEqual(["recommendations"]);
    const i = c.last.replies.findIndex((r) => r.text.startsWith("What's changed in my suggestions:"));
    const card = c.last.replies.findIndex((r) => r.kind === "card");
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(card);
    const line = c.last.replies[i]?.text ?? "";
    expect(line).not.toContain("\n");
    expect(line).toMatch(/OCR Level 2 NVQ Certificate is no longer suggested/);
    expect(line).toMatch(/is new, 2nd/);
    // The details of each suggestion are on the card: the line only says how the order changed.
    expect(line).not.toMatch(/ now: /);
  });

  it("when the reasons of every suggestion changed: the card again, after one short line naming them", () => {
    const c = new Conversation();
    c.say("I'm a team leader, been here 3 years, got my NVQ 2");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    c.say("actually I'm a supervisor");
    expect(cardsOf(c)).toEqual(["recommendations"]);
    expect(c.text).toMatch(
      /What's changed in my suggestions: the reasons for OCR Level 3 NVQ Diploma, OCR Level 3 Principles Certificate and City & Guilds Level 3 NVQ Diploma\.\n/,
    );
  });

  it("the session record is not sent again when nothing in it changed", () => {
    const c = marcus();
    c.say("session record");
    expect(cardsOf(c)).toEqual(["sessionRecord"]);
    c.say("session record");
    expect(cardsOf(c)).toEqual([]);
    expect(c.text).toMatch(/The session record above is up to date/);
    c.say("actually he's 30");
    c.say("session record");
    expect(cardsOf(c)).toEqual(["sessionRecord"]);
  });
});

describe("brevity: plans", () => {
  it("the plan card is not sent again after a fact that changes nothing; a new plan says which units changed", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("plan 10265");
    expect(cardsOf(c)).toEqual(["plan"]);
    c.say("I'm 19");
    expect(cardsOf(c)).toEqual([]);
    expect(c.text).toMatch(/The plan above for OCR Level 2 NVQ Certificate still stands: add units 1, 2, 4/);
    expect(c.choices).toContain("looks good");
    c.say("plan with fewest units");
    expect(cardsOf(c)).toEqual(["plan"]);
    expect(c.last.replies[0]?.text).toBe(
      "What's changed in the plan: it adds units 3, 8 and 15; no longer units 5, 6, 9 and 16.",
    );
    c.say("back");
    expect(cardsOf(c)).toEqual(["plan"]);
    expect(c.text).toMatch(/What's changed in the plan: it adds units 5, 6, 9 and 16/);
  });

  it("'no plan from our sources' is said in full once", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("plan 10268");
    expect(c.text).toMatch(/I can't work out a plan for it from our sources/);
    c.say("I'm 19");
    expect(c.text).not.toMatch(/Everyone takes the mandatory units/);
    expect(c.text).toMatch(/Nothing has changed for OCR Level 3 NVQ Diploma/);
    expect(allText(c.last.replies).length).toBeLessThan(200);
    expect(c.choices).toContain("choose my own units");
  });
});

describe("brevity: checks list only the rules that matter", () => {
  it("no 'Barred units … none chosen' lines; broken rules keep their numbers, wording and smallest fix", () => {
    const c = new Conversation();
    c.say("check units 1 2 3 4 6 8 in 10265");
    const text = c.text;
    expect(text).not.toMatch(/none chosen|only one is chosen|Barred units/);
    expect(text).not.toMatch(/All 2 mandatory units are included/);
    expect(text).toMatch(/✘ Total credits: you have 26, 28 needed: short by 2\./);
    expect(text).toMatch(/rule: “candidates must achieve a total of 28 credits”/);
    expect(text).toMatch(/fix: Add 2 more credits, e.g. unit 20 \(Time planning in sales\) \(2 credits\)\./);
    expect(text).toMatch(/\? Credits at Level 2 or above: you have between 0 and 26, 15 needed/);
    expect(text).toMatch(/✔ 8 other rules are met\./);
    const card = c.card("check");
    expect(card?.rules.map((r) => r.status)).toEqual(["fails", "unknown", "fails"]);
    expect(card?.othersMet).toBe("✔ 8 other rules are met.");
    for (const r of card?.rules.filter((x) => x.status === "fails") ?? []) {
      expect(r.wording.length).toBeGreaterThan(0);
      expect(r.fix).toBeDefined();
    }
  });

  it("a rule met that changes what counts is still listed (only 2 units of Group D count)", () => {
    const c = new Conversation();
    c.say("check units 1 2 32 33 36 in 10265");
    expect(c.text).toMatch(/✔ 3 units of Group D chosen; only 2 count\./);
  });

  it("a barred pair broken is explained with its wording and the fix", () => {
    const c = new Conversation();
    c.say("check units 1 2 4 9 10 18 in 10265");
    expect(c.text).toMatch(
      /✘ unit 10 \(Deal with customers using bespoke software\) and unit 18 \(Bespoke software\) are barred: you may take either, but not both\./,
    );
    expect(c.text).toMatch(/rule: “Barred unit combinations/);
    expect(c.text).toMatch(/fix: Drop unit 18 \(Bespoke software\) or unit 10/);
    expect(c.text).not.toMatch(/Barred units 32 and 34/);
  });

  it("the check card is not sent again when nothing changed; it is after the fix", () => {
    const c = new Conversation();
    c.say("check units 1 2 3 4 6 8 in 10265");
    expect(cardsOf(c)).toEqual(["check"]);
    c.say("I'm 25");
    expect(cardsOf(c)).toEqual([]);
    expect(c.text).toMatch(/Same result as the check above\. ✘ Not valid yet: 2 rules are broken\./);
    expect(c.choices).toContain("apply the fix");
    c.say("apply the fix");
    expect(cardsOf(c)).toEqual(["check"]);
  });
});

describe("brevity: facts said back once", () => {
  it("a qualification named twice is held once: no 'holds X and X'", () => {
    const u = { evidence: [], qualificationsHeld: ["ocr-10265", "ocr-10265"] };
    const out = applyFacts(initialContext("en", "2026-11-22"), { type: "FACTS", u }, services);
    const said = allText(out.said ?? []);
    expect(said).toMatch(/holds OCR Level 2 NVQ Certificate in Contact Centre Operations\./);
    expect(said).not.toMatch(/ and OCR Level 2 NVQ/);
    expect(out.qualificationsHeld).toEqual(["ocr-10265"]);
  });
});
