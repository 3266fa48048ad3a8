/**
 * Scores the BOM engine on a labelled corpus (default ../shared/bom-corpus): header row, each
 * field's column, the key fields, and the line / DNP / placed-designator counts, over
 * expected.json and expected-more.json. Files are read with the CLI's own readers.
 * Usage: npm run score:corpus [-- --dir DIR] [--verbose]
 * The last line is JSON: {"files", "header_row", "fields", "key_fields", "counts", "per_field", "misses"}.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readBom, type BomField } from "../src/core/bom";
import { readSheetFile } from "../src/cli/read-sheet";

interface Expected {
  file: string;
  delimiter: string;
  header_row: number | null;
  column_index: Partial<Record<BomField, number | null>>;
  data_lines: number;
  dnp_lines: number;
  placed_refdes_count: number | null;
}

const KEY_FIELDS: readonly BomField[] = [
  "mpn",
  "manufacturer_name",
  "quantity",
  "reference_designators",
  "do_not_place",
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Tally {
  right: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, total: 0 });
const count = (t: Tally, ok: boolean) => {
  t.total++;
  if (ok) t.right++;
};
const share = (t: Tally) => (t.total === 0 ? null : Math.round((1000 * t.right) / t.total) / 10);

async function main(): Promise<void> {
  const dir = path.resolve(
    option("--dir") ?? path.join(__dirname, "..", "..", "shared", "bom-corpus"),
  );
  const verbose = process.argv.includes("--verbose");
  const entries: Expected[] = [];
  for (const name of ["expected.json", "expected-more.json"]) {
    const file = path.join(dir, name);
    if (existsSync(file)) entries.push(...(JSON.parse(readFileSync(file, "utf8")) as Expected[]));
  }
  if (entries.length === 0) {
    console.error(`no expected.json or expected-more.json in ${dir}`);
    process.exit(2);
  }
  const header = tally();
  const delimiter = tally();
  const fields = tally();
  const keys = tally();
  const counts = tally();
  const perField: Partial<Record<BomField, Tally>> = {};
  const misses: string[] = [];
  for (const entry of entries) {
    const miss = (what: string) => misses.push(`${entry.file}: ${what}`);
    let sheet;
    let result;
    try {
      sheet = await readSheetFile(path.join(dir, entry.file));
      result = readBom(sheet.grid);
    } catch (error) {
      miss(`failed to read: ${(error as Error).message}`);
      count(header, false);
      for (const field of Object.keys(entry.column_index) as BomField[]) {
        count(fields, false);
        count((perField[field] ??= tally()), false);
        if (KEY_FIELDS.includes(field)) count(keys, false);
      }
      for (let i = 0; i < 3; i++) count(counts, false);
      continue;
    }
    count(delimiter, sheet.delimiter === entry.delimiter);
    if (sheet.delimiter !== entry.delimiter)
      miss(`delimiter ${JSON.stringify(sheet.delimiter)} ≠ ${JSON.stringify(entry.delimiter)}`);
    count(header, result.headerRow === entry.header_row);
    if (result.headerRow !== entry.header_row)
      miss(`header row ${result.headerRow} ≠ ${entry.header_row}`);
    for (const [field, want] of Object.entries(entry.column_index) as [BomField, number | null][]) {
      const got = result.mapping.fields[field]?.column ?? null;
      const ok = got === want;
      count(fields, ok);
      count((perField[field] ??= tally()), ok);
      if (KEY_FIELDS.includes(field)) count(keys, ok);
      if (!ok) miss(`${field}: column ${got} ≠ ${want}`);
    }
    const lines = result.lines;
    const dnp = lines.filter((line) => line.do_not_place).length;
    count(counts, lines.length === entry.data_lines);
    if (lines.length !== entry.data_lines) miss(`lines ${lines.length} ≠ ${entry.data_lines}`);
    count(counts, dnp === entry.dnp_lines);
    if (dnp !== entry.dnp_lines) miss(`DNP lines ${dnp} ≠ ${entry.dnp_lines}`);
    if (entry.placed_refdes_count !== null) {
      const placed = lines
        .filter((line) => !line.do_not_place)
        .reduce((sum, line) => sum + (line.reference_designators?.length ?? 0), 0);
      count(counts, placed === entry.placed_refdes_count);
      if (placed !== entry.placed_refdes_count)
        miss(`placed refdes ${placed} ≠ ${entry.placed_refdes_count}`);
    }
  }
  if (verbose) for (const line of misses) console.log(line);
  const perFieldShare = Object.fromEntries(
    Object.entries(perField).map(([field, t]) => [field, share(t as Tally)]),
  );
  console.log(
    JSON.stringify({
      files: entries.length,
      delimiter: share(delimiter),
      header_row: share(header),
      fields: share(fields),
      key_fields: share(keys),
      counts: share(counts),
      per_field: perFieldShare,
      misses: misses.length,
    }),
  );
}

void main();
