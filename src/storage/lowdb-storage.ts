import type { Storage, StoreItems } from "botbuilder";
import {
  type CorruptHandler,
  DocumentStore,
  type DocumentStoreOptions,
  ETagConflictError,
} from "./document-store.ts";

/**
 * botbuilder's Storage on lowdb: one JSON file per key (sharded folders), atomic writes, real eTags.
 * Contract (as botbuilder-js's storage base tests): missing keys are omitted on read; a write whose
 * item carries a stale eTag is rejected; eTag "*" or none writes anyway; deleting a missing key is fine.
 * The journal is on unless told otherwise (see DocumentStore): `close()` writes what only it holds.
 */
export class LowdbStorage implements Storage {
  readonly documents: DocumentStore<Record<string, unknown>>;

  constructor(dir: string, onCorrupt?: CorruptHandler, options: DocumentStoreOptions = { journal: true }) {
    this.documents = new DocumentStore(dir, onCorrupt, options);
  }

  close(): Promise<void> {
    return this.documents.close();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError("Keys are required when reading");
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const found = await this.documents.read(key);
        if (found) items[key] = { ...found.doc, eTag: found.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== "object") throw new TypeError("Changes are required when writing");
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...doc } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
        const expected = typeof eTag === "string" && eTag !== "" ? eTag : undefined;
        try {
          const tag = await this.documents.write(key, doc, expected);
          if (item && typeof item === "object") (item as { eTag?: string }).eTag = tag;
        } catch (e) {
          if (e instanceof ETagConflictError) throw new StorageConflictError(key);
          throw e;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError("Keys are required when deleting");
    await Promise.all(keys.map((k) => this.documents.delete(k)));
  }
}

/** A write lost a race: someone else changed the item since it was read. */
export class StorageConflictError extends Error {
  readonly statusCode = 412;
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = "StorageConflictError";
  }
}

/** An eTag conflict from any of our stores (lowdb here; Azure Blob answers 412). */
export function isETagConflict(e: unknown): boolean {
  if (e instanceof StorageConflictError) return true;
  const err = e as { statusCode?: number; code?: string; message?: string } | undefined;
  return (
    err?.statusCode === 412 || err?.code === "ConditionNotMet" || /eTag conflict/i.test(err?.message ?? "")
  );
}
