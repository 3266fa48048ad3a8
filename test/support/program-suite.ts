/**
 * A `describe` for tests that need a program this machine may lack (Chromium, redis-server):
 * where it is installed the tests run; elsewhere one line says they are skipped and how to get
 * it, and under CI=true a failing test says that the CI image must install it.
 */
export interface NeededProgram {
  /** Debian's package name: "chromium", "redis-server". */
  package: string;
  /** The path or command the tests run. */
  command: string;
  present: boolean;
  /** How to install it: "`apt-get install -y redis-server`". */
  install: string;
  /** The environment variable that names another build of it. */
  override: string;
}

export function suiteNeeding(program: NeededProgram, what: string): jest.Describe {
  if (program.present) return describe;
  if (process.env.CI) {
    test(`${program.package} is installed for ${what}`, () => {
      throw new Error(
        `${program.command} is missing: the CI image must install Debian's ${program.package}.`,
      );
    });
  } else {
    // One line, not console.warn (whose stack trace is noise).
    process.stderr.write(
      `Skipping ${what}: ${program.command} is missing. Install Debian's ${program.package} ` +
        `(${program.install}) or set ${program.override}.\n`,
    );
  }
  return describe.skip;
}
