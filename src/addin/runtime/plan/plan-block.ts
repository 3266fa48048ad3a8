/**
 * A plan report laid out for its sheet: totals per build, the build plan (one row per line,
 * its columns repeated per build, with a total row), one buy list per build and seller, the BOM
 * health block, and the data of the two charts (spend by line as a Pareto, coverage by status).
 */
import {
  BUY_LIST_COLUMNS,
  HEALTH_COLUMNS,
  buyListCells,
  buyLists,
  healthRows,
  sellersText,
  type LinePlan,
  type PlanInputLine,
  type PlanReport,
  type SourcingOptions,
} from "../../../core/sourcing";
import type { PlanSheetBlock, PlanTableSpec } from "../../excel/plan-sheet";
import type { CellInput } from "../../excel/workbook-access";

export const PLAN_SHEET_NAME = "Cofactr plan";
export const SUMMARY_TABLE = "CofactrPlanTotals";
export const BUILD_PLAN_TABLE = "CofactrBuildPlan";
export const HEALTH_TABLE = "CofactrBomHealth";
export const SPEND_TABLE = "CofactrSpendByLine";
export const COVERAGE_TABLE = "CofactrCoverage";
export const SPEND_CHART = "CofactrSpendChart";
export const COVERAGE_CHART = "CofactrCoverageChart";
/** The Pareto shows this many lines with the most spend; the rest are one bar. */
export const PARETO_LINES = 15;

const MONEY = "#,##0.00";
const UNIT_PRICE = "#,##0.0000";
const COUNT = "#,##0";

/** The columns each build repeats in the build plan, e.g. "Need (100)". */
const PER_BUILD = [
  ["Need", COUNT],
  ["Buy", COUNT],
  ["Sellers", null],
  ["Unit price", UNIT_PRICE],
  ["Extended", MONEY],
  ["Excess", COUNT],
  ["Short", COUNT],
  ["Coverage", null],
  ["Lead days", "0"],
] as const;

const LINE_COLUMNS = [
  ["BOM row", "0"],
  ["Line", null],
  ["MPN", null],
  ["Manufacturer", null],
  ["Qty per board", null],
  ["Lifecycle", null],
  ["Risks", null],
] as const;

export interface PlanContext {
  bomSheetName: string;
  options: SourcingOptions;
  plannedAt: Date;
}

/** A line's coverage at one build in words: how far it is bought, or why it is not. */
export function coverageLabel(line: LinePlan, input: PlanInputLine): string {
  switch (line.status) {
    case "not_needed":
      return input.lookup === "dnp" ? "Not needed (DNP)" : "Not needed";
    case "no_offer":
      return "No usable offer";
    case "no_part":
      if (input.lookup === "no_mpn") return "No MPN";
      if (input.lookup === "lookup_error") return "Lookup failed";
      return "Part not found";
    default:
      return line.coverage === "in_stock"
        ? "In stock"
        : line.coverage === "partial"
          ? "Partial"
          : "None";
  }
}

const RISK_WORDS: Record<string, string> = {
  lifecycle: "lifecycle",
  single_source: "single source",
  long_lead: "long lead",
};

function buildPlanTable(report: PlanReport): PlanTableSpec {
  const header: string[] = LINE_COLUMNS.map(([name]) => name);
  const numberFormats: (string | null)[] = LINE_COLUMNS.map(([, format]) => format);
  for (const build of report.plan.builds) {
    for (const [name, format] of PER_BUILD) {
      header.push(`${name} (${build.build})`);
      numberFormats.push(format);
    }
  }
  const rows = report.lines.map((input, index): CellInput[] => {
    const lines = report.plan.builds.map((build) => build.lines[index] as LinePlan);
    const risks = new Set(
      lines.flatMap((line) => line.risks.map((risk) => RISK_WORDS[risk] ?? risk)),
    );
    const first = lines[0];
    return [
      input.row,
      input.line_number,
      input.mpn,
      input.manufacturer,
      input.quantity_per_board,
      first?.lifecycle ?? null,
      [...risks].join(", "),
      ...lines.flatMap((line): CellInput[] => [
        line.quantityNeeded,
        line.quantityBought,
        sellersText(line),
        line.unitPrice,
        line.quantityBought > 0 ? line.extendedPrice : null,
        line.excess,
        line.shortfall,
        coverageLabel(line, input),
        line.leadDays,
      ]),
    ];
  });
  const totals: CellInput[] = [
    "Total",
    null,
    `${report.lines.length} lines`,
    null,
    null,
    null,
    null,
    ...report.plan.builds.flatMap((build): CellInput[] => [
      null,
      null,
      `${build.totals.sellers.length} sellers`,
      build.totals.costPerBoard,
      build.totals.totalCost,
      null,
      build.totals.linesShort,
      `${build.totals.linesAtRisk} at risk`,
      null,
    ]),
  ];
  return {
    name: BUILD_PLAN_TABLE,
    title: `Build plan (${report.currency}): one row per line; the total row gives the cost per board under Unit price`,
    header,
    rows,
    numberFormats,
    totals,
  };
}

function summaryTable(report: PlanReport): PlanTableSpec {
  return {
    name: SUMMARY_TABLE,
    title: `Totals per build (${report.currency})`,
    header: [
      "Boards",
      "Total cost",
      "Cost per board",
      "Excess cost",
      "Lines short",
      "Lines at risk",
      "Sellers",
    ],
    rows: report.plan.builds.map((build) => [
      build.build,
      build.totals.totalCost,
      build.totals.costPerBoard,
      build.totals.excessCost,
      build.totals.linesShort,
      build.totals.linesAtRisk,
      build.totals.sellers.join(", "),
    ]),
    numberFormats: [COUNT, MONEY, UNIT_PRICE, MONEY, COUNT, COUNT, null],
  };
}

