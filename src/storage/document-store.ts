import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { KeyedQueue } from "./keyed-queue.ts";

/** A stored document and the eTag it was written with. */
export interface Stored<T> {
  doc: T;
  eTag: string;
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`The document "${key}" was changed by someone else (stale eTag).`);
    this.name = "ETagConflictError";
  }
}

/** Told when a corrupt document is found and moved aside (never silently replaced). */
export type CorruptHandler = (info: { key: string; file: string; movedTo: string; problem: string }) => void;

interface FileShape<T> {
  key: string;
  eTag: string;
  doc: T;
}

/**
 * Documents on disk with lowdb: one JSON file per key in a folder sharded by the key's hash, so the
 * cost of a read or write does not grow with the number of conversations stored. lowdb writes through
 * steno (temporary file, then rename), so a crash mid-write never leaves a half-written file. Writes of
 * one key are serialised in the process and checked against the stored eTag.
 *
 * The store is the only writer of its folder (lowdb is the one-process store; several instances use
 * Azure Blob), so it keeps the text of recently used documents in memory: a turn then costs one
 * write and no read. The text is parsed again on every read, so callers never share objects.
 */
export class DocumentStore<T> {
  readonly #dir: string;
  readonly #onCorrupt: CorruptHandler;
  readonly #queue = new KeyedQueue();
  readonly #cache = new Map<string, { text: string; eTag: string }>();
  readonly #cacheSize: number;
  readonly #dirs = new Set<string>();

  constructor(dir: string, onCorrupt: CorruptHandler = () => {}, options: { cacheSize?: number } = {}) {
    this.#dir = dir;
    this.#onCorrupt = onCorrupt;
    this.#cacheSize = options.cacheSize ?? 10_000;
  }

  #remember(key: string, text: string, eTag: string): void {
    if (this.#cacheSize <= 0) return;
    this.#cache.delete(key);
    this.#cache.set(key, { text, eTag });
    if (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
  }

  fileOf(key: string): string {
    const h = createHash("sha256").update(key).digest("hex");
    return join(this.#dir, h.slice(0, 2), `${h.slice(2, 40)}.json`);
  }

  async #load(key: string): Promise<Stored<T> | undefined> {
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      const data = JSON.parse(cached.text) as FileShape<T>;
      return { doc: data.doc, eTag: data.eTag };
    }
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
    let problem: string | undefined;
    try {
      const data = JSON.parse(text) as FileShape<T>;
      if (
        data &&
        typeof data === "object" &&
        data.key === key &&
        typeof data.eTag === "string" &&
        "doc" in data
      ) {
        this.#remember(key, text, data.eTag);
        return { doc: data.doc, eTag: data.eTag };
      }
      problem = "not a stored document (wrong shape or key)";
    } catch (e) {
      problem = `not valid JSON (${(e as Error).message})`;
    }
    // Keep the bad file for inspection, out of the way; the conversation starts over.
    const movedTo = `${file}.corrupt-${Date.now()}-${randomUUID().slice(0, 8)}`;
    await rename(file, movedTo).catch(() => {});
    this.#onCorrupt({ key, file, movedTo, problem });
    return undefined;
  }

  read(key: string): Promise<Stored<T> | undefined> {
    return this.#queue.run(key, () => this.#load(key));
  }

  /**
   * Write a document. With `eTag` (other than "*"), the write is refused with ETagConflictError when
   * the stored document has another eTag (or none, when `eTag` is given and nothing is stored).
   */
  write(key: string, doc: T, eTag?: string): Promise<string> {
    return this.#queue.run(key, async () => {
      if (eTag !== undefined && eTag !== "*") {
        const current = this.#cache.get(key)?.eTag ?? (await this.#load(key))?.eTag;
        if (current !== eTag) throw new ETagConflictError(key);
      }
      const file = this.fileOf(key);
      const folder = dirname(file);
      if (!this.#dirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        this.#dirs.add(folder);
      }
      const newTag = randomUUID();
      const data: FileShape<T> = { key, eTag: newTag, doc };
      // Compact JSON: the same text goes to disk and to the in-memory copy.
      const text = JSON.stringify(data);
      const db = new Low<FileShape<T>>(
        new DataFile(file, { parse: JSON.parse, stringify: () => text }),
        data,
      );
      db.data = data;
      this.#cache.delete(key);
      await db.write();
      this.#remember(key, text, newTag);
      return newTag;
    });
  }

  /** Every stored key with its document (files that cannot be read are skipped here, not moved). */
  async *entries(): AsyncGenerator<{ key: string; doc: T }> {
    let shards: string[];
    try {
      shards = await readdir(this.#dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const shard of shards) {
      const names = await readdir(join(this.#dir, shard)).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith(".json") || name.startsWith(".")) continue;
        try {
          const data = JSON.parse(await readFile(join(this.#dir, shard, name), "utf8")) as FileShape<T>;
          if (data && typeof data.key === "string") yield { key: data.key, doc: data.doc };
        } catch {
          // Unreadable: read() moves it aside when its conversation is next used.
        }
      }
    }
  }

  delete(key: string): Promise<void> {
    return this.#queue.run(key, async () => {
      this.#cache.delete(key);
      await rm(this.fileOf(key), { force: true });
    });
  }
}
