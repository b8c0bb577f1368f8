import { z } from "zod";
import { nestedDeeperThan } from "../../http/body.ts";
import { CHANNEL_ID, isWellFormed } from "../../storage/keys.ts";

/** A card submit's data: small and shallow (the unit picker's is a few hundred bytes, one level). */
export const MAX_VALUE_BYTES = 8 * 1024;
export const MAX_VALUE_DEPTH = 8;

/** Adaptive Card submit data (activity.value): checked before anything keeps or reads it. */
export const CardValue = z.unknown().superRefine((v, ctx) => {
  if (v === undefined || v === null) return;
  if (typeof v !== "string" && (typeof v !== "object" || Array.isArray(v))) {
    ctx.addIssue({ code: "custom", message: "A card submit's value is an object (or a string)." });
    return;
  }
  if (nestedDeeperThan(v, MAX_VALUE_DEPTH)) {
    ctx.addIssue({ code: "custom", message: `Nested more than ${MAX_VALUE_DEPTH} levels deep.` });
    return;
  }
  if (Buffer.byteLength(JSON.stringify(v)) > MAX_VALUE_BYTES)
    ctx.addIssue({ code: "custom", message: `Over ${MAX_VALUE_BYTES / 1024} KB.` });
});

/** An id that names a document in the store: well-formed Unicode (see storage/keys.ts). */
const id = (max: number) =>
  z.string().min(1).max(max).refine(isWellFormed, "Not well-formed Unicode (a lone surrogate).");

const account = z.looseObject({ id: id(512) });
const entity = z
  .looseObject({
    type: z.string().min(1).max(100),
    mentioned: z.looseObject({ id: z.string().max(512) }).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.type === "mention" && e.mentioned === undefined)
      ctx.addIssue({ code: "custom", path: ["mentioned"], message: "A mention names who is mentioned." });
  });

/**
 * The least an activity must have for the bot to read it; the Bot Framework adds more, all kept. A
 * field the bot reads must have the type it reads it as: otherwise 400 naming the field, not an
 * apology for a turn that failed on it.
 */
export const ActivityShape = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().regex(CHANNEL_ID, "Letters, digits, '.', '_' or '-' (at most 64).").optional(),
  conversation: z.looseObject({ id: id(512) }),
  from: account.optional(),
  recipient: z.looseObject({ id: z.string().max(512) }).optional(),
  text: z.string().max(20_000).optional(),
  serviceUrl: z.string().max(2048).optional(),
  locale: z.string().max(64).optional(),
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
  entities: z.array(entity).max(100).optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(255) }))
    .max(50)
    .optional(),
  value: CardValue.optional(),
});

/** The issues of a refused body, for a 400 that names the fields. */
export const issuesOf = (error: z.ZodError) =>
  error.issues.slice(0, 10).map((i) => ({ path: i.path.join("."), message: i.message }));
