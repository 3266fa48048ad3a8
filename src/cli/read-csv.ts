/** CSV/TSV files into a grid of strings, with the delimiter papaparse detected. */
import Papa from "papaparse";
import type { BomIssue, Grid } from "../core/bom";

export type Delimiter = "," | ";" | "\t";

export interface CsvSheet {
  grid: Grid;
  delimiter: Delimiter;
  /** Parser complaints (unclosed quotes, …) as warnings on their row. */
  issues: BomIssue[];
}

/** UTF-8 (with or without a BOM) when valid, else Latin-1 as old Windows exports use. */
export function decodeText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return new TextDecoder("latin1").decode(bytes);
  }
}

export function parseCsv(text: string): CsvSheet {
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  // The newline that ends the file is not a row.
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((cell) => cell === "")) {
    const last = rows[rows.length - 1] as string[];
    if (last.length > 1 && rows.length > 1) break;
    rows.pop();
  }
  const detected = parsed.meta.delimiter;
  const delimiter: Delimiter = detected === ";" || detected === "\t" ? detected : ",";
  const issues: BomIssue[] = parsed.errors
    .filter((error) => error.code !== "UndetectableDelimiter")
    .map((error) => ({
      row: (error.row ?? 0) + 1,
      field: null,
      severity: "warning" as const,
      message: `CSV: ${error.message}`,
    }));
  return { grid: rows, delimiter, issues };
}
