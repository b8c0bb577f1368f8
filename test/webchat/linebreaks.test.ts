/// <reference lib="dom" />
// The page.evaluate callbacks run in the browser.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";
import { HEADLESS_ARGS, launchBrowser } from "./browser.ts";

let s: Running;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(HEADLESS_ARGS);
  s = await start({}, undefined, "real");
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

/**
 * Where each line of a reply starts on screen: for the bubble whose text holds `marker`, the left edge
 * of the first character after every line break of the text sent, next to the left edge of its
 * paragraph. A reply drawn as one paragraph puts those characters in the middle of a line.
 */
function lineStarts(marker: string) {
  const bubble = [...document.querySelectorAll<HTMLElement>(".webchat__bubble__content")].find((el) =>
    (el.textContent ?? "").includes(marker),
  );
  if (!bubble) return null;
  const out: { text: string; left: number; paragraphLeft: number; top: number }[] = [];
  const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    const block = (node.parentElement?.closest("p, li") ?? bubble) as HTMLElement;
    const style = getComputedStyle(block);
    const paragraphLeft = block.getBoundingClientRect().left + Number.parseFloat(style.paddingLeft);
    for (let i = 0; i < text.length; i++) {
      const first = i === 0 || text[i - 1] === "\n";
      if (!first || /\s/.test(text[i] ?? "")) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) out.push({ text: text.slice(i, i + 24), left: rect.left, paragraphLeft, top: rect.top });
    }
  }
  return out;
}

describe("web chat keeps a reply's line breaks (persona review 1: answers arrived as one paragraph)", () => {
  it("a progression answer's '→' lines each start a line of their own in Chromium", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${s.url}/`);
    await page.getByText("Who am I talking to").first().waitFor({ timeout: 30_000 });
    const box = page.getByRole("textbox");
    await box.fill("what comes after 10265?");
    await box.press("Enter");
    await page
      .getByText(/the next steps:/)
      .first()
      .waitFor({ timeout: 30_000 });
    const starts = await page.evaluate(lineStarts, "the next steps:");
    expect(starts).not.toBeNull();
    const lines = starts ?? [];
    // The intro, the next step (→), its job roles and the units that count: four lines at least.
    expect(lines.length, JSON.stringify(lines)).toBeGreaterThanOrEqual(4);
    const arrows = lines.filter((l) => l.text.startsWith("→"));
    expect(arrows.length, JSON.stringify(lines)).toBeGreaterThan(0);
    for (const l of lines) expect(Math.abs(l.left - l.paragraphLeft), JSON.stringify(l)).toBeLessThan(2);
    // Each line below the one before.
    for (let i = 1; i < lines.length; i++)
      expect(lines[i]?.top ?? 0).toBeGreaterThan(lines[i - 1]?.top ?? Number.POSITIVE_INFINITY);
    await page.close();
  }, 90_000);
});
