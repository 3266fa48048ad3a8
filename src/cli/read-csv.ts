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

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text" export), else
 * UTF-8 (with or without a BOM) when valid, else Latin-1 as old Windows exports use.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return new TextDecoder("latin1").decode(bytes);
  }
}

/** Excel's delimiter hint on the first line: "sep=;". */
const SEPARATOR_HINT = /^sep=([,;\t])\r?\n/i;

export function parseCsv(text: string): CsvSheet {
  // The hint decides the delimiter; its line stays as an empty row so row numbers keep matching
  // the file.
  const hint = SEPARATOR_HINT.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const parsed = Papa.parse<string[]>(body, {
    ...(hint ? { delimiter: hint[1] } : { delimitersToGuess: [",", ";", "\t"] }),
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  if (hint) {
    rows.unshift([]);
    for (const error of parsed.errors) if (error.row !== undefined) error.row++;
  }
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
