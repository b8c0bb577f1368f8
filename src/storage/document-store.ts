import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { Journal, type Segment } from "./journal.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { isWellFormed } from "./keys.ts";

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

/** Told when a corrupt document (or journal segment) is found and moved aside (never silently replaced). */
export type CorruptHandler = (info: { key: string; file: string; movedTo: string; problem: string }) => void;

export interface DocumentStoreOptions {
  /** How many documents' text to keep in memory (least recently used dropped first; default 10,000). */
  cacheSize?: number;
  /** At most this much of their text, in bytes (default 32 MB). */
  cacheBytes?: number;
  /**
   * With the journal: at most this many documents written but not yet in their files (default 10,000).
   * A write beyond it waits for a checkpoint, so memory does not grow when writes outrun checkpoints.
   */
  maxUnwritten?: number;
  /**
   * Acknowledge writes once appended to a journal (group commit: one system call for all the writes
   * under way) and write each document's own file later, at a checkpoint, with only its newest
   * version. Off: every write goes straight to its file.
   */
  journal?: boolean | { checkpointMs?: number; maxBytes?: number };
}

/**
 * Keys are hashed as UTF-8 to name their files: a lone surrogate would be read as U+FFFD, and two keys
 * would share a file. Such keys are refused.
 */
function wellFormed(key: string): void {
  if (!isWellFormed(key)) throw new TypeError("A key must be well-formed Unicode (no lone surrogate).");
}

