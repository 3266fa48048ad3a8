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
  planSourcing,
  type HealthEntry,
  type SourcingLine,
  type SourcingPart,
  type SourcingPlan,
} from "../core/sourcing";
import { ApiClient } from "./http";
import { CliError, type CliIo } from "./io";
import { loadBom } from "./load-bom";
import { lookupAll } from "./lookup-parts";
import { queryKey } from "../core/query-key";
import { PLAN_COLUMNS, planRows, totalRow, type PlanInputLine, type PlanReport } from "./plan-rows";
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

/** "10,100,1000" → [10, 100, 1000]; throws a usage error naming the bad item. */
export function parseBuilds(text: string): number[] {
  const items = text.split(",").map((item) => item.trim());
  return items.map((item) => {
    if (!/^\d{1,9}$/.test(item) || Number(item) < 1)
      throw new CliError(`--builds: "${item}" is not a whole number of at least 1`, 2);
    return Number(item);
  });
}

/** "2%", "2", "2.5 %" → 2 / 2 / 2.5. */
export function parsePercent(text: string): number {
  const match = /^(\d{1,3}(?:\.\d{1,4})?)\s?%?$/.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100))
    throw new CliError(`--attrition: "${text}" is not a percentage from 0 to 100`, 2);
  return value;
}

/** "Digi-Key, Mouser" → ["Digi-Key", "Mouser"]. */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function toSourcingPart(result: LookupResult | undefined): SourcingPart | null {
  if (result?.status !== "found") return null;
  const { part } = result;
  return {
    mpn: part.mpn,
    manufacturer: part.manufacturer,
    lifecycle: part.lifecycle,
    offers: part.offers,
  };
}

export async function planReport(file: string, options: PlanOptions): Promise<PlanReport> {
  if (!isKnownCurrency(options.currency))
    throw new CliError(`--currency: "${options.currency}" is not an ISO 4217 code`, 2);
  const loaded = await loadBom(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const { lines, lineRows } = loaded.result;
  if (lines.length === 0) throw new CliError(`${file}: no BOM lines found`, 2);

  const wanted = lines.filter((line) => !line.do_not_place);
  const queries = [
    ...wanted
      .filter((line) => line.mpn)
      .map((line) => ({ mpn: line.mpn as string, manufacturer: line.manufacturer_name ?? null })),
    // Alternates may come from another maker: matched on the MPN alone.
    ...wanted.flatMap((line) => (line.alternative_mpns ?? []).map((mpn) => ({ mpn }))),
  ];
  const client = new ApiClient({
    server: options.server,
    ...(options.token ? { token: options.token } : {}),
  });
  const results =
    queries.length === 0 ? new Map<string, LookupResult>() : await lookupAll(client, queries);

  const inputs: PlanInputLine[] = [];
  const sourcing: SourcingLine[] = lines.map((line, i) => {
    const id = String(lineRows[i]);
    const primary = line.mpn
      ? results.get(queryKey({ mpn: line.mpn, manufacturer: line.manufacturer_name ?? null }))
      : undefined;
    const alternates = (line.alternative_mpns ?? [])
      .map((mpn) => toSourcingPart(results.get(queryKey({ mpn }))))
      .filter((part): part is SourcingPart => part !== null);
    inputs.push({
      id,
      row: lineRows[i] as number,
      line_number: line.line_number ?? null,
      mpn: line.mpn,
      manufacturer: line.manufacturer_name ?? null,
      quantity_per_board: line.quantity ?? 0,
      alternates: line.alternative_mpns ?? [],
      lookup: line.do_not_place
        ? "dnp"
        : !line.mpn
          ? "no_mpn"
          : primary === undefined || primary.status === "error"
            ? "lookup_error"
            : primary.status,
      message: primary !== undefined && primary.status !== "found" ? primary.message : null,
    });
    return {
      id,
      quantityPerBoard: line.quantity ?? 0,
      doNotPlace: line.do_not_place === true,
      part: toSourcingPart(primary),
      alternates,
    };
  });

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