/** Letters and digits of a seller's name, for a table name ("Digi-Key" → "DigiKey"). */
function nameSlug(text: string): string {
  return text.replace(/[^A-Z0-9]/gi, "").slice(0, 40) || "Seller";
}

function buyListTables(report: PlanReport): PlanTableSpec[] {
  const taken = new Set<string>();
  return report.plan.builds.flatMap((build) =>
    buyLists(build).map((list): PlanTableSpec => {
      const base = `CofactrBuy${build.build}_${nameSlug(list.seller)}`;
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}_${n}`;
      taken.add(name.toLowerCase());
      return {
        name,
        title: `Buy list: ${list.seller}, ${build.build} boards (${list.rows.length} SKUs). Upload Seller SKU and Quantity to the seller's BOM tool.`,
        header: [...BUY_LIST_COLUMNS],
        rows: list.rows.map(buyListCells),
        numberFormats: [null, null, null, COUNT, UNIT_PRICE, MONEY, null],
        totals: ["Total", null, null, null, null, list.total, null],
      };
    }),
  );
}

function healthTable(report: PlanReport, context: PlanContext): PlanTableSpec {
  const threshold = context.options.leadTimeThresholdDays ?? 84;
  return {
    name: HEALTH_TABLE,
    title: `BOM health: lifecycle risk, single source, short lines per build, restock lead over ${threshold} days`,
    header: [...HEALTH_COLUMNS],
    rows: healthRows(report.health, report.lines),
    numberFormats: [null, "0", null, null],
  };
}

/** Spend per line at the largest build, most first, with the cumulative share (a Pareto). */
function spendTable(report: PlanReport): PlanTableSpec {
  const build = report.plan.builds.reduce((a, b) => (b.build > a.build ? b : a));
  const spend = build.lines
    .map((line, index) => ({ line, input: report.lines[index] as PlanInputLine }))
    .filter(({ line }) => line.extendedPrice > 0)
    .sort((a, b) => b.line.extendedPrice - a.line.extendedPrice);
  const total = spend.reduce((sum, { line }) => sum + line.extendedPrice, 0);
  const top = spend.slice(0, PARETO_LINES).map(({ line, input }) => ({
    label: `${input.mpn ?? "(no MPN)"} (row ${input.row})`,
    amount: line.extendedPrice,
  }));
  const rest = spend.slice(PARETO_LINES);
  if (rest.length > 0) {
    top.push({
      label: `${rest.length} other lines`,
      amount: rest.reduce((sum, { line }) => sum + line.extendedPrice, 0),
    });
  }
  let running = 0;
  const rows = top.map(({ label, amount }): CellInput[] => {
    running += amount;
    return [label, Math.round(amount * 100) / 100, total > 0 ? running / total : 0];
  });
  return {
    name: SPEND_TABLE,
    title: `Spend by line at ${build.build} boards (chart data)`,
    header: ["Line", `Spend (${report.currency})`, "Cumulative share"],
    rows: rows.length > 0 ? rows : [["Nothing bought", 0, 0]],
    numberFormats: [null, MONEY, "0%"],
  };
}

const COVERAGE_STATUSES = ["In stock", "Partial", "None", "No part or offer"] as const;

/** Lines per coverage status at each build (lines not needed are left out). */
function coverageTable(report: PlanReport): PlanTableSpec {
  const rows = report.plan.builds.map((build): CellInput[] => {
    const counts = new Map<string, number>(COVERAGE_STATUSES.map((status) => [status, 0]));
    for (const line of build.lines) {
      if (line.status === "not_needed") continue;
      const status =
        line.status === "no_part" || line.status === "no_offer"
          ? "No part or offer"
          : line.coverage === "in_stock"
            ? "In stock"
            : line.coverage === "partial"
              ? "Partial"
              : "None";
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    return [`${build.build} boards`, ...COVERAGE_STATUSES.map((status) => counts.get(status) ?? 0)];
  });
  return {
    name: COVERAGE_TABLE,
    title: "Lines by coverage at each build (chart data)",
    header: ["Build", ...COVERAGE_STATUSES],
    rows,
    numberFormats: [null, COUNT, COUNT, COUNT, COUNT],
  };
}

function optionsText(options: SourcingOptions): string {
  const parts = [options.authorizedOnly ? "authorized sellers only" : "any seller"];
  if (options.allowedSellers?.length) parts.push(`only ${options.allowedSellers.join(", ")}`);
  if (options.preferredSellers?.length)
    parts.push(`preferring ${options.preferredSellers.join(", ")}`);
  if (options.maxSellers !== undefined) parts.push(`at most ${options.maxSellers} sellers`);
  return parts.join("; ");
}

export function buildPlanBlock(report: PlanReport, context: PlanContext): PlanSheetBlock {
  const { options } = context;
  return {
    sheetName: PLAN_SHEET_NAME,
    preamble: [
      ["Cofactr build plan for", context.bomSheetName],
      ["Planned", context.plannedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC"],
      ["Builds", report.plan.builds.map((build) => build.build).join(", ")],
      [
        "Attrition",
        `${options.attritionPercent ?? 0} %, at least ${options.minExtraPerLine ?? 0} extra per line`,
      ],
      ["Sellers", optionsText(options)],
    ],
    tables: [
      summaryTable(report),
      buildPlanTable(report),
      ...buyListTables(report),
      healthTable(report, context),
      spendTable(report),
      coverageTable(report),
    ],
    charts: [
      { name: SPEND_CHART, title: "Spend by line (Pareto)", kind: "pareto", table: SPEND_TABLE },
      {
        name: COVERAGE_CHART,
        title: "Lines by coverage",
        kind: "stackedColumns",
        table: COVERAGE_TABLE,
      },
    ],
  };
}
