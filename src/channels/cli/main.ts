import { Command, CommanderError } from "commander";
import { RequestError, UnknownEntryError } from "../../advice/requests.ts";
import { type AdvisorServices, createServices } from "../../advice/services.ts";
import { CatalogueError } from "../../catalogue/load.ts";
import { loadSolver } from "../../planner/solver.ts";
import { NoUnitListError, UnitInputError } from "../../rules/index.ts";
import {
  CliInputError,
  type PlanArgs,
  type RecommendArgs,
  runPlan,
  runProgress,
  runRecommend,
} from "./advice-commands.ts";
import { runChat } from "./chat.ts";
import { ADVISOR_EXIT, type Io, runCheck, runQualifications, runShow } from "./commands.ts";
import { openCatalogue } from "./context.ts";

/** Today's date: the clock, or ADVISOR_TODAY (YYYY-MM-DD) so that answers can be reproduced. */
function today(env: NodeJS.ProcessEnv): Date {
  const fixed = env.ADVISOR_TODAY?.trim();
  if (!fixed) return new Date();
  const d = new Date(`${fixed}T00:00:00Z`);
  if (Number.isNaN(d.getTime()))
    throw new CliInputError(`ADVISOR_TODAY must be a date like 2026-11-22, not "${fixed}".`);
  return d;
}

/** The domain over the catalogue (with the centre's overrides) and the solver. */
async function openServices(env: NodeJS.ProcessEnv): Promise<AdvisorServices> {
  return createServices(openCatalogue(env), await loadSolver());
}

/** Bad input named as the CLI names it: `--held`, with the ids to choose from where it helps. */
function badInput(error: unknown): string | undefined {
  if (error instanceof RequestError) return error.describe((field) => `--${field}`);
  if (error instanceof UnknownEntryError) return `${error.message} Known ids: ${error.known.join(", ")}.`;
  if (
    error instanceof UnitInputError ||
    error instanceof NoUnitListError ||
    error instanceof CatalogueError ||
    error instanceof CliInputError
  )
    return error.message;
  return undefined;
}

/** Entry point of `advisor`; returns the exit code rather than exiting, so tests can drive it in-process. */
export async function main(
  argv: readonly string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  let code: number = ADVISOR_EXIT.valid;
  const program = new Command()
    .name("advisor")
    .description(
      "Advice on UK contact-centre qualifications: the catalogue and the rules-of-combination checker.",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError("(run `advisor --help` for the commands)");

  program
    .command("chat")
    .description("talk to the advisor in the terminal (the same conversation as Teams and web chat)")
    .option("--session <name>", "conversation name; the same name picks up where you left off", "default")
    .option("--memory", "keep nothing on disk")
    .action(async (opts: { session: string; memory?: boolean }) => {
      const storage = env.STORAGE?.trim() || "lowdb";
      if (storage !== "lowdb" && storage !== "memory")
        throw new CliInputError(`STORAGE must be lowdb or memory for the terminal chat, not "${storage}".`);
      const dataDir = opts.memory || storage === "memory" ? undefined : env.DATA_DIR?.trim() || ".data";
      code = await runChat(openCatalogue(env), await loadSolver(), input, io, {
        session: opts.session,
        dataDir,
        today: () => today(env),
      });
    });

  program
    .command("qualifications")
    .description("list every qualification and pathway: id and title")
    .option("--json", "machine-readable output")
    .action((opts: { json?: boolean }) => {
      code = runQualifications(openCatalogue(env), io, !!opts.json);
    });

  program
    .command("show")
    .description("one qualification or pathway: groups, units, rules with their sources")
    .argument("<id>", "catalogue id, e.g. ocr-10265")
    .option("--json", "machine-readable output")
    .action((id: string, opts: { json?: boolean }) => {
      code = runShow(openCatalogue(env), io, id, !!opts.json);
    });

  program
    .command("check")
    .description(
      "check proposed units against every rule of combination (exit 0 valid, 1 invalid, 3 unconfirmed, 2 bad input)",
    )
    .argument("<id>", "catalogue id, e.g. ocr-10265")
    .argument(
      "<units...>",
      'units by number ("4"), QCF reference ("K/503/0385") or exact title; "4,6,10" also works',
    )
    .option("--json", "the result object on stdout")
    .action(async (id: string, units: string[], opts: { json?: boolean }) => {
      code = runCheck(await openServices(env), io, id, units, !!opts.json);
    });

  program
    .command("plan")
    .description("the best completion of a qualification (exact), checked by the rules engine")
    .argument("<id>", "catalogue id, e.g. ocr-10265")
    .option("--have <units...>", "units held or already chosen (they stay, and cost nothing)")
    .option("--keep <units...>", "units that must be in the plan")
    .option("--avoid <units...>", "units to leave out")
    .option("--objective <objective>", "glh (default), units, credits or role")
    .option("--role <role>", "your job role (for --objective role)")
    .option("--json", "machine-readable output")
    .action(async (id: string, opts: PlanArgs & { json?: boolean }) => {
      code = runPlan(await openServices(env), io, id, opts, !!opts.json);
    });

  program
    .command("recommend")
    .description("qualifications and pathways ranked for a learner, with reasons from the sources")
    .option("--role <text>", 'job role, e.g. "team leader"')
    .option("--experience <text>", 'contact-centre experience, e.g. "2 years", "since 2021", "none"')
    .option("--level <n>", "highest qualification level held (0 = none)")
    .option("--working <yes|no>", "working in a contact centre now")
    .option("--apprenticeship <yes|no>", "interested in an apprenticeship")
    .option("--nation <name>", "England, Wales, Scotland or Northern Ireland")
    .option("--age <n>", "age in years")
    .option("--goal <goal>", "knowledge, competence or both")
    .option("--held <ids...>", "catalogue ids of qualifications held")
    .option("--json", "machine-readable output")
    .action(async (opts: RecommendArgs & { json?: boolean }) => {
      code = runRecommend(await openServices(env), io, opts, !!opts.json, today(env));
    });

  program
    .command("progress")
    .description("what comes next after a qualification, which of your units count, and the rest planned")
    .requiredOption("--from <id>", "the qualification held")
    .option("--have <units...>", "the units you took")
    .option("--json", "machine-readable output")
    .action(async (opts: { from: string; have?: string[]; json?: boolean }) => {
      code = runProgress(await openServices(env), io, opts.from, opts.have, !!opts.json);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; everything else commander rejects is bad input.
      return error.exitCode === 0 ? 0 : ADVISOR_EXIT.badInput;
    }
    const message = badInput(error);
    if (message === undefined) throw error;
    io.err(`${message}\n`);
    return ADVISOR_EXIT.badInput;
  }
}
