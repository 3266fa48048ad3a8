/**
 * `cofactr-bom boms list|get|approve`: the BOMs in Cofactr, through the add-in server's /api.
 * `get` prints the lines as a table, or writes CSV (stdout) or an XLSX file.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { BomResponse } from "../core/api";
import { bomListResponseSchema, bomResponseSchema } from "../core/api-schemas";
import { BOM_TABLE_COLUMNS, bomCounts, bomTableRows, type BomTableCell } from "../core/bom-table";
import { ApiClient } from "./http";
import { CliError, type CliIo } from "./io";

export interface BomsServerOptions {
  server: string;
  token?: string;
}

function clientFor(options: BomsServerOptions): ApiClient {
  return new ApiClient(options);
}

const bomPath = (id: string) => `/api/boms/${encodeURIComponent(id)}`;

/** Aligned columns for a terminal; long cells are cut with an ellipsis. */
export function textTable(header: readonly string[], rows: readonly BomTableCell[][]): string {
  const MAX_WIDTH = 40;
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => {
      const text = String(cell).replace(/\s+/g, " ");
      return text.length > MAX_WIDTH ? `${text.slice(0, MAX_WIDTH - 1)}…` : text;
    }),
  );
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => row[column]?.length ?? 0)),
  );
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function status(bom: { approved: boolean; archived: boolean }): string {
  return bom.archived ? "archived" : bom.approved ? "approved" : "draft";
}

export async function bomsListCommand(
  options: BomsServerOptions & { search?: string; limit: number; json?: boolean },
  io: CliIo,
): Promise<number> {
  const query = new URLSearchParams({ limit: String(options.limit) });
  if (options.search?.trim()) query.set("search", options.search.trim());
  const page = await clientFor(options).call(
    "GET",
    `/api/boms?${query.toString()}`,
    bomListResponseSchema,
  );
  if (options.json) {
    io.out(JSON.stringify(page));
    return 0;
  }
  if (page.boms.length === 0) {
    io.err(options.search ? `no BOM named like "${options.search}"` : "no BOMs");
    return 0;
  }
  const rows = page.boms.map((bom): BomTableCell[] => [
    bom.id,
    bom.name,
    bom.version ?? "",
    bom.line_count ?? "",
    status(bom),
    bom.updated_at.slice(0, 10),
  ]);
  io.out(textTable(["ID", "Name", "Version", "Lines", "Status", "Updated"], rows));
  if (page.total !== null && page.total > page.boms.length) {
    io.err(`${page.boms.length} of ${page.total} shown; narrow with --search or raise --limit`);
  }
  return 0;
}

export function bomCsv(bom: BomResponse): string {
  // Another user's text could start with "=": escaped so a spreadsheet shows it as text.
  return Papa.unparse(
    { fields: [...BOM_TABLE_COLUMNS], data: bomTableRows(bom) },
    { escapeFormulae: true },
  );
}

async function writeXlsx(bom: BomResponse, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheetName =
    bom.name
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31)
      .trim() || "BOM";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addTable({
    name: "CofactrBom",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: BOM_TABLE_COLUMNS.map((name) => ({ name })),
    // exceljs writes strings as text, never as formulas.
    rows: bomTableRows(bom).length > 0 ? bomTableRows(bom) : [BOM_TABLE_COLUMNS.map(() => "")],
  });
  sheet.columns.forEach((column, index) => {
    column.width = [8, 24, 10, 24, 22, 16, 20, 6, 40][index] ?? 12;
  });
  try {
    await workbook.xlsx.writeFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`--xlsx ${file}: cannot write the file (${reason})`, 1);
  }
}

export async function bomsGetCommand(
  id: string,
  options: BomsServerOptions & { csv?: boolean; xlsx?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const chosen = [options.csv, options.xlsx !== undefined, options.json].filter(Boolean).length;
  if (chosen > 1) throw new CliError("choose one of --csv, --xlsx and --json", 2);
  const bom = await clientFor(options).call("GET", bomPath(id), bomResponseSchema);
  const counts = bomCounts(bom);
  const summary =
    `${bom.name} (${status(bom)}): ${counts.lines} lines, ${counts.matched} matched, ` +
    `${counts.unmatched} unmatched, ${counts.custom} not purchased, ${counts.dnp} DNP`;
  if (options.json) io.out(JSON.stringify(bom));
  else if (options.csv) io.out(bomCsv(bom));
  else if (options.xlsx !== undefined) {
    await writeXlsx(bom, options.xlsx);
    io.out(`${options.xlsx}: ${summary}`);
    return 0;
  } else io.out(textTable(BOM_TABLE_COLUMNS, bomTableRows(bom)));
  io.err(summary);
  return 0;
}

export async function bomsApproveCommand(
  id: string,
  options: BomsServerOptions & { json?: boolean },
  io: CliIo,
): Promise<number> {
  const bom = await clientFor(options).call(
    "POST",
    `${bomPath(id)}/approve`,
    bomResponseSchema,
    {},
  );
  const counts = bomCounts(bom);
  if (options.json) io.out(JSON.stringify(bom));
  else io.out(`BOM ${bom.id} "${bom.name}" approved: ${counts.lines} lines`);
  if (counts.unmatched > 0) {
    const lines = counts.unmatched === 1 ? "1 line is" : `${counts.unmatched} lines are`;
    io.err(`note: ${lines} still unmatched`);
  }
  return 0;
}
