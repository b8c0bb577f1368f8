import { expect } from "vitest";
import {
  createTurn,
  type PersistedConversation,
  type TurnInput,
  type TurnResult,
} from "../../dialogs/turn.ts";
import type { Reply } from "../../dialogs/types.ts";
import { createServices } from "../../src/advice/services.ts";
import { loadSolver } from "../../src/planner/solver.ts";
import { catalogue } from "../helpers.ts";

export const services = createServices(catalogue, await loadSolver());
export const turn = createTurn(services);
export const NOW = new Date("2026-11-22T10:00:00Z");

export const allText = (replies: Reply[]) => replies.map((r) => r.text).join("\n");

/**
 * A conversation as a channel drives it: every turn's state goes through JSON (as a store keeps it),
 * and every unit plan the bot shows is checked to be valid or honestly unconfirmed.
 */
export class Conversation {
  stored: unknown = null;
  last!: TurnResult;
  constructor(open = true) {
    if (open) this.step(null);
  }

  step(input: TurnInput | null): TurnResult {
    const stored =
      this.stored === null ? null : (JSON.parse(JSON.stringify(this.stored)) as PersistedConversation);
    const r = turn(stored, input, NOW);
    expect(r.replies.length, `no reply to ${JSON.stringify(input)}`).toBeGreaterThan(0);
    for (const reply of r.replies) {
      if (reply.kind === "card" && reply.card.type === "plan") {
        expect(["valid", "unconfirmed"]).toContain(reply.card.verdict);
        if (reply.card.verdict === "unconfirmed") expect(reply.card.reliesOn.length).toBeGreaterThan(0);
      }
    }
    this.stored = r.state;
    this.last = r;
    return r;
  }

  say(text: string): TurnResult {
    return this.step({ text });
  }

  get text(): string {
    return allText(this.last.replies);
  }

  get choices(): string[] {
    return this.last.replies.flatMap((r) =>
      r.kind === "choices"
        ? r.choices.map((c) => c.value)
        : r.kind === "card"
          ? (r.choices ?? []).map((c) => c.value)
          : [],
    );
  }

  /** The units the last check card shows, as typed labels (numbers or references), in its order. */
  checkedUnits(): string[] {
    const card = this.card("check");
    expect(card, this.text).toBeDefined();
    return (card?.units ?? []).map((u) => u.unit);
  }

  card<T extends string>(type: T) {
    for (const r of this.last.replies)
      if (r.kind === "card" && r.card.type === type)
        return r.card as Extract<Reply, { kind: "card" }>["card"] & { type: T };
    return undefined;
  }
}
