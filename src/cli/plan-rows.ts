/** A plan report and its rows, as the CSV, the table and the workbook show them. */
import type { BomHealth, BuildPlan, LinePlan, SourcingPlan } from "../core/sourcing";

/** What the BOM says about a line, and what the lookup made of it. */
export interface PlanInputLine {
  id: string;
  row: number;
  line_number: string | null;
  mpn: string | null;
  manufacturer: string | null;
  quantity_per_board: number;
  alternates: string[];
  /** found, or why the line has no part: not_found, lookup_error, no_mpn. */
  lookup: "found" | "not_found" | "lookup_error" | "no_mpn" | "dnp";
  message: string | null;
}

export interface PlanReport {
  file: string;
  currency: string;
  lines: PlanInputLine[];
  plan: SourcingPlan;
  health: BomHealth;
}

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
function sellersText(line: LinePlan): string {
  return line.buys
    .map((buy) => `${buy.seller} ${buy.quantity}${buy.alternate ? ` (alt ${buy.mpn})` : ""}`)
    .join(" + ");
}

/** The line's status in words: the lookup's problem if it had one, else the engine's. */
function statusText(line: LinePlan, input: PlanInputLine): string {
  if (input.lookup === "not_found" || input.lookup === "lookup_error" || input.lookup === "no_mpn")
    return line.status === "planned" ? `${input.lookup} (alternate bought)` : input.lookup;
  return line.status;
}

export function planRows(report: PlanReport): PlanRow[] {
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
export function totalRow(report: PlanReport, build: BuildPlan): (string | number | null)[] {
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
