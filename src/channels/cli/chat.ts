import { join } from "node:path";
import { createInterface } from "node:readline";
import { createTurn, type PersistedConversation, pendingPrompt } from "../../../dialogs/turn.ts";
import type { Choice, Reply } from "../../../dialogs/types.ts";
import type { Catalogue } from "../../catalogue/load.ts";
import type { MilpSolver } from "../../planner/solver.ts";
import { DocumentStore } from "../../storage/document-store.ts";
import type { Io } from "./commands.ts";

export interface ChatOptions {
  session: string;
  /** Folder of the lowdb store; undefined keeps the conversation in memory only. */
  dataDir: string | undefined;
  today: () => Date;
}

/**
 * A reply as terminal text (its words, the card's included, come from the conversation's message
 * catalogue); choices are numbered, and the numbers are returned for the next input.
 */
export function renderReply(r: Reply): { text: string; choices: Choice[] } {
  const lines = [r.text];
  // The picker's units, unless its text lists them already ("which units are in 10265?").
  const first = r.kind === "card" && r.card.type === "unitPicker" ? r.card.groups[0]?.units[0] : undefined;
  if (
    r.kind === "card" &&
    r.card.type === "unitPicker" &&
    !(first && r.text.includes(first.label.replace(/^\d+\. /, "")))
  ) {
    for (const g of r.card.groups) {
      lines.push(`  ${g.name}:`);
      for (const u of g.units)
        lines.push(
          `    ${u.label} (${u.credits === "?" ? r.card.words.unknownCredits : `${u.credits} ${r.card.words.credits}`})`,
        );
    }
  }
  const choices = r.kind === "choices" ? r.choices : r.kind === "card" ? (r.choices ?? []) : [];
  choices.forEach((c, i) => {
    lines.push(`  [${i + 1}] ${c.label}`);
  });
  return { text: lines.join("\n"), choices };
}

/**
 * The conversation in a terminal: the same turn function as every channel, with the lowdb store, so a
 * conversation survives leaving and coming back (same --session).
 */
export async function runChat(
  catalogue: Catalogue,
  solver: MilpSolver,
  input: NodeJS.ReadableStream,
  io: Io,
  opts: ChatOptions,
): Promise<number> {
  const turn = createTurn({ catalogue, solver });
  const store = opts.dataDir
    ? new DocumentStore<PersistedConversation>(join(opts.dataDir, "conversations"), (info) =>
        io.err(`(stored conversation could not be read: ${info.problem}; kept aside as ${info.movedTo})\n`),
      )
    : undefined;
  const key = `terminal/${opts.session}`;
  let memory: PersistedConversation | null = null;
  let lastChoices: Choice[] = [];

  const show = (replies: Reply[]) => {
    lastChoices = [];
    for (const r of replies) {
      const { text, choices } = renderReply(r);
      io.out(`bot> ${text.replace(/\n/g, "\n     ")}\n`);
      if (choices.length) lastChoices = choices;
    }
  };
  const load = async () => (store ? ((await store.read(key))?.doc ?? null) : memory);
  const save = async (state: PersistedConversation | null, deleteData: boolean) => {
    if (deleteData || state === null) {
      if (store) await store.delete(key);
      memory = null;
      return;
    }
    if (store) await store.write(key, state, "*");
    else memory = state;
  };

  const stored = await load();
  io.out("(Type your answers; a number picks an option. Ctrl-D leaves, and the conversation is kept.)\n");
  if (stored) {
    io.out("(Picking up where we left off.)\n");
    // The question it was waiting on, so that a number picks what it shows.
    show(pendingPrompt(stored));
  } else {
    const first = turn(null, null, opts.today());
    show(first.replies);
    await save(first.state, first.deleteData);
  }

  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    const raw = line.trim();
    if (!raw) continue;
    const n = /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
    const text = n >= 1 && n <= lastChoices.length ? (lastChoices[n - 1]?.value ?? raw) : raw;
    const result = turn(await load(), { text }, opts.today());
    show(result.replies);
    await save(result.state, result.deleteData);
    if (result.deleteData) io.out("(Your stored conversation has been deleted.)\n");
  }
  return 0;
}
