/**
 * Any supported BOM file into a grid, by its content: an XLSX workbook (also under a .csv name),
 * or text in any common encoding, delimited or fixed-width. The extension only words messages.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BomIssue, Grid } from "../core/bom";
import { readBomFileBytes, type TextDelimiter } from "../core/bom/files";
import { readXlsx } from "./read-xlsx";

export interface SheetFile {
  grid: Grid;
  /** The text delimiter, "fixed-width" for an aligned text table, or "xlsx". */
  delimiter: TextDelimiter | "xlsx";
  sheetName: string | null;
  /** Problems reading the file itself (CSV syntax), before any BOM reading. */
  issues: BomIssue[];
  notes: string[];
}

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

export async function readSheetFile(
  file: string,
  options: { sheet?: string } = {},
): Promise<SheetFile> {
  const bytes = await readFile(file);
  const content = readBomFileBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  const extension = path.extname(file).toLowerCase();
  if (content.kind === "unsupported") throw new Error(content.message);
  if (content.kind === "xlsx") {
    const xlsx = await readXlsx(bytes, options.sheet);
    const notes: string[] = [];
    if (!WORKBOOK_EXTENSIONS.has(extension)) {
      notes.push(`the file is an Excel workbook despite its ${extension || "missing"} extension`);
    }
    if (xlsx.note) notes.push(`${xlsx.note}; choose with --sheet`);
    return { grid: xlsx.grid, delimiter: "xlsx", sheetName: xlsx.sheetName, issues: [], notes };
  }
  if (options.sheet !== undefined) {
    throw new Error("--sheet applies to Excel workbooks only; this file is text");
  }
  const notes = [...content.notes];
  if (WORKBOOK_EXTENSIONS.has(extension) || extension === ".xls") {
    notes.unshift(`the file is text despite its ${extension} extension`);
  }
  return {
    grid: content.grid,
    delimiter: content.delimiter,
    sheetName: null,
    issues: content.issues,
    notes,
  };
}
