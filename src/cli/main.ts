/** Entry point of the cofactr-bom command (bin/cofactr-bom.js requires the compiled file). */
import { run } from "./program";

run(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `cofactr-bom: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
