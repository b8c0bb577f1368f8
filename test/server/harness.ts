import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import { Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { type App, createApp } from "../../src/server.ts";

export const NOW = new Date("2026-11-22T10:00:00Z");

export interface Running {
  app: App;
  url: string;
  dataDir: string;
  stop(removeData?: boolean): Promise<void>;
}

/** The real server on a free port, with a lowdb store in a temp folder. */
export async function start(
  env: Record<string, string> = {},
  dataDir?: string,
  clock: "fixed" | "real" = "fixed",
): Promise<Running> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "advisor-server-"));
  const config = Config.parse({
    PORT: "0",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    MicrosoftAppId: "",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
  });
  const app = await createApp(config, {
    ...(clock === "fixed" ? { now: () => NOW } : {}),
    log: createLogger("silent"),
  });
  const url = await app.listen();
  return {
    app,
    url,
    dataDir: dir,
    stop: async (removeData = true) => {
      await app.close();
      if (removeData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
export function activity(conversation: string, fields: Partial<Activity>): Partial<Activity> {
  seq++;
  return {
    type: "message",
    id: `a${seq}`,
    channelId: "webchat",
    serviceUrl: "http://127.0.0.1:1",
    from: { id: `user-${conversation}`, name: "Learner" },
    recipient: { id: "advisor-bot", name: "Advisor" },
    conversation: { id: conversation },
    deliveryMode: "expectReplies",
    ...fields,
  } as Partial<Activity>;
}

/** POST an activity with expectReplies; the bot's messages (no typing, no traces). */
export async function send(
  url: string,
  a: Partial<Activity>,
  headers: Record<string, string> = {},
): Promise<{ status: number; activities: Activity[] }> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(a),
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as { activities?: Activity[] }) : {};
  return { status: res.status, activities: (body.activities ?? []).filter((x) => x.type === "message") };
}

export const say = (url: string, conversation: string, text: string) =>
  send(url, activity(conversation, { text }));
export const textOf = (as: Activity[]) => as.map((a) => a.text ?? a.summary ?? "").join("\n");