/** The journal's folder inside the store's folder. */
export const JOURNAL_DIR = ".journal";
/** A document in the journal that is newer than its file: its text, or null when it was deleted. */
type Dirty = { text: string; eTag: string } | null;

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
 *
 * With the journal on (the bot's store), a write is acknowledged once its line is in the journal
 * (.journal/NNNNNNNN.log, written by group commit) and its file is written at the next checkpoint
 * (every `checkpointMs`, or when the journal reaches `maxBytes`, and on close): a conversation that
 * takes ten turns between checkpoints costs one file write instead of ten. Until then the newest text
 * is held in memory. On open, a journal left by a crash is replayed into the files, then removed; a
 * line cut short by the crash was never acknowledged and is dropped; a damaged segment is kept aside.
 */
export class DocumentStore<T> {
  readonly #dir: string;
  readonly #onCorrupt: CorruptHandler;
  readonly #queue = new KeyedQueue();
  readonly #cache = new Map<string, { text: string; eTag: string }>();
  readonly #cacheSize: number;
  readonly #cacheBytes: number;
  #cachedBytes = 0;
  readonly #maxUnwritten: number;
  readonly #dirs = new Set<string>();
  readonly #journalOptions: { checkpointMs: number; maxBytes: number } | undefined;
  readonly #dirty = new Map<string, Dirty>();
  #journal: Journal | undefined;
  #opening: Promise<void> | undefined;
  #open = false;
  #timer: NodeJS.Timeout | undefined;
  #checkpointing: Promise<void> | undefined;

  constructor(dir: string, onCorrupt: CorruptHandler = () => {}, options: DocumentStoreOptions = {}) {
    this.#dir = dir;
    this.#onCorrupt = onCorrupt;
    this.#cacheSize = options.cacheSize ?? 10_000;
    this.#cacheBytes = options.cacheBytes ?? 32 * 1024 * 1024;
    this.#maxUnwritten = options.maxUnwritten ?? 10_000;
    const j = options.journal;
    this.#journalOptions = j
      ? {
          checkpointMs: (typeof j === "object" ? j.checkpointMs : undefined) ?? 2000,
          maxBytes: (typeof j === "object" ? j.maxBytes : undefined) ?? 16 * 1024 * 1024,
        }
      : undefined;
  }

  /** Ready for use: with the journal on, a journal left behind is replayed first (once). */
  #ready(): Promise<void> | undefined {
    if (this.#open) return undefined;
    this.#opening ??= this.#replay().then(() => {
      this.#open = true;
    });
    return this.#opening;
  }

  async #replay(): Promise<void> {
    if (!this.#journalOptions) return;
    const dir = join(this.#dir, JOURNAL_DIR);
    const segments = await Journal.segments(dir);
    const latest = new Map<string, string | null>();
    const damaged = new Map<Segment, number>();
    for (const segment of segments) {
      const { records, bad } = await Journal.read(segment.file);
      let wrong = bad;
      for (const r of records as Record<string, unknown>[]) {
        if (typeof r.key !== "string") wrong++;
        else if (r.deleted === true) latest.set(r.key, null);
        else if (typeof r.eTag === "string" && "doc" in r)
          latest.set(r.key, JSON.stringify({ key: r.key, eTag: r.eTag, doc: r.doc }));
        else wrong++;
      }
      if (wrong) damaged.set(segment, wrong);
    }
    for (const [key, text] of latest) {
      if (text === null) await rm(this.fileOf(key), { force: true });
      else await this.#writeFile(key, text);
    }
    for (const segment of segments) {
      const wrong = damaged.get(segment);
      if (wrong === undefined) {
        await rm(segment.file, { force: true });
        continue;
      }
      const movedTo = `${segment.file}.corrupt-${Date.now()}-${randomUUID().slice(0, 8)}`;
      await rename(segment.file, movedTo).catch(() => {});
      this.#onCorrupt({
        key: JOURNAL_DIR,
        file: segment.file,
        movedTo,
        problem: `${wrong} unreadable journal line(s); the readable ones were applied`,
      });
    }
    this.#journal = new Journal(dir, segments.at(-1)?.seq ?? 0);
  }

  /** Write one document's file: lowdb through steno (temporary file, then rename). */
  async #writeFile(key: string, text: string): Promise<void> {
    const file = this.fileOf(key);
    const folder = dirname(file);
    if (!this.#dirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#dirs.add(folder);
    }
    const db = new Low<unknown>(new DataFile(file, { parse: JSON.parse, stringify: () => text }), null);
    // The text is already the file's content; lowdb only needs non-null data to write.
    db.data = true;
    await db.write();
  }

  #scheduleCheckpoint(): void {
    const o = this.#journalOptions;
    if (!o || !this.#journal) return;
    if (this.#journal.size >= o.maxBytes) {
      void this.checkpoint().catch(() => {});
      return;
    }
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A failed checkpoint keeps the journal and the documents in memory; the next one tries again.
      this.checkpoint().catch(() => this.#scheduleCheckpoint());
    }, o.checkpointMs);
    this.#timer.unref();
  }

  /**
   * Write every document newer than its file to its file, then remove the journal segments that held
   * them. Runs one at a time; writes go on meanwhile (into a new segment).
   */
  checkpoint(): Promise<void> {
    if (!this.#journalOptions) return Promise.resolve();
    this.#checkpointing ??= this.#checkpoint().finally(() => {
      this.#checkpointing = undefined;
    });
    return this.#checkpointing;
  }

  async #checkpoint(): Promise<void> {
    await this.#ready();
    const journal = this.#journal;
    if (!journal) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const last = await journal.rotate();
    const keys = [...this.#dirty.keys()];
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++] as string;
        await this.#queue.run(key, async () => {
          const entry = this.#dirty.get(key);
          if (entry === undefined) return;
          if (entry !== null) await this.#writeFile(key, entry.text);
          this.#dirty.delete(key);
        });
      }
    };
    // A few files at a time, so turns under way are not held up behind a long checkpoint.
    await Promise.all(Array.from({ length: 4 }, worker));
    for (const segment of await Journal.segments(join(this.#dir, JOURNAL_DIR)))
      if (segment.seq <= last) await rm(segment.file, { force: true });
    if (this.#dirty.size) this.#scheduleCheckpoint();
  }

  /** Write what is only in the journal to the documents' files and close the journal. */
  async close(): Promise<void> {
    if (!this.#journalOptions) return;
    await this.checkpoint();
    await this.#journal?.close();
  }

  #remember(key: string, text: string, eTag: string): void {
    this.#forget(key);
    if (this.#cacheSize <= 0 || text.length > this.#cacheBytes) return;
    this.#cache.set(key, { text, eTag });
    this.#cachedBytes += text.length;
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= this.#cacheSize && this.#cachedBytes <= this.#cacheBytes) break;
      this.#forget(oldest);
    }
  }

  #forget(key: string): void {
    const held = this.#cache.get(key);
    if (!held) return;
    this.#cache.delete(key);
    this.#cachedBytes -= held.text.length;
  }

  /** What is held in memory (for tests and benchmarks): cached documents and their text; unwritten ones. */
  get held(): { cached: number; cachedBytes: number; unwritten: number } {
    return { cached: this.#cache.size, cachedBytes: this.#cachedBytes, unwritten: this.#dirty.size };
  }

  /** Wait, before `key` joins the unwritten documents, until there is room (see maxUnwritten). */
  async #roomFor(key: string): Promise<void> {
    while (this.#dirty.size >= this.#maxUnwritten && !this.#dirty.has(key)) await this.checkpoint();
  }

  fileOf(key: string): string {
    wellFormed(key);
    const h = createHash("sha256").update(key).digest("hex");
    return join(this.#dir, h.slice(0, 2), `${h.slice(2, 40)}.json`);
  }

  /**
   * The document's text if this process holds it: the journal's newest (null: deleted there), else
   * the cache's copy; undefined when only the file can tell.
   */
  #held(key: string): Dirty | undefined {
    const dirty = this.#dirty.get(key);
    return dirty !== undefined ? dirty : this.#cache.get(key);
  }

  async #load(key: string): Promise<Stored<T> | undefined> {
    const opening = this.#ready();
    if (opening) await opening;
    const held = this.#held(key);
    if (held !== undefined) {
      if (held === null) return undefined;
      const data = JSON.parse(held.text) as FileShape<T>;
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

  async read(key: string): Promise<Stored<T> | undefined> {
    wellFormed(key);
    return this.#queue.run(key, () => this.#load(key));
  }

  /**
   * Write a document. With `eTag` (other than "*"), the write is refused with ETagConflictError when
   * the stored document has another eTag (or none, when `eTag` is given and nothing is stored).
   */
  async write(key: string, doc: T, eTag?: string): Promise<string> {
    wellFormed(key);
    return this.#queue.run(key, async () => {
      const opening = this.#ready();
      if (opening) await opening;
      if (eTag !== undefined && eTag !== "*") {
        const held = this.#held(key);
        const current = held !== undefined ? held?.eTag : (await this.#load(key))?.eTag;
        if (current !== eTag) throw new ETagConflictError(key);
      }
      const newTag = randomUUID();
      // Compact JSON: the same text goes to the journal, the file and the in-memory copy.
      const text = JSON.stringify({ key, eTag: newTag, doc } satisfies FileShape<T>);
      if (this.#journal) {
        await this.#roomFor(key);
        await this.#journal.append(text);
        this.#dirty.set(key, { text, eTag: newTag });
        this.#remember(key, text, newTag);
        this.#scheduleCheckpoint();
        return newTag;
      }
      this.#forget(key);
      await this.#writeFile(key, text);
      this.#remember(key, text, newTag);
      return newTag;
    });
  }

  /** Every stored key with its document (files that cannot be read are skipped here, not moved). */
  async *entries(): AsyncGenerator<{ key: string; doc: T }> {
    // Documents newer than their files are written first, so the files tell the whole story.
    await this.checkpoint();
    await this.#ready();
    let shards: string[];
    try {
      shards = await readdir(this.#dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const shard of shards) {
      if (shard.startsWith(".")) continue;
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

  async delete(key: string): Promise<void> {
    wellFormed(key);
    return this.#queue.run(key, async () => {
      await this.#ready();
      // In the journal first, so a replay never brings back an older version of the document.
      if (this.#journal) {
        await this.#roomFor(key);
        await this.#journal.append(JSON.stringify({ key, deleted: true }));
        this.#dirty.set(key, null);
        this.#scheduleCheckpoint();
      }
      this.#forget(key);
      await rm(this.fileOf(key), { force: true });
    });
  }
}
