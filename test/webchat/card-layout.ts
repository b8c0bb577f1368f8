/// <reference lib="dom" />
// `measureCard` runs in the browser (page.evaluate serialises it): it must not use anything from this
// module's scope.

/** How one Adaptive Card is drawn, measured in the browser. */
export interface CardLayout {
  /** The card was found (the last card whose text contains the given words). */
  found: boolean;
  /** Height and width of the card (px); how far its content reaches past its right edge. */
  height: number;
  width: number;
  overflow: number;
  /** Headings as the accessibility tree sees them: text and level. */
  headings: { text: string; level: string | null }[];
  /** Pairs of text runs from different elements that are drawn over each other. */
  overlaps: string[];
  /** Elements whose text is drawn in a monospace font. */
  monospace: string[];
  /** Tables (a Markdown table, or the Table element) in the card; a FactSet is drawn as a table too, and not counted. */
  tables: number;
  /** Fact titles cut short (their text wider than their box). */
  clippedFactTitles: string[];
}

export function measureCard(containing: string): CardLayout {
  const cards = [...document.querySelectorAll(".ac-adaptiveCard")].filter((c) =>
    (c as HTMLElement).innerText.includes(containing),
  );
  const card = cards.at(-1) as HTMLElement | undefined;
  if (!card)
    return {
      found: false,
      height: 0,
      width: 0,
      overflow: 0,
      headings: [],
      overlaps: [],
      monospace: [],
      tables: 0,
      clippedFactTitles: [],
    };
  const name = (el: Element) => (el as HTMLElement).innerText.replace(/\s+/g, " ").trim().slice(0, 40);
  // Each text element's own runs of text (its line boxes), not its padded box.
  const blocks = [...card.querySelectorAll(".ac-textBlock, .ac-fact-title, .ac-fact-value")].filter(
    (el) => !el.querySelector(".ac-textBlock"),
  );
  const runs = blocks.map((el) => {
    const rects: DOMRect[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
    }
    return { el, rects };
  });
  // Any two runs of text drawn over each other: of two elements, or two lines of one (a heading whose
  // lines are closer than its letters are tall).
  const all = runs.flatMap(({ el, rects }) => rects.map((rect) => ({ el, rect })));
  const hit = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const overlaps = new Set<string>();
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a && b && hit(a.rect, b.rect)) overlaps.add(`"${name(a.el)}" over "${name(b.el)}"`);
    }
  const r = card.getBoundingClientRect();
  return {
    found: true,
    height: Math.round(r.height),
    width: Math.round(r.width),
    overflow: Math.max(0, card.scrollWidth - card.clientWidth),
    headings: [...card.querySelectorAll("[role=heading], h1, h2, h3, h4, h5, h6")].map((h) => ({
      text: name(h),
      level: h.getAttribute("aria-level") ?? h.tagName.slice(1),
    })),
    overlaps: [...overlaps],
    monospace: blocks.filter((el) => /mono/i.test(getComputedStyle(el).fontFamily)).map(name),
    tables: card.querySelectorAll("table:not(.ac-factset), .ac-table").length,
    clippedFactTitles: [...card.querySelectorAll(".ac-fact-title")]
      .filter((el) => {
        const inner = (el.querySelector(".ac-textBlock") ?? el) as HTMLElement;
        return inner.scrollWidth > inner.clientWidth + 1;
      })
      .map(name),
  };
}
