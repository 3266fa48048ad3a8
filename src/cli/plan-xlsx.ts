/**
 * `plan --xlsx OUT`: a workbook with the build plan, one buy list per build and seller (the
 * columns distributors' BOM upload tools accept) and the BOM health block.
 */
import ExcelJS from "exceljs";
import {
  BUY_LIST_COLUMNS,
  HEALTH_COLUMNS,
  PLAN_COLUMNS,
  buyListCells,
  buyLists,
  healthRows,
  planRows,
  totalRow,
} from "../core/sourcing";
import { CliError } from "./io";
import type { PlanReport } from "./plan-rows";

/** Excel's limits on a sheet name: 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function addTable(sheet: ExcelJS.Worksheet, header: string[], rows: unknown[][]): void {
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      (header[i] ?? "").length,
      ...rows.slice(0, 500).map((row) => String(row[i] ?? "").length),
    );
    column.width = Math.min(50, Math.max(8, longest + 2));
  });
}

export function planWorkbook(report: PlanReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();

  const plan = workbook.addWorksheet(sheetName("Build plan", taken));
  const rows: unknown[][] = [
    ...planRows(report).map((row) => PLAN_COLUMNS.map((key) => row[key])),
    ...report.plan.builds.map((build) => totalRow(report, build)),
  ];
  addTable(plan, PLAN_COLUMNS, rows);

  for (const build of report.plan.builds) {
    for (const list of buyLists(build)) {
      const sheet = workbook.addWorksheet(sheetName(`Buy ${build.build} ${list.seller}`, taken));
      addTable(sheet, [...BUY_LIST_COLUMNS], list.rows.map(buyListCells));
    }
  }

  const health = workbook.addWorksheet(sheetName("BOM health", taken));
  addTable(health, [...HEALTH_COLUMNS], healthRows(report.health, report.lines));
  return workbook;
}

export async function writePlanWorkbook(report: PlanReport, file: string): Promise<void> {
  try {
    await planWorkbook(report).xlsx.writeFile(file);
  } catch (error) {
    throw new CliError(`--xlsx ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
