import { Command, CommanderError } from "commander";
import { CatalogueError } from "../../catalogue/load.ts";
import { NoUnitListError, UnitInputError } from "../../rules/index.ts";
import { ADVISOR_EXIT, type Io, runCheck, runQualifications, runShow } from "./commands.ts";
import { openCatalogue } from "./context.ts";

/** Entry point of `advisor`; returns the exit code rather than exiting, so tests can drive it in-process. */
export async function main(
  argv: readonly string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
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
    .action((id: string, units: string[], opts: { json?: boolean }) => {
      code = runCheck(openCatalogue(env), io, id, units, !!opts.json);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; everything else commander rejects is bad input.
      return error.exitCode === 0 ? 0 : ADVISOR_EXIT.badInput;
    }
    if (
      error instanceof UnitInputError ||
      error instanceof NoUnitListError ||
      error instanceof CatalogueError
    ) {
      io.err(`${error.message}\n`);
      return ADVISOR_EXIT.badInput;
    }
    throw error;
  }
}
