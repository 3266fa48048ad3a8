/** The cofactr-bom command line: map, upload, price. */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { DEFAULT_SERVER, ApiRequestError, BAD_SERVER_URL } from "./http";
import { CliError, processIo, type CliIo } from "./io";
import { mapCommand } from "./map-command";
import { uploadCommand } from "./upload-command";
import { priceCommand } from "./price-command";

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError("must be a whole number of at least 1");
  }
  return number;
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command("cofactr-bom")
    .description("Understand, upload and price BOM files (CSV, TSV, XLSX) with Cofactr.")
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
    if (error instanceof ApiRequestError) {
      io.err(`cofactr-bom: ${error.message}`);
      return error.code === BAD_SERVER_URL ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cofactr-bom: ${message}`);
    return 1;
  }
}
