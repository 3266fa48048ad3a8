/**
 * Rewrites an opened BOM's table after a change in Cofactr: the body's rows in place and the
 * status cell. The table never grows here (choosing a part or marking a line custom keeps the
 * line count, and a line summed into another removes one), so rows left over are emptied
 * rather than deleted: the table and everything beside it stay where they are.
 */
import type { CellInput } from "./workbook-access";
import { WorkbookError } from "./workbook-access";

export interface BomTableRewrite {
  sheetName: string;
  tableName: string;
  rows: CellInput[][];
  status: { row: number; column: number; value: string };
}

export async function rewriteBomTable(rewrite: BomTableRewrite): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(rewrite.sheetName);
    const table = context.workbook.tables.getItemOrNullObject(rewrite.tableName);
    sheet.load("name");
    table.load("name");
    await context.sync();
    if (sheet.isNullObject || table.isNullObject) {
      throw new WorkbookError(
        "no_sheet",
        `The sheet "${rewrite.sheetName}" or its table ${rewrite.tableName} is gone; open the BOM again.`,
      );
    }
    const body = table.getDataBodyRange();
    body.load("rowCount,columnCount");
    await context.sync();
    if (rewrite.rows.length > body.rowCount) {
      throw new WorkbookError(
        "excel",
        `The BOM now has ${rewrite.rows.length} lines, more than the table's ${body.rowCount} rows; open it again.`,
      );
    }
    const blank = Array.from({ length: body.columnCount }, (): CellInput => "");
    body.formulas = Array.from({ length: body.rowCount }, (_, index) =>
      (rewrite.rows[index] ?? blank).map((cell) => (cell === null ? "" : cell)),
    );
    sheet.getRangeByIndexes(rewrite.status.row - 1, rewrite.status.column - 1, 1, 1).values = [
      [rewrite.status.value],
    ];
    await context.sync();
  });
}
