/** Runs the CLI in-process with captured output. */
import path from "node:path";
import { run } from "../../src/cli/program";

export const FIXTURES = path.resolve(__dirname, "..", "fixtures", "bom");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(["node", "cofactr-bom", ...args], {
    out: (text) => (stdout += text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith("\n") ? text : `${text}\n`),
  });
  return { code, stdout, stderr };
}
