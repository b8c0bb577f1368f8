import type { Storage } from "botbuilder";
import { LowdbStorage } from "./lowdb-storage.ts";

export interface RetentionTarget {
  storage: Storage;
  /** For Azure Blob storage: where to list the blobs. */
  blob?: { connectionString: string; container: string };
}

/**
 * Delete conversations idle since before `cutoff` (DATA_RETENTION_DAYS): on lowdb by the time each
 * conversation was last written, on Azure Blob by the blob's last-modified time. Returns how many.
 */
export async function purgeIdleConversations(target: RetentionTarget, cutoff: Date): Promise<number> {
  const { storage } = target;
  let purged = 0;
  if (storage instanceof LowdbStorage) {
    const old: string[] = [];
    for await (const { key, doc } of storage.documents.entries()) {
      const updatedAt = (doc as { updatedAt?: unknown }).updatedAt;
      if (key.includes("/conversations/") && typeof updatedAt === "string" && new Date(updatedAt) < cutoff)
        old.push(key);
    }
    // A conversation that came back to life while the folder was scanned is kept: look again first.
    for (const key of old) {
      const now = (await storage.read([key]))[key] as { updatedAt?: unknown } | undefined;
      if (now && typeof now.updatedAt === "string" && new Date(now.updatedAt) < cutoff) {
        await storage.delete([key]);
        purged++;
      }
    }
  } else if (target.blob) {
    // Loaded only on Azure Blob storage (see server.ts).
    const { ContainerClient } = await import("@azure/storage-blob");
    const container = new ContainerClient(target.blob.connectionString, target.blob.container);
    if (!(await container.exists())) return 0;
    for await (const blob of container.listBlobsFlat()) {
      const modified = blob.properties.lastModified;
      if (modified && modified < cutoff && decodeURIComponent(blob.name).includes("/conversations/")) {
        await container.deleteBlob(blob.name).catch(() => {});
        purged++;
      }
    }
  }
  return purged;
}
