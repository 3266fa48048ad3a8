/**
 * The real-BOM corpus in ../shared/bom-corpus (next to the repository): header row, every
 * field's column, line, DNP and placed-refdes counts must match the labels exactly. All of
 * expected.json, and the entries of expected-more.json that the engine reads right (named
 * below; an entry joins the list once it passes — `npm run score:corpus` scores them all).
 * Files are read with the CLI's own readers. Without ../shared this is skipped with one line,
 * and it fails under CI=true.
 */
import path from "node:path";
import { readBom, type BomField } from "../../../src/core/bom";
import { readSheetFile } from "../../../src/cli/read-sheet";
import {
  describeReference,
  haveShared,
  readShared,
  sharedPath,
} from "../../support/sharedReference";

interface Expected {
  file: string;
  delimiter: string;
  header_row: number | null;
  column_index: Partial<Record<BomField, number | null>>;
  columns: Partial<Record<BomField, string | null>>;
  data_lines: number;
  dnp_lines: number;
  placed_refdes_count: number | null;
}

/** expected-more.json entries read exactly right today. */
const PASSING_MORE = new Set([
  "guitar-amp-digikey_bom.csv",
  "nodemcu-esp12-bom.xlsx",
  "odrive-v3.4-48V-bom.csv",
  "esp-box-v2.5-bom.xlsx",
  "rubiks-cube-robot-bom.xlsx",
  "poweroutagemonitor-partlist.txt",
  "lemsv2-pcb-bom.xlsx",
  "doorwatch-partlist.txt",
  "currentmonitor-bom.csv",
  "openspritzer-1-click-bom.tsv",
  "led-zappelin-bom-stimulator.csv",
  "emontx3-v3.4.3-bom.xlsx",
  "tillitis-mta1-usb-v1-pcbnew-bom.csv",
  "ledpanel-parts.xlsx",
  "coleco-adam-sd-bom.xlsx",
  "clcontroller-expansion-bom.csv",
  "chirp-bom.csv",
]);

const FILES = ["bom-corpus/expected.json", "bom-corpus/expected-more.json"];
const corpusDir = sharedPath("bom-corpus");
const expected: Expected[] = haveShared(...FILES)
  ? [
      ...(JSON.parse(readShared(FILES[0] as string)) as Expected[]),
      ...(JSON.parse(readShared(FILES[1] as string)) as Expected[]).filter((entry) =>
        PASSING_MORE.has(entry.file),
      ),
    ]
  : [];

describeReference("BOM corpus", FILES, () => {
  it("has files to check", () => {
    expect(expected.length).toBeGreaterThanOrEqual(6 + PASSING_MORE.size);
  });

  // Without the corpus there is no table: describe.each refuses an empty one.
  const table = expected.map((entry) => [entry.file, entry] as const);
  if (table.length === 0) return;
  describe.each(table)("%s", (_file, entry) => {
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
      expect(read.result.lineRows.every((row) => row > (entry.header_row ?? 0))).toBe(true);
    });
  });
});
