/**
 * A plan report as rows: the plan (one row per build and line, and a TOTAL row per build), the
 * buy lists (the columns distributors' BOM upload tools accept) and the BOM health block. The
 * CLI's CSV and workbook and the task pane's plan sheet show these same rows.
 */
import type { BuyListRow } from "./buy-lists";
import type { BomHealth, HealthEntry } from "./health";
import type { PlanInputLine, PlanReport } from "./report";
import type { BuildPlan, LinePlan } from "./types";

/** One row of the plan as the CSV, the table and the workbook show it. */
export interface PlanRow {
  build: number;
  row: number;
  line_number: string | null;
  mpn: string | null;
  manufacturer: string | null;
  quantity_needed: number;
  quantity_bought: number;
  excess: number;
  shortfall: number;
  coverage: string;
  status: string;
  sellers: string;
  unit_price: number | null;
  extended_price: number;
  currency: string;
  lead_days: number | null;
  lifecycle: string | null;
  alternate_used: boolean;
  risks: string;
}

export const PLAN_COLUMNS: (keyof PlanRow)[] = [
  "build",
  "row",
  "line_number",
  "mpn",
  "manufacturer",
  "quantity_needed",
  "quantity_bought",
  "excess",
  "shortfall",
  "coverage",
  "status",
  "sellers",
  "unit_price",
  "extended_price",
  "currency",
  "lead_days",
  "lifecycle",
  "alternate_used",
  "risks",
];

/** "Mouser 600 + Digi-Key 400 (alt GRM155)". */
export function sellersText(line: LinePlan): string {
  return line.buys
    .map((buy) => `${buy.seller} ${buy.quantity}${buy.alternate ? ` (alt ${buy.mpn})` : ""}`)
    .join(" + ");
}

/** The line's status in words: the lookup's problem if it had one, else the engine's. */
export function statusText(line: LinePlan, input: PlanInputLine): string {
  if (input.lookup === "not_found" || input.lookup === "lookup_error" || input.lookup === "no_mpn")
    return line.status === "planned" ? `${input.lookup} (alternate bought)` : input.lookup;
  return line.status;
}

export function planRows(report: Pick<PlanReport, "currency" | "lines" | "plan">): PlanRow[] {
  return report.plan.builds.flatMap((build) =>
    build.lines.map((line, i) => {
      const input = report.lines[i] as PlanInputLine;
      return {
        build: build.build,
        row: input.row,
        line_number: input.line_number,
        mpn: input.mpn,
        manufacturer: input.manufacturer,
        quantity_needed: line.quantityNeeded,
        quantity_bought: line.quantityBought,
        excess: line.excess,
        shortfall: line.shortfall,
        coverage: line.status === "not_needed" ? "" : line.coverage,
        status: statusText(line, input),
        sellers: sellersText(line),
        unit_price: line.unitPrice,
        extended_price: line.extendedPrice,
        currency: report.currency,
        lead_days: line.leadDays,
        lifecycle: line.lifecycle,
        alternate_used: line.alternateUsed,
        risks: line.risks.join(" "),
      };
    }),
  );
}

/** The TOTAL row of one build: cost per board under unit_price, lines short under shortfall. */
export function totalRow(
  report: Pick<PlanReport, "currency">,
  build: BuildPlan,
): (string | number | null)[] {
  const totals: Partial<Record<keyof PlanRow, string | number>> = {
    build: build.build,
    row: "TOTAL",
    unit_price: build.totals.costPerBoard,
    extended_price: build.totals.totalCost,
    currency: report.currency,
    shortfall: build.totals.linesShort,
  };
  return PLAN_COLUMNS.map((key) => totals[key] ?? null);
}

/** A buy list's columns, named as distributors' BOM upload tools (Digi-Key, Mouser…) map them. */
export const BUY_LIST_COLUMNS = [
  "Seller SKU",
  "Manufacturer Part Number",
  "Manufacturer",
  "Quantity",
  "Unit Price",
  "Extended Price",
  "Customer Reference",
] as const;

/** One buy-list row in `BUY_LIST_COLUMNS` order; the customer reference names the BOM rows. */
export function buyListCells(row: BuyListRow): (string | number)[] {
  return [
    row.sku ?? "",
    row.mpn,
    row.manufacturer ?? "",
    row.quantity,
    row.unitPrice,
    row.extendedPrice,
    `BOM row ${row.lines.join(", ")}`,
  ];
}

export const HEALTH_COLUMNS = ["Check", "Row", "MPN", "Detail"] as const;

/**
 * The BOM health block: per check a title row with its count, then one row per line. A line
 * whose part did not resolve shows the BOM's MPN when `lines` are given.
 */
export function healthRows(
  health: BomHealth,
  lines: readonly PlanInputLine[] = [],
): (string | number)[][] {
  const bomMpn = new Map(lines.map((line) => [line.id, line.mpn]));
  const block = (title: string, entries: HealthEntry[]): (string | number)[][] => [
    [title, entries.length, "", ""],
    ...entries.map((entry) => [
      "",
      Number(entry.id),
      entry.mpn ?? bomMpn.get(entry.id) ?? "",
      entry.detail,
    ]),
  ];
  return [
    ...block("Lifecycle risk (NRFND, EOL, Obsolete)", health.lifecycle),
    ...block("Single source", health.singleSource),
    ...health.short.flatMap((short) => block(`Short at ${short.build} boards`, short.lines)),
    ...block("Restock lead over the threshold", health.longLead),
  ];
}
