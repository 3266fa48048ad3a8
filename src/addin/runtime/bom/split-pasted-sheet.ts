/**
 * "Split into columns" for a BOM pasted as text into one column: the split table goes to a new
 * sheet, every cell as text, and the pasted sheet stays as it was.
 */
import type { PastedColumnSplit } from "../../../core/bom/files";
import type { TextSheetWritten, WorkbookAccess } from "../../excel/workbook-access";

const SPLIT_SUFFIX = " (split)";
/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;
/** Room left for the " 2", " 3"… that keeps a second split's sheet name unique. */
const NUMBER_ROOM = 3;

/** "BOM (split)": the pasted sheet's name, shortened so that the result stays a valid name. */
export function splitSheetBaseName(sheetName: string): string {
  const room = MAX_SHEET_NAME - SPLIT_SUFFIX.length - NUMBER_ROOM;
  // A sheet name may not end with an apostrophe; one cut short could.
  let stem = Array.from(sheetName).slice(0, room).join("").trimEnd();
  while (stem.endsWith("'")) stem = stem.slice(0, -1);
  return `${stem || "Sheet"}${SPLIT_SUFFIX}`;
}

/** Writes the split table to a new sheet and makes that sheet the active one. */
export function splitPastedSheet(
  workbook: WorkbookAccess,
  sheetName: string,
  split: PastedColumnSplit,
): Promise<TextSheetWritten> {
  return workbook.addTextSheet(splitSheetBaseName(sheetName), split.grid);
}
