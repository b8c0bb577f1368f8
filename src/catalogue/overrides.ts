import { z } from "zod";
import { NumberFact, ReadingSetting, RefFact } from "./schema.ts";

/**
 * A centre's local additions: facts from the awarding body's full handbook that the shipped catalogue
 * lacks (unit credits, levels...). Same fact schema as the shipped catalogue, each fact with its source.
 */
export const OverrideFile = z.strictObject({
  /** Catalogue id of the qualification the facts belong to. */
  id: z.string().min(1),
  /** The centre's document the facts come from, e.g. "OCR 10265 centre handbook, version 3". */
  document: z.string().min(1),
  levelReading: ReadingSetting.optional(),
  groups: z.array(z.strictObject({ id: z.string().min(1), creditTotal: NumberFact })).default([]),
  units: z
    .array(
      z.strictObject({
        /** The unit's number, or its reference where the qualification numbers none. */
        unit: z.string().min(1),
        ref: RefFact.optional(),
        level: NumberFact.optional(),
        credits: NumberFact.optional(),
        glh: NumberFact.optional(),
      }),
    )
    .default([]),
});
export type OverrideFile = z.infer<typeof OverrideFile>;
