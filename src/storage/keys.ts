import { createHash } from "node:crypto";

/** A channel id as the Bot Framework names channels (msteams, webchat, directline, emulator, sms...). */
export const CHANNEL_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Azure Blob names are at most 1,024 characters once URI-encoded (BlobsStorage cuts longer ones). */
const MAX_ENCODED_KEY = 1024;

/** Whether a string is well-formed UTF-16 (no lone surrogate): only then does UTF-8 encode it exactly. */
export const isWellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

/**
 * The storage key of a conversation's (or user's) document: `<channel>/<kind>/<id part>`, the same
 * for every store (lowdb, Azure Blob, memory), and injective: distinct (channel, id) pairs never share
 * a document.
 *
 * The id part is the id itself when every store keeps it apart from every other id: Azure Blob's
 * BlobsStorage drops empty path segments (so `abc`, `/abc` and `abc/` would meet), and cuts names at
 * 1,024 encoded characters (so long ids with a common prefix would meet). An id with a "/" in it, one
 * starting with "~", or one too long for a blob name is replaced by "~" and the SHA-256 of its exact
 * UTF-8 bytes: plain ids never start with "~", so the two kinds never meet. Keys of ordinary ids are
 * unchanged, so documents stored before stay where they were.
 *
 * Throws on a channel id outside CHANNEL_ID or an id that is not well-formed (a lone surrogate, which
 * UTF-8 cannot hold: it would be read as U+FFFD and meet that id); the HTTP layer refuses both (400).
 */
export function documentKey(channelId: string, kind: "conversations" | "users", id: string): string {
  if (!CHANNEL_ID.test(channelId)) throw new TypeError("A channel id is letters, digits, '.', '_' or '-'.");
  if (!isWellFormed(id)) throw new TypeError("An id must be well-formed Unicode (no lone surrogate).");
  const plain = `${channelId}/${kind}/${id}`;
  if (
    id !== "" &&
    !id.includes("/") &&
    !id.startsWith("~") &&
    encodeURIComponent(plain).length <= MAX_ENCODED_KEY
  )
    return plain;
  return `${channelId}/${kind}/~${createHash("sha256").update(id, "utf8").digest("hex")}`;
}
