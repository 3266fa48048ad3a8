/**
 * BOM files from bytes: the format sniffed from the content (never the name), text decoded
 * whatever its encoding, and delimited or fixed-width text read into a grid. Workbooks are
 * recognised here and read by the caller (the CLI uses exceljs), which then picks the sheet with
 * `chooseBomSheet`.
 */
import { decodeBytes, type TextEncodingName } from "./decode";
import { readTextTable, type TextSheet } from "./read-text";
import { sniffFormat, sniffMarkup } from "./sniff";

export { decodeBytes, decodeText, type TextEncodingName } from "./decode";
export { sniffFormat, sniffMarkup, type SniffedFormat } from "./sniff";
export { readTextTable, type TextDelimiter, type TextSheet } from "./read-text";
export { detectFixedWidth, splitFixedWidthLine, type FixedWidthLayout } from "./fixed-width";
export { DELIMITERS, type Delimiter } from "./lines";
export { splitPastedColumn, type PastedColumnSplit } from "./pasted-column";
export { chooseBomSheet, type NamedSheet, type SheetChoice } from "./choose-sheet";

export type BomFileContent =
  | { kind: "xlsx" }
  | ({ kind: "text"; encoding: TextEncodingName } & TextSheet)
  | { kind: "unsupported"; format: string; message: string };

/** A file's bytes: a workbook to open, a text table read into a grid, or why it cannot be read. */
export function readBomFileBytes(bytes: Uint8Array): BomFileContent {
  const format = sniffFormat(bytes);
  if (format.kind !== "text") return format;
  const decoded = decodeBytes(bytes);
  const markup = sniffMarkup(decoded.text);
  if (markup) return markup;
  const sheet = readTextTable(decoded.text);
  const notes =
    decoded.encoding === "utf-8" ? sheet.notes : [`decoded as ${decoded.encoding}`, ...sheet.notes];
  return { kind: "text", encoding: decoded.encoding, ...sheet, notes };
}
