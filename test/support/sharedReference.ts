/**
 * Reference material beside the repository (../shared: the Knowledge Graph OpenAPI document and
 * the real BOM corpus). It is not part of the project: tests that check against it run when it
 * is there, are skipped with one line on a developer machine without it, and fail in CI.
 */
import fs from "node:fs";
import path from "node:path";

export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");

/** The absolute path of a reference file, whether or not it exists. */
export function sharedPath(relative: string): string {
  return path.join(SHARED_DIR, relative);
}

export function readShared(relative: string): string {
  return fs.readFileSync(sharedPath(relative), "utf8");
}

/** True when every named reference file is present. */
export function haveShared(...relatives: string[]): boolean {
  return relatives.every((relative) => fs.existsSync(sharedPath(relative)));
}

/**
 * `describe` for a reference check. Without the files: under CI=true one failing test says what
 * is missing; elsewhere one line on stderr (not console.warn, whose stack trace is noise) and the
 * block is skipped.
 */
export function describeReference(title: string, relatives: string[], body: () => void): void {
  if (haveShared(...relatives)) {
    describe(title, body);
    return;
  }
  const missing = relatives.filter((relative) => !haveShared(relative)).map(sharedPath);
  if (process.env.CI) {
    describe(title, () => {
      it("has its reference material", () => {
        throw new Error(`Reference material missing in CI: ${missing.join(", ")}`);
      });
    });
    return;
  }
  process.stderr.write(
    `Skipping "${title}": reference material ${missing.join(", ")} not found.\n`,
  );
  describe.skip(title, body);
}
