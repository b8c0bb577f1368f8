import { accessSync, constants, statSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** The one line the browser suite fails with when no browser is installed. */
export const NO_BROWSER =
  "No Chromium, Chrome or Edge found for the browser tests: install one (Debian/Ubuntu: sudo apt-get install chromium; elsewhere Google Chrome or Microsoft Edge), or set CHROMIUM_PATH to its executable.";

/** Where distributions put their Chromium, Chrome or Edge (checked in this order). */
export const KNOWN_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/usr/bin/microsoft-edge-stable",
  "/usr/bin/microsoft-edge",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

/** playwright-core's channels for branded browsers installed where their vendors put them. */
export const CHANNELS = ["chrome", "msedge", "chrome-beta", "msedge-beta", "chrome-dev", "msedge-dev"];

export type BrowserChoice = { executablePath: string } | { channel: string };

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** An error whose whole report is its message (no stack): one clear line. */
class OneLine extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrowserNotFound";
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * The browser to drive: CHROMIUM_PATH if set (it must be an executable), else the first of the known
 * paths, playwright's own download (`npx playwright install chromium`), or a branded channel that
 * launches. None: a one-line error saying how to install one.
 */
export async function findBrowser(
  options: {
    env?: NodeJS.ProcessEnv;
    paths?: string[];
    channels?: string[];
    canLaunch?: (channel: string) => Promise<boolean>;
  } = {},
): Promise<BrowserChoice> {
  const env = options.env ?? process.env;
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (executable(fromEnv)) return { executablePath: fromEnv };
    throw new OneLine(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${NO_BROWSER}`);
  }
  const paths = options.paths ?? [...KNOWN_PATHS, chromium.executablePath()];
  const found = paths.find(executable);
  if (found) return { executablePath: found };
  const canLaunch =
    options.canLaunch ??
    ((channel: string) =>
      chromium.launch({ channel, args: ["--headless", "--no-sandbox"] }).then(
        (b) => b.close().then(() => true),
        () => false,
      ));
  for (const channel of options.channels ?? CHANNELS) if (await canLaunch(channel)) return { channel };
  throw new OneLine(NO_BROWSER);
}

/** Launch the browser `findBrowser` picks. */
/** The flags that work here as root with no network (see GUIDE.md). */
export const HEADLESS_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(args: string[]): Promise<Browser> {
  return chromium.launch({ ...(await findBrowser()), args });
}
