/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";
import { HEADLESS_ARGS, launchBrowser } from "./browser.ts";
import { measureCard } from "./card-layout.ts";
import { measureLayout } from "./layout.ts";

// The adviser's session record in the real Web Chat page at phone width (issue 16: 7): a card with
// headings that do not overlap the text around them, no monospace, no table, nothing cut short.

const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

let s: Running;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(HEADLESS_ARGS);
  s = await start({}, undefined, "real");
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe("the session record in Web Chat on a phone", () => {
  it("renders as a card whose headings do not overlap, with no monospace, table or cut-short fact title, at 360×740", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${s.url}/`);
    await page.getByText("Who am I talking to").first().waitFor({ timeout: 30_000 });
    const press = (name: string, exact = false) =>
      page.getByRole("button", { name, exact }).filter({ visible: true }).first().click();
    const box = page.getByRole("textbox");
    const say = async (text: string, reply: string | RegExp) => {
      await box.fill(text);
      await box.press("Enter");
      await page.getByText(reply).first().waitFor();
    };
    await press("I'm a careers adviser");
    await page
      .getByText(/learner.s name/)
      .first()
      .waitFor();
    await say("Marcus", /Marcus.s job role/);
    await say("he's a team leader, 3 years, NVQ level 2", "Is Marcus interested in an apprenticeship?");
    await press("No", true);
    await page.getByText("Recommended for Marcus").first().waitFor();
    await say("check units 1 2 4 9 10 18 in 10265", /Check: OCR Level 2 NVQ/);
    await say("session record", "Session record: Marcus");
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );
    const card = await page.evaluate(measureCard, "Session record: Marcus");
    const layout = await page.evaluate(measureLayout);
    await page.getByText("Session record: Marcus").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "webchat-record-360x740.png") });
    expect(card.found).toBe(true);
    expect(card.headings.map((h) => h.text)).toEqual([
      "Session record: Marcus",
      "Profile",
      "Recommendations",
      "Unit plan",
      "Next steps",
    ]);
    expect(card.overlaps).toEqual([]);
    expect(card.monospace).toEqual([]);
    expect(card.tables).toBe(0);
    expect(card.overflow).toBe(0);
    expect(card.clippedFactTitles).toEqual([]);
    expect(layout.brokenWords).toEqual([]);
    expect(layout.wrappedFactTitles).toEqual([]);
    await page.close();
  }, 120_000);
});
