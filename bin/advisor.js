#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx advisor` works straight after `npm install`.
import { register } from "tsx/esm/api";

register();
// `advisor show x | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import("../src/channels/cli/main.ts");
const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
process.exitCode = await main(process.argv.slice(2), io);
