/** The cofactr-bom command line: map, upload, price, plan, boms, programs. */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { DEFAULT_SERVER } from "./http";
import { CliError, processIo, type CliIo } from "./io";
import { mapCommand } from "./map-command";
import { uploadCommand } from "./upload-command";
import { priceCommand } from "./price-command";
import { bomsApproveCommand, bomsGetCommand, bomsListCommand } from "./boms-command";
import { programsAvailabilityCommand, programsListCommand } from "./programs-command";
import { parseBuilds, parseList, parsePercent, planCommand } from "./plan-command";

function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

function amount(value: string): number {
  const number = Number(value);
  if (!/^\d{1,9}(?:\.\d{1,6})?$/.test(value.trim()) || !Number.isFinite(number))
    throw new InvalidArgumentError("must be an amount such as 2.5");
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError("must be a whole number of at least 1");
  }
  return number;
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command("cofactr-bom")
    .description("Understand, upload, price and plan BOM files (CSV, TSV, XLSX) with Cofactr.")
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .exitOverride()
    .showHelpAfterError();
  const serverOption = (command: Command) =>
    command
      .option("--server <url>", "add-in server", process.env.COFACTR_SERVER ?? DEFAULT_SERVER)
      .option("--token <token>", "gateway access token (or COFACTR_GATEWAY_TOKEN)");
  const token = (options: { token?: string }) => options.token ?? process.env.COFACTR_GATEWAY_TOKEN;

  program
    .command("map")
    .description("show how the BOM's columns are mapped, its lines and its issues")
    .argument("<file>", "BOM file")
    .option("--sheet <name>", "worksheet of an .xlsx file (default: the first)")
    .option("--json", "print one JSON object {file, header_row, delimiter, columns, lines, issues}")
    .action(async (file: string, options: { sheet?: string; json?: boolean }) => {
      setExitCode(await mapCommand(file, options, io));
    });

  serverOption(
    program
      .command("upload")
      .description("upload the BOM to Cofactr through the add-in server and wait for the job")
      .argument("<file>", "BOM file")
      .option("--name <name>", "BOM name (default: the file name)")
      .option("--sheet <name>", "worksheet of an .xlsx file")
      .option("--record-id <id>", "integration record id (default: derived from the file path)")
      .option("--timeout <seconds>", "stop following the job after this long", positiveInteger, 600)
      .option(
        "--build-qty <n>",
        "boards to build: make or update the BOM's program (named like the BOM) for this many",
        positiveInteger,
      )
      .option("--json", "print the result as JSON"),
  ).action(async (file: string, options: Record<string, unknown>) => {
    setExitCode(
      await uploadCommand(
        file,
        {
          server: options.server as string,
          ...(options.name !== undefined ? { name: options.name as string } : {}),
          ...(options.sheet !== undefined ? { sheet: options.sheet as string } : {}),
          ...(options.recordId !== undefined ? { recordId: options.recordId as string } : {}),
          ...(token(options) ? { token: token(options) as string } : {}),
          timeout: options.timeout as number,
          ...(options.buildQty !== undefined ? { buildQty: options.buildQty as number } : {}),
          json: options.json === true,
        },
        io,
      ),
    );
  });

  serverOption(
    program
      .command("price")
      .description("price every line at quantity × builds, with stock, lead time and lifecycle")
      .argument("<file>", "BOM file")
      .requiredOption("--builds <n>", "number of boards to build", positiveInteger)
      .option("--currency <code>", "ISO 4217 currency", "USD")
      .option("--sheet <name>", "worksheet of an .xlsx file")
      .option("--csv", "print CSV (with a TOTAL row)")
      .option("--json", "print JSON"),
  ).action(async (file: string, options: Record<string, unknown>) => {
    setExitCode(
      await priceCommand(
        file,
        {
          builds: options.builds as number,
          currency: options.currency as string,
          server: options.server as string,
          ...(options.sheet !== undefined ? { sheet: options.sheet as string } : {}),
          ...(token(options) ? { token: token(options) as string } : {}),
          csv: options.csv === true,
          json: options.json === true,
        },
        io,
      ),
    );
  });
  serverOption(
    program
      .command("plan")
      .description(
        "plan the purchase for several build quantities: cheapest feasible offers per line, " +
          "split across sellers, shortfalls and risks",
      )
      .argument("<file>", "BOM file")
      .requiredOption("--builds <list>", "board counts, e.g. 10,100,1000", parseBuilds)
      .option("--attrition <percent>", "extra units per line, e.g. 2%", parsePercent, 0)
      .option("--min-extra <n>", "at least this many extra units per line", wholeNumber, 0)
      .option("--authorized-only", "only authorized sellers")
      .option("--currency <code>", "ISO 4217 currency", "USD")
      .option("--sellers <list>", "only these sellers, e.g. Digi-Key,Mouser", parseList, [])
      .option("--prefer <list>", "preferred sellers (they win ties)", parseList, [])
      .option("--max-sellers <n>", "at most this many sellers in each build", positiveInteger)
      .option("--seller-cost <amount>", "weigh each extra seller on a line at this cost", amount, 0)
      .option("--sheet <name>", "worksheet of an .xlsx file")
      .option("--csv", "print CSV (one row per build and line, with TOTAL rows)")
      .option("--xlsx <out>", "write a workbook: the plan, one buy list per seller, BOM health")
      .option("--json", "print JSON"),
  ).action(async (file: string, options: Record<string, unknown>) => {
    if (options.csv === true && options.xlsx !== undefined)
      throw new CliError("give --csv or --xlsx, not both", 2);
    setExitCode(
      await planCommand(
        file,
        {
          builds: options.builds as number[],
          currency: options.currency as string,
          attritionPercent: options.attrition as number,
          minExtra: options.minExtra as number,
          authorizedOnly: options.authorizedOnly === true,
          sellers: options.sellers as string[],
          prefer: options.prefer as string[],
          sellerCost: options.sellerCost as number,
          server: options.server as string,
          ...(options.maxSellers !== undefined ? { maxSellers: options.maxSellers as number } : {}),
          ...(options.sheet !== undefined ? { sheet: options.sheet as string } : {}),
          ...(options.xlsx !== undefined ? { xlsx: options.xlsx as string } : {}),
          ...(token(options) ? { token: token(options) as string } : {}),
          csv: options.csv === true,
          json: options.json === true,
        },
        io,
      ),
    );
  });
  const serverOf = (options: Record<string, unknown>) => ({
    server: options.server as string,
    ...(token(options) ? { token: token(options) as string } : {}),
  });
  /** `<parent> list [--search] [--limit] [--json]`, for BOMs and programs alike. */
  const listCommand = (parent: Command, things: string, list: typeof bomsListCommand) =>
    serverOption(
      parent
        .command("list")
        .description(`list the ${things} you can read, newest first`)
        .option("--search <text>", `only ${things} whose name contains this text`)
        .option("--limit <n>", "show at most this many", positiveInteger, 50)
        .option("--json", "print the page as JSON"),
    ).action(async (options: Record<string, unknown>) => {
      setExitCode(
        await list(
          {
            ...serverOf(options),
            ...(typeof options.search === "string" ? { search: options.search } : {}),
            limit: options.limit as number,
            json: options.json === true,
          },
          io,
        ),
      );
    });
  const boms = program.command("boms").description("BOMs in Cofactr: list, get, approve");
  listCommand(boms, "BOMs", bomsListCommand);
  serverOption(
    boms
      .command("get")
      .description("print a BOM's lines, or write them as CSV or XLSX")
      .argument("<id>", "BOM id")
      .option("--csv", "print CSV")
      .option("--xlsx <file>", "write an .xlsx file with the lines as a table")
      .option("--json", "print the BOM as JSON"),
  ).action(async (id: string, options: Record<string, unknown>) => {
    setExitCode(
      await bomsGetCommand(
        id,
        {
          ...serverOf(options),
          csv: options.csv === true,
          ...(typeof options.xlsx === "string" ? { xlsx: options.xlsx } : {}),
          json: options.json === true,
        },
        io,
      ),
    );
  });
  serverOption(
    boms
      .command("approve")
      .description("approve a BOM (Cofactr then refuses edits to it)")
      .argument("<id>", "BOM id")
      .option("--json", "print the approved BOM as JSON"),
  ).action(async (id: string, options: Record<string, unknown>) => {
    setExitCode(
      await bomsApproveCommand(id, { ...serverOf(options), json: options.json === true }, io),
    );
  });
  const programs = program
    .command("programs")
    .description("Cofactr programs (BOMs and their build quantities): list, availability");
  listCommand(programs, "programs", programsListCommand);
  serverOption(
    programs
      .command("availability")
      .description("what can be bought now of each part the program needs, at its build quantities")
      .argument("<id>", "program id")
      .option("--async", "run it as a Cofactr job and follow the job to its end")
      .option("--json", "print the availability as JSON"),
  ).action(async (id: string, options: Record<string, unknown>) => {
    setExitCode(
      await programsAvailabilityCommand(
        id,
        { ...serverOf(options), async: options.async === true, json: options.json === true },
        io,
      ),
    );
  });
  return program;
}

/** Runs the CLI on `argv` (as process.argv: node, script, args…); resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`cofactr-bom: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cofactr-bom: ${message}`);
    return 1;
  }
}
