/** One file-name casing across src/: kebab-case (lower case, digits, hyphens). */
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? [full, ...files(full)] : [full];
  });
}

it("names every file and folder under src/ in kebab-case", () => {
  const all = files(SRC).map((file) => path.relative(SRC, file));
  expect(all.length).toBeGreaterThan(100);
  const odd = all.filter(
    (file) => !/^[a-z\d]+(?:-[a-z\d]+)*(?:\.[a-z]+)*$/.test(path.basename(file)),
  );
  expect(odd).toEqual([]);
});
