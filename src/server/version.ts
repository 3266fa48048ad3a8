/** The product's version, read once from package.json (the one place it is written). */
import fs from "node:fs";
import path from "node:path";

const PACKAGE_NAME = "cofactr-for-excel";

/** package.json's version, found by walking up from `start` (src/ or build/ alike). */
export function packageVersion(start: string = __dirname): string {
  let dir = start;
  for (let depth = 0; depth < 8; depth += 1) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === "string") return parsed.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return "unknown";
}
