import { z } from "zod";
import { type Understanding, understand } from "../src/nlu/understand.ts";
import type { AdvisorServices } from "./advice.ts";
import type { AdvisorContext, AdvisorEvent } from "./types.ts";

/** What a channel passes in: typed text, or a card's submitted data (Adaptive Cards `activity.value`). */
export interface TurnInput {
  text?: string;
  value?: unknown;
}

/** Card submits the bot's own cards send. Anything else is refused with a clear reply. */
export const CardSubmit = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("checkUnits"),
    qualificationId: z.string().min(1).max(40),
    // Input.ChoiceSet with isMultiSelect submits one comma-separated string.
    units: z.union([z.string().max(2000), z.array(z.string().max(80)).max(100)]),
  }),
  z.strictObject({ action: z.literal("choose"), qualificationId: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal("say"), text: z.string().max(2000) }),
]);
export type CardSubmit = z.infer<typeof CardSubmit>;

const PROFILE_KEYS = [
  "role",
  "experienceMonths",
  "level",
  "working",
  "apprenticeship",
  "nation",
  "age",
  "userKind",
  "learnerName",
  "qualificationsHeld",
] as const;
const hasProfileFacts = (u: Understanding) => PROFILE_KEYS.some((k) => u[k] !== undefined);

function objectiveOf(text: string): "glh" | "units" | "credits" | "role" | undefined {
  const t = text.toLowerCase();
  if (/\b(fewest|least|fewer|minimum) units\b/.test(t)) return "units";
  if (/\b(fewest|least|fewer|minimum) credits\b/.test(t)) return "credits";
  if (/\b(relevant|my role|my job)\b/.test(t)) return "role";
  if (/\b(fewest|least) (hours|glh)|\bquickest\b|\bfastest\b/.test(t)) return "glh";
  return undefined;
}

/** One user message or submit, read in the light of the conversation, as one machine event. */
export function toEvent(
  input: TurnInput,
  c: Pick<AdvisorContext, "expecting" | "qualificationId" | "units">,
  services: AdvisorServices,
  today: Date,
): AdvisorEvent | { type: "BAD_SUBMIT" } {
  const empty: Understanding = { evidence: [] };
  if (input.value !== undefined && input.value !== null && (input.text === undefined || input.text === "")) {
    const submit = CardSubmit.safeParse(input.value);
    if (!submit.success) return { type: "BAD_SUBMIT" };
    const v = submit.data;
    if (v.action === "checkUnits") {
      const units = (Array.isArray(v.units) ? v.units : v.units.split(","))
        .map((x) => x.trim())
        .filter(Boolean);
      if (!services.catalogue.entries.has(v.qualificationId)) return { type: "BAD_SUBMIT" };
      return { type: "UNITS", units, qualificationId: v.qualificationId, u: empty };
    }
    if (v.action === "choose") {
      if (!services.catalogue.entries.has(v.qualificationId)) return { type: "BAD_SUBMIT" };
      return { type: "CHOOSE", qualificationId: v.qualificationId, u: empty };
    }
    return toEvent({ text: v.text }, c, services, today);
  }
  const text = (input.text ?? "").slice(0, 4000);
  if (!text.trim()) return { type: "UNCLEAR", u: empty };
  const u = understand(text, {
    catalogue: services.catalogue,
    today,
    ...(c.expecting ? { expecting: c.expecting } : {}),
    ...(c.qualificationId ? { qualificationId: c.qualificationId } : {}),
  });
  const lower = text.toLowerCase();
  switch (u.intent) {
    case "deleteData":
      return { type: "DELETE_DATA", u };
    case "handover":
      return { type: "HANDOVER", u };
    case "restart":
      return { type: "RESTART", u };
    case "back":
      return { type: "BACK", u };
    case "cancel":
      return { type: "CANCEL", u };
    case "help":
      return { type: "HELP", u };
    case "record":
      return { type: "RECORD", u };
  }
  if (/^\s*(apply (the )?(smallest )?fix|fix it|apply it)\s*$/i.test(text)) return { type: "APPLY_FIX", u };
  if (/\b(choose|pick|select|use) (my )?own units\b|^\s*(my own units|change units)\s*$/i.test(text))
    return { type: "OWN_UNITS", u };
  if (
    u.ambiguous &&
    (u.intent === "whatNext" ||
      u.intent === "unitsIn" ||
      u.intent === "plan" ||
      c.expecting === "qualification")
  )
    return { type: "AMBIGUOUS", candidates: u.ambiguous, u };
  switch (u.intent) {
    case "define":
    case "together":
    case "whatIsUnit":
    case "compare":
    case "unitsIn":
    case "whatNext":
      return { type: "ASK", u };
    case "check":
      if (u.units?.length)
        return {
          type: "UNITS",
          units: u.units,
          ...(u.qualification ? { qualificationId: u.qualification } : {}),
          u,
        };
      if (c.units?.length) return { type: "UNITS", units: c.units, u };
      return { type: "OWN_UNITS", u };
    case "plan": {
      const objective = objectiveOf(lower);
      return {
        type: "PLAN",
        ...(objective ? { objective } : {}),
        ...(u.qualification ? { qualificationId: u.qualification } : {}),
        u,
      };
    }
    case "recommend":
      return { type: "RECOMMEND", u };
  }
  if (c.expecting === "confirm" && u.yesNo !== undefined) return { type: u.yesNo ? "YES" : "NO", u };
  if (u.units?.length && !hasProfileFacts(u))
    return {
      type: "UNITS",
      units: u.units,
      ...(u.qualification ? { qualificationId: u.qualification } : {}),
      u,
    };
  if (u.qualification && !hasProfileFacts(u)) return { type: "CHOOSE", qualificationId: u.qualification, u };
  if (
    c.expecting === "qualification" &&
    u.qualificationsHeld?.length === 1 &&
    !u.role &&
    u.experienceMonths === undefined
  )
    return { type: "CHOOSE", qualificationId: u.qualificationsHeld[0] ?? "", u };
  if (hasProfileFacts(u)) return { type: "FACTS", u };
  if (u.intent === "skip") return { type: "SKIP", u };
  if (u.intent === "accept") return { type: "ACCEPT", u };
  if (u.intent === "greeting") return { type: "GREET", u };
  if (u.yesNo !== undefined) return { type: u.yesNo ? "YES" : "NO", u };
  if (u.ambiguous) return { type: "AMBIGUOUS", candidates: u.ambiguous, u };
  return { type: "UNCLEAR", u };
}
