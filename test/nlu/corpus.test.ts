import { describe, expect, it } from "vitest";
import { catalogue } from "../helpers.ts";
import { type Corpus, loadCorpus, report, scoreCorpus, share } from "./score.ts";

/**
 * Every labelled corpus, scored slot by slot (test/nlu/score.ts): a slot is right only when the label
 * and the understanding agree; a value the label does not give is a wrong value. Each corpus keeps a
 * floor a little under today's figure, so understanding can only get better. The first measures (the
 * honest figures for wording nobody tuned for) are in the README and in *.first-measure.txt.
 */
const CORPORA: { file: string; name: string; floor: number; wrongAtMost: number }[] = [
  {
    file: "corpus.json",
    name: "development corpus (written with the first rules)",
    floor: 0.96,
    wrongAtMost: 0.015,
  },
  { file: "heldout.json", name: "second corpus (first measure 78.0%)", floor: 0.93, wrongAtMost: 0.02 },
  { file: "blind-a.json", name: "blind corpus A (first measure 30.9%)", floor: 0.89, wrongAtMost: 0.035 },
  { file: "blind-b.json", name: "blind corpus B (first measure 67.4%)", floor: 0.885, wrongAtMost: 0.04 },
  { file: "blind-c.json", name: "blind corpus C (first measure 79.5%)", floor: 0.895, wrongAtMost: 0.03 },
  { file: "blind-d.json", name: "blind corpus D (first measure 83.9%)", floor: 0.87, wrongAtMost: 0.03 },
  { file: "blind-e.json", name: "blind corpus E (first measure 85.0%)", floor: 0.93, wrongAtMost: 0.03 },
  { file: "blind-f.json", name: "blind corpus F (first measure 78.1%)", floor: 0.825, wrongAtMost: 0.105 },
  { file: "blind-g.json", name: "blind corpus G (first measure 79.9%)", floor: 0.84, wrongAtMost: 0.085 },
  { file: "blind-h.json", name: "blind corpus H (first measure 87.5%)", floor: 0.925, wrongAtMost: 0.02 },
  { file: "blind-i.json", name: "blind corpus I (first measure 80.3%)", floor: 0.825, wrongAtMost: 0.058 },
  { file: "blind-j.json", name: "blind corpus J (first measure 82.6%)", floor: 0.835, wrongAtMost: 0.06 },
];

describe("NLU corpora", () => {
  it.each(CORPORA)(
    "$name: at least its floor of slots right, and few wrong values",
    ({ file, name, floor, wrongAtMost }) => {
      const corpus: Corpus = loadCorpus(file);
      expect(corpus.items.length).toBeGreaterThanOrEqual(150);
      const s = scoreCorpus(corpus, catalogue);
      console.log(report(name, corpus, s));
      expect(share(s)).toBeGreaterThanOrEqual(floor);
      expect(share(s, "wrong")).toBeLessThanOrEqual(wrongAtMost);
    },
  );
});
