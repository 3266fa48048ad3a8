/** A BOM file read and understood: the sheet, the core's reading, and all issues together. */
import path from "node:path";
import { readBom, type BomIssue, type BomReadResult } from "../core/bom";
import { readSheetFile, type SheetFile } from "./read-sheet";
import { CliError } from "./io";

export interface LoadedBom {
  file: string;
  sheet: SheetFile;
  result: BomReadResult;
  /** File-reading issues first, then the BOM reading's. */
  issues: BomIssue[];
}

export async function loadBom(file: string, options: { sheet?: string } = {}): Promise<LoadedBom> {
  let sheet: SheetFile;
  try {
    sheet = await readSheetFile(file, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`${file}: no such file`, 2);
    if (code === "EISDIR") throw new CliError(`${file} is a folder, not a BOM file`, 2);
    throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const result = readBom(sheet.grid);
  return { file, sheet, result, issues: [...sheet.issues, ...result.issues] };
}

export function bomName(file: string): string {
  const base = path.basename(file, path.extname(file)).trim();
  return (base || "BOM").slice(0, 255);
}
