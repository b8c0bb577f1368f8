import { getShortestPaths } from "@xstate/graph";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createAdvisorMachine } from "../../dialogs/machine.ts";
import { stateName } from "../../dialogs/turn.ts";
import type { AdvisorEvent } from "../../dialogs/types.ts";
import { understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";
import { NOW, services, turn } from "./conversation.ts";

const machine = createAdvisorMachine(services);
// A day when IQ 600/5106/1 (minimum age 18) was still open, so that age can change the advice and
// the age question is reachable; today it never changes the advice, so it is never asked.
const today = "2013-06-01";
const u = (text: string, expecting?: Parameters<typeof understand>[1]["expecting"]) =>
  understand(text, { catalogue, today: NOW, ...(expecting ? { expecting } : {}) });

/** Sample events of every type, as the turn function would build them from real messages. */
const EVENTS: AdvisorEvent[] = [
  { type: "START" },
  { type: "BAD_SUBMIT" },
  { type: "GREET", u: u("hi") },
  { type: "FACTS", u: u("I'm a careers adviser") },
  { type: "FACTS", u: u("It's Priya", "learnerName") },
  { type: "FACTS", u: u("team leader, 3 years, NVQ 2") },
  { type: "FACTS", u: u("contact centre agent for 6 months, GCSEs") },
  { type: "FACTS", u: u("I don't want an apprenticeship") },
  { type: "FACTS", u: u("I'm 17") },
  { type: "FACTS", u: u("I'd like an apprenticeship") },
  { type: "FACTS", u: u("no", "working") },
  { type: "FACTS", u: u("Wales") },
  { type: "SKIP", u: u("skip") },
  { type: "UNCLEAR", u: u("zzz") },
  { type: "HELP", u: u("help") },
  { type: "HANDOVER", u: u("talk to a person") },
  { type: "BACK", u: u("back") },
  { type: "RESTART", u: u("restart") },
  { type: "CANCEL", u: u("cancel") },
  { type: "DELETE_DATA", u: u("delete my data") },
  { type: "YES", u: u("yes") },
  { type: "NO", u: u("no") },
  { type: "ACCEPT", u: u("looks good") },
  { type: "RECORD", u: u("session record") },
  { type: "RECOMMEND", u: u("what suits me") },
  { type: "PLAN", qualificationId: "ocr-10266", u: u("plan 10266") },
  { type: "CHOOSE", qualificationId: "ocr-10266", u: u("10266") },
  { type: "UNITS", units: ["1", "2", "3", "4"], qualificationId: "ocr-10266", u: u("units 1 2 3 4") },
  { type: "UNITS", units: ["1", "2"], u: u("units 1 and 2") },
  { type: "OWN_UNITS", u: u("choose my own units") },
  { type: "APPLY_FIX", u: u("apply the fix") },
  { type: "ASK", u: u("what does barred mean") },
  { type: "AMBIGUOUS", candidates: ["ocr-10268", "cg-600-1136-1"], u: u("plan the level 3 nvq") },
  { type: "HOLD_UNITS", held: { qualificationId: null, units: ["1", "2"] }, u: u("I have units 1 and 2") },
  {
    type: "HOLD_UNITS",
    held: { qualificationId: "ocr-10265", units: ["1", "2"] },
    u: u("I have units 1 and 2"),
  },
  { type: "EDIT_UNITS", add: ["12"], remove: ["10"], u: u("add unit 12 and remove 10") },
  { type: "DISMISS", u: u("nah") },
];

// Leaf states of the machine, from its own definition.
function leaves(node: { key: string; states: Record<string, unknown> }, prefix = ""): string[] {
  const children = Object.values(node.states) as { key: string; states: Record<string, unknown> }[];
  if (!children.length) return [prefix];
  return children.flatMap((c) => leaves(c, prefix ? `${prefix}.${c.key}` : c.key));
}
// "router" only decides where to go (eventless transitions): no conversation ever rests there.
const ALL_STATES = leaves(machine.root as unknown as { key: string; states: Record<string, unknown> }).filter(
  (s) => s !== "router",
);

describe("the machine's paths (@xstate/graph)", () => {
  // States are told apart by name and the answers that steer the router; the shortest path to each
  // of those is replayed through the real turn-by-turn actor.
  const paths = getShortestPaths(machine, {
    input: { today },
    events: EVENTS,
    limit: 100000,
    serializeState: (s) => {
      const c = s.context;
      return JSON.stringify([
        stateName(s.value),
        c.userKind,
        c.learnerNameAsked,
        c.role !== undefined && c.experienceMonths !== undefined && c.level !== undefined,
        c.qualificationId !== null,
        !!c.units,
        Math.min(c.misses, 3),
      ]);
    },
  });

  it("reach every state of the machine", () => {
    const reached = new Set(paths.map((p) => stateName(p.state.value)));
    console.log(
      `@xstate/graph: ${paths.length} shortest paths reach ${ALL_STATES.filter((s) => reached.has(s)).length} of ${ALL_STATES.length} states`,
    );
    expect(ALL_STATES.filter((s) => !reached.has(s))).toEqual([]);
    expect(ALL_STATES.length).toBeGreaterThanOrEqual(18);
  });

  it("replayed on a live actor, every step replies and ends where the graph says", () => {
    const shortestPerState = new Map<string, (typeof paths)[number]>();
    for (const p of paths) {
      const name = stateName(p.state.value);
      const known = shortestPerState.get(name);
      if (!known || p.steps.length < known.steps.length) shortestPerState.set(name, p);
    }
    for (const [name, path] of shortestPerState) {
      if (name === "router") continue;
      const actor = createActor(machine, { input: { today } });
      let replies = 0;
      actor.on("reply", () => {
        replies++;
      });
      actor.start();
      for (const step of path.steps.slice(1)) {
        replies = 0;
        actor.send(step.event);
        if (actor.getSnapshot().status === "active")
          expect(replies, `${name}: ${step.event.type}`).toBeGreaterThan(0);
      }
      expect(stateName(actor.getSnapshot().value)).toBe(name);
      actor.stop();
    }
  });
});

describe("fuzzing the turn function (fast-check)", () => {
  it("random text, random submits and random sequences never throw, always reply, and always store JSON", () => {
    const message = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom(
        "help",
        "back",
        "restart",
        "cancel",
        "yes",
        "no",
        "skip",
        "looks good",
        "apply the fix",
        "choose my own units",
        "plan 10265",
        "units 1 2 10 18",
        "team leader 3 years nvq 2",
        "delete my data",
        "I'm a careers adviser",
        "what comes after 10265",
        "session record",
        "10268",
      ),
      fc.string({ maxLength: 5000 }).map((s) => s.repeat(3)),
    );
    const input = fc.oneof(
      message.map((text) => ({ text })),
      fc.anything().map((value) => ({ value })),
      fc.record({
        value: fc.record(
          {
            action: fc.constantFrom("checkUnits", "choose", "say"),
            qualificationId: fc.string(),
            units: fc.string(),
            text: fc.string(),
          },
          { requiredKeys: ["action"] },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 12 }), (inputs) => {
        let stored: unknown = null;
        for (const i of inputs) {
          const r = turn(stored as never, i, NOW);
          expect(r.replies.length).toBeGreaterThan(0);
          for (const reply of r.replies) expect(typeof reply.text).toBe("string");
          stored = r.state === null ? null : JSON.parse(JSON.stringify(r.state));
        }
      }),
      { numRuns: 150 },
    );
  });
});
