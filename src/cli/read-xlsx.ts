/** XLSX sheets into a grid of cell values as Excel shows them (formula results, error codes). */
import ExcelJS from "exceljs";
import { chooseBomSheet } from "../core/bom/files";
import type { CellValue, Grid } from "../core/bom";

export interface XlsxSheet {
  grid: Grid;
  sheetName: string;
  sheetNames: string[];
  /** Why this sheet was read, when the workbook has several and none was named. */
  note: string | null;
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** One exceljs cell value → the value Excel's `values` would show. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return value.error;
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      return toCellValue(
        ((value as { result?: ExcelJS.CellValue }).result ?? null) as ExcelJS.CellValue,
      );
    }
    if ("text" in value && "hyperlink" in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === "string" ? text : toCellValue(text as ExcelJS.CellValue);
    }
  }
  return String(value);
}

function worksheetGrid(worksheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  const rowCount = worksheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs repeats a merged range's value in every cell of it; Excel (and so the add-in)
      // has it in the first cell only.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[c - 1] = toCellValue(cell.value);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    grid.push(cells);
  }
  return grid;
}

/**
 * The named sheet, or without a name the sheet that looks most like a BOM (the first visible
 * one unless another is clearly more BOM-like: see `chooseBomSheet`).
 */
export async function readXlsx(data: Buffer | ArrayBuffer, sheet?: string): Promise<XlsxSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const worksheets = workbook.worksheets;
  const sheetNames = worksheets.map((ws) => ws.name);
  if (worksheets.length === 0) throw new Error("the workbook has no sheets");
  if (sheet !== undefined) {
    const worksheet = workbook.getWorksheet(sheet);
    if (!worksheet) {
      throw new Error(`no sheet named "${sheet}" (sheets: ${sheetNames.join(", ")})`);
    }
    return { grid: worksheetGrid(worksheet), sheetName: worksheet.name, sheetNames, note: null };
  }
  const sheets = worksheets.map((ws) => ({
    name: ws.name,
    grid: worksheetGrid(ws),
    hidden: ws.state !== "visible",
  }));
  const choice = chooseBomSheet(sheets);
  const chosen = sheets[choice.index] as (typeof sheets)[number];
  return { grid: chosen.grid, sheetName: chosen.name, sheetNames, note: choice.note };
}
