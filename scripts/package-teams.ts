// `npm run package:teams`: build/appPackage.zip for Teams, with the ids from the environment.
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ZipFile } from "yazl";

export function fillManifest(template: string, env: NodeJS.ProcessEnv): string {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) throw new Error("Set MicrosoftAppId (the Azure bot's app id) to package the Teams app.");
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(appId) || !uuid.test(teamsAppId))
    throw new Error("MicrosoftAppId and TEAMS_APP_ID must be GUIDs.");
  return template.replaceAll("${{MicrosoftAppId}}", appId).replaceAll("${{TEAMS_APP_ID}}", teamsAppId);
}

if (process.argv[1]?.endsWith("package-teams.ts")) {
  const root = join(import.meta.dirname, "..");
  const src = join(root, "appPackage");
  try {
    const manifest = fillManifest(readFileSync(join(src, "manifest.json"), "utf8"), process.env);
    mkdirSync(join(root, "build"), { recursive: true });
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from(manifest), "manifest.json");
    zip.addFile(join(src, "color.png"), "color.png");
    zip.addFile(join(src, "outline.png"), "outline.png");
    zip.outputStream.pipe(createWriteStream(join(root, "build", "appPackage.zip"))).on("close", () => {
      console.log(
        "build/appPackage.zip written: upload it in Teams (Apps → Manage your apps → Upload an app).",
      );
    });
    zip.end();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
