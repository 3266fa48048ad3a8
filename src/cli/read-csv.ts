/** Text BOM files (CSV, TSV, semicolon, pipe, fixed-width part lists) into a grid of strings. */
import { decodeText, readTextTable, type TextSheet } from "../core/bom/files";

export { decodeText };
export type { TextDelimiter as Delimiter } from "../core/bom/files";

export type CsvSheet = TextSheet;

/** Text already decoded: the delimiter from a "sep=" line, the rows, or a fixed-width table. */
export function parseCsv(text: string): CsvSheet {
  return readTextTable(text);
}
