/// <reference lib="dom" />
// The page.evaluate callbacks run in the browser.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";
import { HEADLESS_ARGS, launchBrowser } from "./browser.ts";
import { type Layout, measureLayout } from "./layout.ts";

const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

let s: Running;
let browser: Browser;
beforeAll(async () => {
  // An installed Chromium, Chrome or Edge (see browser.ts); none: one line saying how to install one.
  browser = await launchBrowser(HEADLESS_ARGS);
  // The real clock, so that Web Chat's timestamps read "Just now".
  s = await start({}, undefined, "real");
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

async function openChat(width = 390, height = 844): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${s.url}/`);
  await page.getByText("Who am I talking to").first().waitFor({ timeout: 30_000 });
  return page;
}

/** Buttons, typed answers, the recommendation, a plan, the unit picker and a check: every kind of card. */
async function learnerToCheck(page: Page): Promise<void> {
  const press = (name: string, exact = false) =>
    page.getByRole("button", { name, exact }).filter({ visible: true }).first().click();
  await press("I work in a contact centre");
  await page
    .getByText(/What.s your job role/)
    .first()
    .waitFor();
  const box = page.getByRole("textbox");
  await box.fill("customer service advisor, 2 years, GCSEs");
  await box.press("Enter");
  await page.getByText("Are you interested in doing it as an apprenticeship?").first().waitFor();
  await press("No", true);
  await page.getByText("Recommended for you").first().waitFor();
  await press("Plan OCR Level 2 NVQ Certificate");
  await page.getByText("Plan: OCR Level 2 NVQ Certificate", { exact: false }).first().waitFor();
  await press("Choose my own units");
  await page.getByText("Choose units: OCR Level 2 NVQ Certificate", { exact: false }).first().waitFor();
  for (const name of [
    /Unit 1 · Improve personal effectiveness/,
    /Unit 2 · Comply with health and safety/,
    /Unit 10 · Deal with customers using bespoke software/,
    /Unit 18 · Bespoke software/,
  ])
    await page.getByRole("checkbox", { name }).filter({ visible: true }).first().check();
  await press("Check these units");
  await page.getByText("Check: OCR Level 2 NVQ Certificate", { exact: false }).first().waitFor();
}

describe("local web chat in Chromium (Microsoft Web Chat on the local Direct Line endpoint)", () => {
  it("a learner's conversation: suggested actions, typed answers, the recommendation, the unit picker and the check result", async () => {
    const page = await openChat();
    await expect(page.title()).resolves.toMatch(/Learner advisor/);
    await learnerToCheck(page);
    await expect(
      page
        .getByText("OCR Level 2 NVQ Certificate in Contact Centre Operations", { exact: false })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // The card's verdict in words, never the engine's code ("Verdict: invalid").
    await page
      .locator(".ac-adaptiveCard")
      .getByText(/✘ Not valid yet: \d+ rules? (is|are) broken\./)
      .first()
      .waitFor();
    await expect(page.getByText("Verdict: invalid").count()).resolves.toBe(0);
    await expect(
      page
        .getByText(/barred/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "webchat-check.png"), fullPage: false });
    // The same conversation on a desktop-sized window, scrolled to the recommendation.
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.getByText("Recommended for you").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "webchat-desktop.png"), fullPage: false });
    await page.close();
  }, 120_000);

  it("is usable from the keyboard, with labelled controls and a visible focus", async () => {
    const page = await openChat();
    // Tab reaches the restart button first, and the focus ring is drawn.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { label: el.getAttribute("aria-label"), outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.label).toBe("Restart the conversation");
    expect(focused.outline).toBe("solid");
    expect(Number.parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
    // Every button and input in the accessibility tree has a name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("button, input, textarea")]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .filter(
          (el) =>
            !(
              el.getAttribute("aria-label") ||
              (el as HTMLElement).innerText.trim() ||
              el.getAttribute("title") ||
              (el as HTMLInputElement).labels?.length
            ),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    // The restart button works from the keyboard.
    await page.keyboard.press("Enter");
    await page.getByText("cleared everything").first().waitFor();
    await page.close();
  }, 60_000);

  it("the Direct Line endpoint refuses a missing or foreign token, and WEBCHAT=off removes the page", async () => {
    const noToken = await fetch(`${s.url}/directline/conversations`, { method: "POST" });
    expect(noToken.status).toBe(401);
    const a = (await (await fetch(`${s.url}/directline/tokens/generate`, { method: "POST" })).json()) as {
      conversationId: string;
      token: string;
    };
    const b = (await (await fetch(`${s.url}/directline/tokens/generate`, { method: "POST" })).json()) as {
      conversationId: string;
      token: string;
    };
    const foreign = await fetch(`${s.url}/directline/conversations/${a.conversationId}/activities`, {
      headers: { authorization: `Bearer ${b.token}` },
    });
    expect(foreign.status).toBe(403);
    const off = await start({ WEBCHAT: "off" });
    expect((await fetch(`${off.url}/`)).status).toBe(404);
    expect((await fetch(`${off.url}/directline/tokens/generate`, { method: "POST" })).status).toBe(404);
    await off.stop();
    const secured = await start({
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppPassword: "x",
      MicrosoftAppType: "MultiTenant",
    });
    expect((await fetch(`${secured.url}/`)).status).toBe(404);
    await secured.stop();
  });

  it("delete my data also blanks the web chat's own transcript (ids kept, so polling goes on)", async () => {
    const { conversationId, token } = (await (
      await fetch(`${s.url}/directline/tokens/generate`, { method: "POST" })
    ).json()) as {
      conversationId: string;
      token: string;
    };
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    await fetch(`${s.url}/directline/conversations`, { method: "POST", headers: auth });
    const post = (text: string) =>
      fetch(`${s.url}/directline/conversations/${conversationId}/activities`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({
          type: "message",
          text,
          from: { id: "x" },
          channelData: { clientActivityID: `c-${text}` },
        }),
      });
    await post("team leader, 3 years, NVQ 2");
    await post("delete my data");
    await post("yes");
    const { activities } = (await (
      await fetch(`${s.url}/directline/conversations/${conversationId}/activities?watermark=0`, {
        headers: auth,
      })
    ).json()) as {
      activities: { type: string; text?: string; id: string }[];
    };
    expect(JSON.stringify(activities)).not.toContain("team leader");
    // Web Chat shows the bot typing while it works.
    expect(activities.some((a) => a.type === "typing")).toBe(true);
    expect(activities.at(-1)?.text).toMatch(/deleted your data/);
    expect(activities.filter((a) => a.type === "message").length).toBeLessThanOrEqual(2);
    expect(new Set(activities.map((a) => a.id)).size).toBe(activities.length);
  });
});

/**
 * Window sizes the page must work at: phones upright and on their side, and a desktop; and the least
 * share of the window's height the conversation's transcript gets there (before the phone layout:
 * 0.57, 0.62 and 0.36 on the phones).
 */
const SIZES = [
  { width: 360, height: 740, phone: true, minShare: 0.65 },
  { width: 390, height: 844, phone: true, minShare: 0.65 },
  { width: 844, height: 390, phone: true, minShare: 0.5 },
  { width: 1280, height: 800, phone: false, minShare: 0.65 },
];
/** WCAG 2.2's minimum target size (2.5.8), in CSS px. */
const MIN_TARGET = 24;
const MAX_PHONE_HEADER = 80;

describe("the page's layout on phones and desktops (issue 16)", () => {
  it("a short header on phones, tap targets of at least 24×24 px, no word broken over two lines, no label cut short", async () => {
    const page = await openChat(360, 740);
    await learnerToCheck(page);
    const measured: (Layout & { size: string })[] = [];
    const problems: string[] = [];
    for (const { phone, minShare, ...viewport } of SIZES) {
      const size = `${viewport.width}×${viewport.height}`;
      await page.setViewportSize(viewport);
      // Two frames: the new size laid out and painted.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
      );
      const layout = await page.evaluate(measureLayout);
      measured.push({ size, ...layout });
      if (phone && layout.header > MAX_PHONE_HEADER)
        problems.push(`${size}: header ${layout.header} px > ${MAX_PHONE_HEADER}`);
      if (layout.chatShare < minShare)
        problems.push(
          `${size}: the transcript has ${layout.chatShare} of the window's height, < ${minShare}`,
        );
      for (const t of layout.targets)
        if (t.width < MIN_TARGET || t.height < MIN_TARGET)
          problems.push(`${size}: ${t.what} is ${t.width}×${t.height} px`);
      for (const w of layout.brokenWords) problems.push(`${size}: word broken over two lines: ${w}`);
      for (const l of layout.clippedLabels) problems.push(`${size}: label cut short: ${l}`);
      for (const f of layout.wrappedFactTitles) problems.push(`${size}: fact title on two lines: ${f}`);
      await page
        .getByText("Plan: OCR Level 2 NVQ Certificate", { exact: false })
        .first()
        .scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(ARTIFACTS, `webchat-layout-${viewport.width}x${viewport.height}.png`),
      });
    }
    writeFileSync(join(ARTIFACTS, "webchat-layout.json"), `${JSON.stringify(measured, null, 2)}\n`);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
