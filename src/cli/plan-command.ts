/**
 * `cofactr-bom plan FILE --builds 10,100,1000`: every line's part (and its alternates) resolved
 * through /api/parts/lookup, then the sourcing engine (src/core/sourcing) plans each build
 * quantity: what to buy from whom, cost per board and build, what is short or at risk.
 */
import Papa from "papaparse";
import type { LookupResult } from "../core/api";
import { isKnownCurrency, normalizeCurrency } from "../core/pricing";
import {
  bomHealth,
  parseBuildList,
  parseNameList,
  parsePercent as parsePercentText,
  planInputs,
  planQueries,
  planSourcing,
  PLAN_COLUMNS,
  planRows,
  totalRow,
  type HealthEntry,
  type SourcingPlan,
} from "../core/sourcing";
import { ApiClient } from "./http";
import { CliError, type CliIo } from "./io";
import { loadBom } from "./load-bom";
import { lookupAll } from "./lookup-parts";
import type { PlanReport } from "./plan-rows";
import { writePlanWorkbook } from "./plan-xlsx";

export interface PlanOptions {
  builds: number[];
  currency: string;
  attritionPercent: number;
  minExtra: number;
  authorizedOnly: boolean;
  sellers: string[];
  prefer: string[];
  maxSellers?: number;
  sellerCost: number;
  server: string;
  sheet?: string;
  token?: string;
  csv?: boolean;
  json?: boolean;
  xlsx?: string;
}

/** Reads one option's text; a bad value is a usage error naming the option. */
function option<T>(flag: string, parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(`${flag}: ${error.message}`, 2);
      throw error;
    }
  };
}

export const parseBuilds = option("--builds", parseBuildList);
export const parsePercent = option("--attrition", parsePercentText);
export const parseList = option("--sellers", parseNameList);

export async function planReport(file: string, options: PlanOptions): Promise<PlanReport> {
  if (!isKnownCurrency(options.currency))
    throw new CliError(`--currency: "${options.currency}" is not an ISO 4217 code`, 2);
  const loaded = await loadBom(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const { lines, lineRows } = loaded.result;
  if (lines.length === 0) throw new CliError(`${file}: no BOM lines found`, 2);

  const queries = planQueries(lines);
  const client = new ApiClient({
    server: options.server,
    ...(options.token ? { token: options.token } : {}),
  });
  const results =
    queries.length === 0 ? new Map<string, LookupResult>() : await lookupAll(client, queries);
  const { inputs, sourcing } = planInputs(lines, lineRows, results);

  let plan: SourcingPlan;
  try {
    plan = planSourcing(sourcing, {
      builds: options.builds,
      currency: options.currency,
      attritionPercent: options.attritionPercent,
      minExtraPerLine: options.minExtra,
      authorizedOnly: options.authorizedOnly,
      allowedSellers: options.sellers,
      preferredSellers: options.prefer,
      extraSellerCost: options.sellerCost,
      ...(options.maxSellers !== undefined ? { maxSellers: options.maxSellers } : {}),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message, 2);
    throw error;
  }
  return {
    file,
    currency: normalizeCurrency(options.currency),
    lines: inputs,
    plan,
    health: bomHealth(plan),
  };
}

export function planCsv(report: PlanReport): string {
  const rows: unknown[][] = [
    ...planRows(report).map((row) => PLAN_COLUMNS.map((key) => row[key] ?? "")),
    ...report.plan.builds.map((build) => totalRow(report, build).map((cell) => cell ?? "")),
  ];
  return Papa.unparse({ fields: PLAN_COLUMNS, data: rows });
}

function money(value: number | null): string {
  return value === null ? "" : value.toFixed(value < 1 ? 4 : 2);
}

function table(header: string[], body: string[][]): string[] {
  const widths = header.map((title, c) =>
    Math.min(44, Math.max(title.length, ...body.map((row) => (row[c] as string).length))),
  );
  const format = (row: string[]) =>
    row
      .map((cell, c) => {
        const width = widths[c] as number;
        return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [format(header), ...body.map(format)];
}

function healthText(report: PlanReport): string[] {
  const mpnOf = new Map(report.lines.map((line) => [line.id, line.mpn]));
  const list = (entries: HealthEntry[]) =>
    entries.length === 0
      ? "none"
      : entries
          .map((e) => `row ${e.id} ${e.mpn ?? mpnOf.get(e.id) ?? "(no MPN)"} (${e.detail})`)
          .join("; ");
  const { health } = report;
  return [
    "BOM health",
    `  Lifecycle risk (NRFND, EOL, Obsolete): ${list(health.lifecycle)}`,
    `  Single source: ${list(health.singleSource)}`,
    ...health.short.map((s) => `  Short at ${s.build} boards: ${list(s.lines)}`),
    `  Restock lead over the threshold: ${list(health.longLead)}`,
  ];
}

export function planTable(report: PlanReport): string {
  const rows = planRows(report);
  const out: string[] = [];
  for (const build of report.plan.builds) {
    const t = build.totals;
    out.push(
      `Build of ${build.build}: ${t.totalCost.toFixed(2)} ${report.currency} ` +
        `(${t.costPerBoard.toFixed(2)} per board), ${t.linesShort} line(s) short, ` +
        `${t.linesAtRisk} at risk, ${t.sellers.length} seller(s)`,
    );
    const body = rows
      .filter((row) => row.build === build.build)
      .map((row) => [
        String(row.row),
        row.mpn ?? "",
        String(row.quantity_needed),
        String(row.quantity_bought),
        row.sellers,
        money(row.unit_price),
        row.quantity_bought > 0 ? money(row.extended_price) : "",
        row.excess > 0 ? String(row.excess) : "",
        row.shortfall > 0 ? String(row.shortfall) : "",
        row.lead_days === null ? "" : String(row.lead_days),
        [row.status === "planned" ? "" : row.status, row.risks].filter(Boolean).join(" "),
      ]);
    out.push(
      ...table(
        [
          "Row",
          "MPN",
          "Need",
          "Buy",
          "From",
          "Unit",
          "Extended",
          "Excess",
          "Short",
          "Lead d",
          "Notes",
        ],
        body,
      ),
      "",
    );
  }
  return [...out, ...healthText(report)].join("\n");
}

export async function planCommand(file: string, options: PlanOptions, io: CliIo): Promise<number> {
  const report = await planReport(file, options);
  if (options.xlsx !== undefined) {
    await writePlanWorkbook(report, options.xlsx);
    io.err(`wrote ${options.xlsx}`);
  }
  if (options.json) io.out(JSON.stringify(report));
  else if (options.csv) io.out(planCsv(report));
  else if (options.xlsx === undefined) io.out(planTable(report));
  const short = report.plan.builds.filter((b) => b.totals.linesShort > 0);
  for (const build of short)
    io.err(
      `${build.totals.linesShort} line(s) short at ${build.build} boards; see the shortfall column`,
    );
  return 0;
}
