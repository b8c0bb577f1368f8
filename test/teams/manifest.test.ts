import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvDraft04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { fillManifest } from "../../scripts/package-teams.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);
// The Teams schema is JSON Schema draft-04: ajv-draft-04 (by ajv's authors) validates it.
const Ajv = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;
const APP_ID = "11111111-2222-3333-4444-555555555555";

describe("Teams app package", () => {
  const template = readFileSync(join(ROOT, "appPackage", "manifest.json"), "utf8");
  const manifest = JSON.parse(fillManifest(template, { MicrosoftAppId: APP_ID }));

  it("is valid against the Teams manifest JSON schema shipped in @microsoft/app-manifest", () => {
    const version = manifest.manifestVersion as string;
    const schema = require(
      `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(Number(version.split(".")[1])).toBeGreaterThanOrEqual(20);
  });

  it("has the bot in personal, team and group chat scopes, with help / restart / check units commands", () => {
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(APP_ID);
    expect(manifest.id).toBe(APP_ID);
    expect(bot.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(["help", "restart", "check units"]),
    );
  });

  it("refuses to package without a GUID app id", () => {
    expect(() => fillManifest(template, {})).toThrow(/MicrosoftAppId/);
    expect(() => fillManifest(template, { MicrosoftAppId: "not-a-guid" })).toThrow(/GUID/);
  });

  it("ships a 192×192 colour icon and a 32×32 transparent outline icon", () => {
    const color = PNG.sync.read(readFileSync(join(ROOT, "appPackage", "color.png")));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(ROOT, "appPackage", "outline.png")));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = new Set<number>();
    for (let i = 3; i < outline.data.length; i += 4) alphas.add(outline.data[i] ?? 0);
    expect(alphas.has(0)).toBe(true);
    // Outline icons are white on transparent.
    for (let i = 0; i < outline.data.length; i += 4)
      if ((outline.data[i + 3] ?? 0) > 0)
        expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
  });

  it("npm run package:teams writes build/appPackage.zip with the three files", async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", join(ROOT, "scripts", "package-teams.ts")],
        { cwd: ROOT, env: { ...process.env, MicrosoftAppId: APP_ID } },
        (e, stdout) => (e ? reject(e) : resolve(stdout)),
      ),
    );
    expect(out).toMatch(/appPackage\.zip written/);
    const zip = readFileSync(join(ROOT, "build", "appPackage.zip"));
    for (const name of ["manifest.json", "color.png", "outline.png"])
      expect(zip.includes(Buffer.from(name))).toBe(true);
  }, 60_000);
});
