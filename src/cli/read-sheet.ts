/** Any supported BOM file (CSV, TSV, TXT, XLSX) into a grid, by its extension. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BomIssue, Grid } from "../core/bom";
import { decodeText, parseCsv, type Delimiter } from "./read-csv";
import { readXlsx } from "./read-xlsx";

export interface SheetFile {
  grid: Grid;
  /** The CSV delimiter, or "xlsx". */
  delimiter: Delimiter | "xlsx";
  sheetName: string | null;
  /** Problems reading the file itself (CSV syntax), before any BOM reading. */
  issues: BomIssue[];
  notes: string[];
}

export async function readSheetFile(
  file: string,
  options: { sheet?: string } = {},
): Promise<SheetFile> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xls" || extension === ".ods") {
    throw new Error(`${extension} files are not supported: save the sheet as .xlsx or .csv`);
  }
  const bytes = await readFile(file);
  if (extension === ".xlsx" || extension === ".xlsm") {
    const xlsx = await readXlsx(bytes, options.sheet);
    const notes =
      options.sheet === undefined && xlsx.sheetNames.length > 1
        ? [
            `read sheet "${xlsx.sheetName}" (also in the workbook: ${xlsx.sheetNames.slice(1).join(", ")}; choose with --sheet)`,
          ]
        : [];
    return { grid: xlsx.grid, delimiter: "xlsx", sheetName: xlsx.sheetName, issues: [], notes };
  }
  if (options.sheet !== undefined) throw new Error("--sheet applies to .xlsx files only");
  const csv = parseCsv(decodeText(bytes));
  return {
    grid: csv.grid,
    delimiter: csv.delimiter,
    sheetName: null,
    issues: csv.issues,
    notes: [],
  };
}
