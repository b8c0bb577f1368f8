import { describe, expect, it } from "vitest";
import { findBrowser, NO_BROWSER } from "./browser.ts";

describe("finding a browser for the browser tests (a fresh machine)", () => {
  it("none installed: one clear line saying how to install one", async () => {
    const none = findBrowser({ env: {}, paths: ["/nonexistent/chromium"], canLaunch: async () => false });
    await expect(none).rejects.toThrow(NO_BROWSER);
    const err = await none.catch((e: Error) => e);
    expect(String((err as Error).stack)).not.toContain("\n");
    expect(NO_BROWSER).toMatch(/apt-get install chromium/);
    expect(NO_BROWSER).toMatch(/CHROMIUM_PATH/);
  });

  it("CHROMIUM_PATH that is not an executable: says so, on one line", async () => {
    const bad = findBrowser({ env: { CHROMIUM_PATH: "/nonexistent/chrome" } });
    await expect(bad).rejects.toThrow(/CHROMIUM_PATH=\/nonexistent\/chrome is not an executable file/);
  });

  it("takes CHROMIUM_PATH first, then the first known path that exists, then a channel that launches", async () => {
    // Any executable stands in for a browser here: only the choice is tested.
    const exe = process.execPath;
    expect(await findBrowser({ env: { CHROMIUM_PATH: exe }, paths: [] })).toEqual({ executablePath: exe });
    expect(await findBrowser({ env: {}, paths: ["/nonexistent/a", exe] })).toEqual({ executablePath: exe });
    expect(
      await findBrowser({
        env: {},
        paths: [],
        channels: ["chrome", "msedge"],
        canLaunch: async (c) => c === "msedge",
      }),
    ).toEqual({ channel: "msedge" });
  });
});
