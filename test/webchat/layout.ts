/// <reference lib="dom" />
// `measureLayout` runs in the browser (page.evaluate serialises it): it must not use anything from
// this module's scope.

/** What the page looks like at one window size, measured in the browser. */
export interface Layout {
  /** Height of the page header (px). */
  header: number;
  /** Height of the conversation's scrolling transcript (px), and its share of the window's height. */
  transcript: number;
  chatShare: number;
  /** Every visible control a finger can hit: buttons, suggested actions, card actions, checkboxes, the send box. */
  targets: { what: string; width: number; height: number }[];
  /** Words (runs of letters and digits) drawn on more than one line: "Ad / d". */
  brokenWords: string[];
  /** Control labels cut short (ellipsis or clipped): their text is wider than their box. */
  clippedLabels: string[];
  /** Fact titles ("Add 1", "Have 4") drawn on more than one line. */
  wrappedFactTitles: string[];
}

export function measureLayout(): Layout {
  const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };
  // Text for screen readers only sits in 1 px boxes: every word in it is "on many lines".
  const readable = (el: Element) => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      // `display: contents` (Web Chat's custom-properties wrapper) has no box of its own.
      if (getComputedStyle(e).display === "contents") continue;
      const r = e.getBoundingClientRect();
      if (r.width < 4 || r.height < 4) return false;
    }
    return shown(el);
  };
  // Lines that text boxes are drawn on: top to bottom, grouped while they overlap vertically.
  const lines = (boxes: DOMRect[]) => {
    let count = 0;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const r of boxes.filter((b) => b.width > 0 && b.height > 0).sort((a, b) => a.top - b.top)) {
      if (r.top >= bottom - 1) count++;
      bottom = Math.max(bottom, r.bottom);
    }
    return count;
  };
  // The boxes of an element's text only (an element's own box spans all its lines).
  const textBoxes = (el: Element) => {
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const boxes: DOMRect[] = [];
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t);
      boxes.push(...range.getClientRects());
    }
    return boxes;
  };
  const name = (el: Element) =>
    (el.getAttribute("aria-label") || (el as HTMLElement).innerText || el.getAttribute("placeholder") || "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 60);

  const transcript = document.querySelector(".webchat__basic-transcript__scrollable");
  const targets = [
    ...document.querySelectorAll(
      "button, [role=button], a[href], input:not([type=hidden]), textarea, select, .ac-pushButton",
    ),
  ]
    .filter(shown)
    .filter((el) => !el.closest(".webchat__keyboard-help"))
    .map((el) => {
      const r = el.getBoundingClientRect();
      const kind = el instanceof HTMLInputElement ? `${el.type}` : el.tagName.toLowerCase();
      const label =
        el instanceof HTMLInputElement && el.type === "checkbox" && el.labels?.[0]
          ? name(el.labels[0])
          : name(el);
      return {
        what: `${kind} "${label.slice(0, 40)}"`,
        width: Math.round(r.width * 10) / 10,
        height: Math.round(r.height * 10) / 10,
      };
    });

  const brokenWords: string[] = [];
  const root = document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || parent.closest("script, style") || !readable(parent))
      continue;
    for (const m of node.textContent.matchAll(/[\p{L}\p{N}]+/gu)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (lines([...range.getClientRects()]) > 1)
        brokenWords.push(`"${m[0]}" in "${node.textContent.trim().slice(0, 50)}"`);
    }
  }

  const clippedLabels = [
    ...document.querySelectorAll("button, .ac-pushButton, button *, .ac-pushButton *, label, label *"),
  ]
    .filter(readable)
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && (el as HTMLElement).innerText.trim())
    .map((el) => `${name(el)} (${el.scrollWidth} > ${el.clientWidth} px)`);

  const wrappedFactTitles = [...document.querySelectorAll(".ac-fact-title")]
    .filter(readable)
    .filter((el) => lines(textBoxes(el)) > 1)
    .map(name);

  const viewport = window.innerHeight;
  return {
    header: Math.round(height(document.querySelector("body > header"))),
    transcript: Math.round(height(transcript)),
    chatShare: Math.round((height(transcript) / viewport) * 1000) / 1000,
    targets,
    brokenWords,
    clippedLabels,
    wrappedFactTitles,
  };
}
