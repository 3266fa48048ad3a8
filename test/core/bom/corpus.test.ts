/**
 * The real-BOM corpus in ../shared/bom-corpus (next to the repository): header row, every
 * field's column, line, DNP and placed-refdes counts must match expected.json. Files are read
 * with the CLI's own readers.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readBom, type BomField } from "../../../src/core/bom";
import { readSheetFile } from "../../../src/cli/read-sheet";

interface Expected {
  file: string;
  delimiter: string;
  header_row: number;
  column_index: Partial<Record<BomField, number | null>>;
  columns: Partial<Record<BomField, string | null>>;
  data_lines: number;
  dnp_lines: number;
  placed_refdes_count: number | null;
}

function repositoryRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

const corpusDir = path.resolve(repositoryRoot(__dirname), "..", "shared", "bom-corpus");
const available = existsSync(path.join(corpusDir, "expected.json"));
if (!available) console.warn(`BOM corpus not found at ${corpusDir}: the corpus tests are skipped.`);
const describeCorpus = available ? describe : describe.skip;
const expected: Expected[] = available
  ? JSON.parse(readFileSync(path.join(corpusDir, "expected.json"), "utf8"))
  : [];

describeCorpus("BOM corpus", () => {
  it("has files to check", () => {
    expect(expected.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(expected.map((entry) => [entry.file, entry] as const))("%s", (_file, entry) => {
    let read: Awaited<ReturnType<typeof load>>;
    async function load() {
      const sheet = await readSheetFile(path.join(corpusDir, entry.file));
      return { sheet, result: readBom(sheet.grid) };
    }
    beforeAll(async () => {
      read = await load();
    });

    it("detects the delimiter and the header row", () => {
      expect(read.sheet.delimiter).toBe(entry.delimiter);
      expect(read.result.headerRow).toBe(entry.header_row);
    });

    it("maps every labelled field to its column, and leaves the others unmapped", () => {
      const actual: Record<string, number | null> = {};
      for (const field of Object.keys(entry.column_index) as BomField[]) {
        actual[field] = read.result.mapping.fields[field].column;
      }
      expect(actual).toEqual(entry.column_index);
      for (const [field, header] of Object.entries(entry.columns) as [BomField, string | null][]) {
        expect(read.result.mapping.fields[field].header?.trim() ?? null).toBe(header);
      }
    });

    it("reads the data lines, the DNP lines and the placed designators", () => {
      const { lines } = read.result;
      expect(lines).toHaveLength(entry.data_lines);
      expect(lines.filter((line) => line.do_not_place)).toHaveLength(entry.dnp_lines);
      if (entry.placed_refdes_count !== null) {
        const placed = lines
          .filter((line) => !line.do_not_place)
          .reduce((sum, line) => sum + (line.reference_designators?.length ?? 0), 0);
        expect(placed).toBe(entry.placed_refdes_count);
      }
    });

    it("names a sheet row for every issue and every line", () => {
      const rows = read.sheet.grid.length;
      for (const issue of read.result.issues) expect(issue.row).toBeGreaterThanOrEqual(1);
      for (const issue of read.result.issues) expect(issue.row).toBeLessThanOrEqual(rows);
      expect(read.result.lineRows.every((row) => row > entry.header_row)).toBe(true);
    });
  });
});
