import { type FileHandle, mkdir, open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A segment of the journal on disk, in the order it was written. */
export interface Segment {
  seq: number;
  file: string;
}

const NAME = /^(\d{8})\.log$/;
const nameOf = (seq: number) => `${String(seq).padStart(8, "0")}.log`;

/**
 * An append-only log of lines with group commit: lines appended while a write is on its way are
 * written together by the next single write, so many turns share one system call. A line is
 * acknowledged once its write has returned (the text is in the operating system's hands: it survives
 * the process being killed, as the per-document files' rename does; no fsync, so not a power loss).
 *
 * The log is a series of numbered segment files. `rotate()` starts a new segment and hands back the
 * older ones, so the owner can write their contents elsewhere and then delete them.
 */
export class Journal {
  readonly #dir: string;
  #seq: number;
  #fh: Promise<FileHandle> | undefined;
  #bytes = 0;
  #writes = 0;
  #pending: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  #scheduled = false;
  // Every write and every rotation runs on this chain, one at a time.
  #chain: Promise<unknown> = Promise.resolve();
  // After a failed write the segment may end in a partial line: the next write cuts it off first.
  #broken = false;

  /** `after`: the highest segment number already on disk (new segments are numbered after it). */
  constructor(dir: string, after = 0) {
    this.#dir = dir;
    this.#seq = after;
  }

  /** The segments in `dir`, oldest first. */
  static async segments(dir: string): Promise<Segment[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    return names
      .flatMap((n) => {
        const m = NAME.exec(n);
        return m ? [{ seq: Number(m[1]), file: join(dir, n) }] : [];
      })
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * The records of a segment: every complete line that parses as a JSON object. A line that does not
   * is reported; `tornTail` says whether the only bad line is the last one, unterminated (a write cut
   * short by a crash: it was never acknowledged).
   */
  static async read(file: string): Promise<{ records: unknown[]; bad: number; tornTail: boolean }> {
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const records: unknown[] = [];
    let bad = 0;
    let tornTail = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line === "") continue;
      try {
        const r: unknown = JSON.parse(line);
        if (typeof r !== "object" || r === null) throw new Error("not an object");
        records.push(r);
      } catch {
        if (i === lines.length - 1) tornTail = true;
        else bad++;
      }
    }
    return { records, bad, tornTail };
  }

  /** How many batches have been written (each one system call, unless the OS took it in parts). */
  get writes(): number {
    return this.#writes;
  }

  /** Bytes appended to the current segment. */
  get size(): number {
    return this.#bytes;
  }

  #openNext(): Promise<FileHandle> {
    this.#seq++;
    this.#bytes = 0;
    const file = join(this.#dir, nameOf(this.#seq));
    return mkdir(this.#dir, { recursive: true }).then(() => open(file, "a"));
  }

  /** Append one line (no newline in it); resolves once it is written. */
  append(line: string): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ line, resolve, reject }));
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#chain = this.#chain.then(() => this.#writeBatch());
    }
    return done;
  }

  async #writeBatch(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    if (!batch.length) return;
    try {
      const fh = await this.#handle();
      let text = "";
      for (const p of batch) text += `${p.line}\n`;
      const buf = Buffer.from(text, "utf8");
      let off = 0;
      while (off < buf.length) {
        const { bytesWritten } = await fh.write(buf, off, buf.length - off);
        off += bytesWritten;
      }
      this.#bytes += buf.length;
      this.#writes++;
      for (const p of batch) p.resolve();
    } catch (e) {
      this.#broken = true;
      for (const p of batch) p.reject(e);
    }
  }

  /**
   * The segment to write to. After a failed write (a full disk) the same segment is cut back to its
   * last complete line and used again, so failures leave no trail of new files; only if that cannot be
   * done is a new segment started.
   */
  async #handle(): Promise<FileHandle> {
    if (this.#broken && this.#fh) {
      const current = this.#fh;
      try {
        const fh = await current;
        await fh.truncate(this.#bytes);
        this.#broken = false;
        return fh;
      } catch {
        this.#fh = undefined;
        await current.then((h) => h.close()).catch(() => {});
      }
    }
    this.#broken = false;
    this.#fh ??= this.#openNext();
    return this.#fh;
  }

  /**
   * Start a new segment for what is appended from now on; resolves with the number of the last
   * segment written before (every line acknowledged so far is in it or an earlier one).
   */
  rotate(): Promise<number> {
    const done = this.#chain.then(async () => {
      const last = this.#seq;
      if (!this.#fh) return last;
      const old = this.#fh;
      this.#fh = undefined; // the next write opens the next segment
      this.#bytes = 0;
      await old.then((h) => h.close()).catch(() => {});
      return last;
    });
    this.#chain = done.catch(() => {});
    return done;
  }

  /** Wait for writes under way and close the current segment. */
  async close(): Promise<void> {
    await this.rotate();
  }
}
