/**
 * The add-in's layers: taskpane/, commands/ and functions/ import the shared runtime, never each
 * other; runtime/ imports none of them. (excel/ is below the runtime and imports none of these.)
 */
import fs from "node:fs";
import path from "node:path";

const ADDIN = path.resolve(__dirname, "..", "..", "src", "addin");
const ENTRY_POINTS = ["taskpane", "commands", "functions"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The top-level folder of src/addin each relative import of a file lands in. */
function importedFolders(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/from "(\.[^"]+)"|import\("(\.[^"]+)"\)/g)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
  return specifiers.flatMap((specifier) => {
    const relative = path.relative(ADDIN, path.resolve(path.dirname(file), specifier));
    return relative.startsWith("..") ? [] : [relative.split(path.sep)[0] ?? ""];
  });
}

function folderOf(file: string): string {
  return path.relative(ADDIN, file).split(path.sep)[0] ?? "";
}

const files = sourceFiles(ADDIN);

describe("add-in layers", () => {
  it("finds the add-in's sources", () => {
    for (const folder of [...ENTRY_POINTS, "runtime", "excel"]) {
      expect(files.some((file) => folderOf(file) === folder)).toBe(true);
    }
  });

  it.each(ENTRY_POINTS)("%s/ imports neither of the other entry points", (folder) => {
    const crossing = files
      .filter((file) => folderOf(file) === folder)
      .flatMap((file) =>
        importedFolders(file)
          .filter((target) => ENTRY_POINTS.includes(target) && target !== folder)
          .map((target) => `${path.relative(ADDIN, file)} → ${target}/`),
      );
    expect(crossing).toEqual([]);
  });

  it.each(["runtime", "excel"])("%s/ imports no entry point", (folder) => {
    const upward = files
      .filter((file) => folderOf(file) === folder)
      .flatMap((file) =>
        importedFolders(file)
          .filter(
            (target) =>
              ENTRY_POINTS.includes(target) || (folder === "excel" && target === "runtime"),
          )
          .map((target) => `${path.relative(ADDIN, file)} → ${target}/`),
      );
    expect(upward).toEqual([]);
  });
});
