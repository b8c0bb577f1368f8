import { randomUUID } from "node:crypto";
import type { Storage } from "botbuilder";

/**
 * A probe document of 8 KB: more than a conversation's (~2 KB), and more than what is left of a
 * partly used disk block, so a full disk shows even where small writes still fit.
 */
const PAD = "0".repeat(8 * 1024);

/**
 * Whether the store takes writes (write and delete a probe document), asked at most once per
 * `intervalMs` whoever asks: callers in between share the latest answer (or the probe under way), so
 * /readyz cannot be used to make the store write without limit.
 */
export function storeProbe(storage: Storage, intervalMs: number, onError: (err: unknown) => void) {
  let last: { at: number; result: Promise<boolean> } | undefined;
  const probe = async (): Promise<boolean> => {
    try {
      const key = `readyz/${randomUUID()}`;
      await storage.write({ [key]: { at: new Date().toISOString(), pad: PAD } });
      await storage.delete([key]);
      return true;
    } catch (err) {
      onError(err);
      return false;
    }
  };
  return (): Promise<boolean> => {
    const now = Date.now();
    if (!last || now - last.at >= intervalMs) last = { at: now, result: probe() };
    return last.result;
  };
}
