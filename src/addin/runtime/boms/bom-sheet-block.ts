/**
 * An opened Cofactr BOM as a sheet: the BOM's name and status above a table of its lines (the
 * shared BOM table columns) followed by live COFACTR columns computed from each row's own MPN,
 * manufacturer and quantity cells, at the build quantity in B3.
 */
import type { BomResponse } from "../../../core/api";
import { asSheetText, BOM_TABLE_COLUMNS, bomTableRows } from "../../../core/bom-table";
import { cellAddress } from "../../excel/a1";
import type { CellInput, ResultsBlock } from "../../excel/workbook-access";

export const OPENED_BOM_TABLE_ROW = 5;
export const OPENED_BOM_TABLE_NAME = "CofactrBom";
/** The status cell of the preamble (row 2, column B): Draft or Approved. */
export const STATUS_CELL = { row: 2, column: 2 } as const;

const LIVE_COLUMNS = ["Lifecycle", "Unit price", "Stock"] as const;
export const OPENED_BOM_COLUMNS = [...BOM_TABLE_COLUMNS, ...LIVE_COLUMNS];

const column = (name: (typeof OPENED_BOM_COLUMNS)[number]) => OPENED_BOM_COLUMNS.indexOf(name) + 1;

export function statusLabel(bom: Pick<BomResponse, "approved" | "archived">): string {
  if (bom.archived) return "Archived";
  return bom.approved ? "Approved (Cofactr refuses edits)" : "Draft";
}

/** The table's rows; `firstRow` is the sheet row of the first line (below the header). */
export function openedBomRows(bom: BomResponse, firstRow: number): CellInput[][] {
  const build = cellAddress(3, 2, true);
  return bomTableRows(bom).map((cells, index) => {
    const row = firstRow + index;
    const own = (name: (typeof OPENED_BOM_COLUMNS)[number]) => cellAddress(row, column(name));
    const line = bom.lines[index];
    const hasMpn = Boolean(line?.mpn ?? line?.part?.mpn);
    const part = `${own("MPN")},${own("Manufacturer")}`;
    const live: CellInput[] = hasMpn
      ? [
          `=COFACTR.LIFECYCLE(${part})`,
          line?.do_not_place ? "" : `=COFACTR.PRICE(${part},${own("Quantity")}*${build})`,
          `=COFACTR.STOCK(${part})`,
        ]
      : ["", "", ""];
    return [...cells.map((cell) => (typeof cell === "string" ? asSheetText(cell) : cell)), ...live];
  });
}

export function openedBomBlock(bom: BomResponse): ResultsBlock {
  return {
    preamble: [
      ["Cofactr BOM", asSheetText(bom.name)],
      ["Status", statusLabel(bom)],
      ["Build quantity", 1],
    ],
    tableName: OPENED_BOM_TABLE_NAME,
    header: [...OPENED_BOM_COLUMNS],
    rows: openedBomRows(bom, OPENED_BOM_TABLE_ROW + 1),
    numberFormats: OPENED_BOM_COLUMNS.map((name) =>
      name === "Quantity" || name === "Stock"
        ? "#,##0"
        : name === "Unit price"
          ? "#,##0.0000"
          : name === "Line" || name === "CPID" || name === "MPN"
            ? "@"
            : null,
    ),
  };
}
