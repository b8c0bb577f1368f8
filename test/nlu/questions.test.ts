import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { piecesOf, type QuestionForm } from "../../src/nlu/questions.ts";
import { factsSaid } from "./facts.ts";

/** The form of the last piece: where the question of a "facts, then a question" message is. */
const lastForm = (text: string): QuestionForm | undefined => piecesOf(text).at(-1)?.form;

const words = fc
  .array(
    fc.constantFrom("level", "nvq", "my", "son", "the", "units", "3", "for", "it", "cert", "call", "centre"),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((w) => w.join(" "));

describe("question-form reader: forms", () => {
  it.each<[string, QuestionForm]>([
    ["what should she go for", "wh"],
    ["Where to begin?", "wh"],
    ["wat cud i do to get into call centre work??", "wh"],
    ["can I do the level 3?", "yesNo"],
    ["is it too late for me", "yesNo"],
    ["Would the level 3 NVQ help", "yesNo"],
    ["have I got enough credits", "yesNo"],
    ["help me choose", "request"],
    ["compare 10266 and 10267", "request"],
    ["can you check my units", "request"],
    ["Options?", "fragment"],
    ["Level 4 or level 3?", "fragment"],
    ["any suggestions", "fragment"],
    ["I work in a call centre", "statement"],
    ["Have GCSEs and a level 2 NVQ", "statement"],
    ["Is returning to work after a long break.", "statement"],
  ])("%j is a %s", (text, form) => {
    expect(lastForm(text)).toBe(form);
  });

  it("finds a question inside a piece, not a free relative", () => {
    expect(piecesOf("im 15 can i do any of these")[0]).toMatchObject({
      form: "yesNo",
      asked: "can i do any of these",
    });
    expect(piecesOf("im a supervisor what qual is best for me")[0]).toMatchObject({
      form: "wh",
      asked: "what qualification is best for me",
    });
    expect(lastForm("I want a qualification that reflects what I do")).toBe("statement");
  });

  it("reads a reported question in question order", () => {
    expect(piecesOf("a client of mine asks if she can do the IQ nvq")[0]).toMatchObject({
      form: "yesNo",
      embedded: true,
      aux: "can",
      asked: "can she do the iq nvq",
    });
    expect(piecesOf("please could you advise what he should do next")[0]).toMatchObject({
      form: "wh",
      embedded: true,
      asked: "what he should do next",
    });
    expect(piecesOf("need to know units for the OCR 10265")[0]).toMatchObject({
      form: "request",
      asked: "units for the ocr 10265",
    });
  });

  it("a tag turns a statement into a yes/no question", () => {
    expect(lastForm("my mate says the cert is easier than the NVQ is that true")).toBe("yesNo");
  });
});

describe("question-form reader: pieces", () => {
  it("cuts sentences and clauses; the '?' marks the clause it ends", () => {
    const pieces = piecesOf("Support analyst, 26, Fife. Want a formal qual. Options?");
    // A comma before a number is not cut: it may be a list of units ("units 1, 2, 4").
    expect(pieces.map((p) => p.text)).toEqual([
      "support analyst 26",
      "fife",
      "want a formal qualification",
      "options",
    ]);
    expect(pieces.map((p) => p.marked)).toEqual([false, false, false, true]);
    expect(pieces.map((p) => p.form)).toEqual(["statement", "statement", "statement", "fragment"]);
  });

  it("cuts at 'or' before a second question, never inside a list of numbers", () => {
    expect(piecesOf("is the level 2 nvq for me or do i need a job first").map((p) => p.form)).toEqual([
      "yesNo",
      "yesNo",
    ]);
    expect(piecesOf("I've done units 1, 2, 4 and 9")).toHaveLength(1);
  });

  it("drops fillers before the question", () => {
    expect(piecesOf("ok so basically what now")[0]).toMatchObject({ text: "what now", form: "wh" });
  });

  it("property: '<wh-word> ...?' is a wh-question, whatever follows", () => {
    fc.assert(
      fc.property(fc.constantFrom("what", "which", "how", "where", "whats", "What's"), words, (wh, rest) => {
        const p = piecesOf(`${wh} ${rest}?`).at(-1);
        expect(p?.form).toBe("wh");
        expect(p?.wh).toBe(wh.toLowerCase().replace(/'?s$/, ""));
      }),
    );
  });

  it("property: facts said first do not change the form of the question after them", () => {
    const facts = factsSaid();
    const question = fc.constantFrom("what should I do?", "can she do it?", "Options?", "help me choose");
    fc.assert(
      fc.property(facts, question, (said, q) => {
        const prefix = said.map((f) => `${f}. `).join("");
        expect(lastForm(prefix + q)).toBe(lastForm(q));
        for (const p of piecesOf(prefix + q).slice(0, -1)) expect(p.form).toBe("statement");
      }),
    );
  });

  it("property: any text is cut into non-empty pieces without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const p of piecesOf(text)) {
          expect(p.text.length).toBeGreaterThan(0);
          expect(p.text).toMatch(/^[a-z0-9/. ]+$/);
          expect(p.text.endsWith(p.asked) || p.embedded).toBe(true);
        }
      }),
    );
  });
});
