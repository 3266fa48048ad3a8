/**
 * `cofactr-bom price FILE --builds N`: every line's part resolved through /api/parts/lookup
 * (up to 2000 queries a request), priced at the line quantity × builds with the shared pricing
 * rules (src/core/pricing.ts), and the BOM total.
 */
import Papa from "papaparse";
import type { LookupResult } from "../core/api";
import { bestQuote, isKnownCurrency, normalizeCurrency } from "../core/pricing";
import { ApiClient } from "./http";
import { CliError, type CliIo } from "./io";
import { loadBom } from "./load-bom";
import { lookupAll } from "./lookup-parts";
import { queryKey } from "../core/query-key";

export interface PriceOptions {
  builds: number;
  currency: string;
  server: string;
  sheet?: string;
  token?: string;
  csv?: boolean;
  json?: boolean;
}

export type PriceStatus =
  "priced" | "no_price" | "not_found" | "lookup_error" | "no_mpn" | "dnp" | "zero_quantity";

export interface PricedLine {
  row: number;
  line_number: string | null;
  mpn: string | null;
  manufacturer: string | null;
  quantity_per_build: number;
  quantity_needed: number;
  resolved_mpn: string | null;
  resolved_manufacturer: string | null;
  cpid: string | null;
  seller: string | null;
  quantity_bought: number | null;
  unit_price: number | null;
  extended_price: number | null;
  currency: string;
  stock: number | null;
  lead_days: number | null;
  lifecycle: string | null;
  status: PriceStatus;
  message: string | null;
}

export interface PriceReport {
  file: string;
  builds: number;
  currency: string;
  lines: PricedLine[];
  total: number;
  priced_lines: number;
  unpriced_lines: number;
}

const roundMoney = (value: number) => Math.round(value * 10000) / 10000;

export async function priceReport(file: string, options: PriceOptions): Promise<PriceReport> {
  if (!Number.isInteger(options.builds) || options.builds < 1) {
    throw new CliError(`--builds must be a whole number of at least 1, got ${options.builds}`, 2);
  }
  if (!isKnownCurrency(options.currency))
    throw new CliError(`--currency: "${options.currency}" is not an ISO 4217 code`, 2);
  const currency = normalizeCurrency(options.currency);
  const loaded = await loadBom(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const { lines, lineRows } = loaded.result;
  if (lines.length === 0) throw new CliError(`${file}: no BOM lines found`, 2);

  const queries = lines
    .filter((line) => !line.do_not_place && line.mpn)
    .map((line) => ({ mpn: line.mpn as string, manufacturer: line.manufacturer_name ?? null }));
  const client = new ApiClient({
    server: options.server,
    ...(options.token ? { token: options.token } : {}),
  });
  const results =
    queries.length === 0 ? new Map<string, LookupResult>() : await lookupAll(client, queries);

  const priced: PricedLine[] = lines.map((line, i) => {
    const quantity = line.quantity ?? 0;
    const base: PricedLine = {
      row: lineRows[i] as number,
      line_number: line.line_number ?? null,
      mpn: line.mpn,
      manufacturer: line.manufacturer_name ?? null,
      quantity_per_build: quantity,
      quantity_needed: quantity * options.builds,
      resolved_mpn: null,
      resolved_manufacturer: null,
      cpid: null,
      seller: null,
      quantity_bought: null,
      unit_price: null,
      extended_price: null,
      currency,
      stock: null,
      lead_days: null,
      lifecycle: null,
      status: "priced",
      message: null,
    };
    if (line.do_not_place) return { ...base, status: "dnp", message: "do not place: not bought" };
    if (!line.mpn) return { ...base, status: "no_mpn", message: "no MPN to look up" };
    const result = results.get(
      queryKey({ mpn: line.mpn, manufacturer: line.manufacturer_name ?? null }),
    );
    if (!result || result.status === "error") {
      return { ...base, status: "lookup_error", message: result?.message ?? "no answer" };
    }
    if (result.status === "not_found")
      return { ...base, status: "not_found", message: result.message };
    const part = result.part;
    const resolved: PricedLine = {
      ...base,
      resolved_mpn: part.mpn,
      resolved_manufacturer: part.manufacturer,
      cpid: part.cpid,
      stock: part.total_stock,
      lead_days: part.min_lead_days,
      lifecycle: part.lifecycle,
    };
    if (base.quantity_needed < 1)
      return { ...resolved, status: "zero_quantity", message: "quantity 0: nothing to buy" };
    const quote = bestQuote(part.offers, base.quantity_needed, currency);
    if (!quote)
      return { ...resolved, status: "no_price", message: `no offer priced in ${currency}` };
    return {
      ...resolved,
      seller: quote.offer.seller,
      quantity_bought: quote.quantityBought,
      unit_price: quote.unitPrice,
      extended_price: quote.extendedPrice,
      lead_days: quote.offer.lead_days ?? part.min_lead_days,
      message:
        quote.offer.stock < quote.quantityBought
          ? `only ${quote.offer.stock} in stock at ${quote.offer.seller}`
          : null,
    };
  });
  const pricedLines = priced.filter((line) => line.status === "priced");
  return {
    file,
    builds: options.builds,
    currency,
    lines: priced,
    total: roundMoney(pricedLines.reduce((sum, line) => sum + (line.extended_price ?? 0), 0)),
    priced_lines: pricedLines.length,
    unpriced_lines: priced.filter((line) => line.status !== "priced" && line.status !== "dnp")
      .length,
  };
}

const CSV_COLUMNS: (keyof PricedLine)[] = [
  "row",
  "line_number",
  "mpn",
  "manufacturer",
  "quantity_per_build",
  "quantity_needed",
  "resolved_mpn",
  "resolved_manufacturer",
  "cpid",
  "seller",
  "quantity_bought",
  "unit_price",
  "extended_price",
  "currency",
  "stock",
  "lead_days",
  "lifecycle",
  "status",
  "message",
];

export function priceCsv(report: PriceReport): string {
  const rows: unknown[][] = report.lines.map((line) => CSV_COLUMNS.map((key) => line[key] ?? ""));
  const total = CSV_COLUMNS.map((key) =>
    key === "row"
      ? "TOTAL"
      : key === "extended_price"
        ? report.total
        : key === "currency"
          ? report.currency
          : "",
  );
  return Papa.unparse({ fields: CSV_COLUMNS, data: [...rows, total] });
}

function money(value: number | null): string {
  return value === null ? "" : value.toFixed(value < 1 ? 4 : 2);
}

export function priceTable(report: PriceReport): string {
  const header = [
    "Row",
    "MPN",
    "Manufacturer",
    "Qty",
    "Need",
    "Buy",
    "Unit",
    "Extended",
    "Stock",
    "Lead d",
    "Lifecycle",
    "Status",
  ];
  const body = report.lines.map((line) => [
    String(line.row),
    line.resolved_mpn ?? line.mpn ?? "",
    line.resolved_manufacturer ?? line.manufacturer ?? "",
    String(line.quantity_per_build),
    String(line.quantity_needed),
    line.quantity_bought === null ? "" : String(line.quantity_bought),
    money(line.unit_price),
    money(line.extended_price),
    line.stock === null ? "" : String(line.stock),
    line.lead_days === null ? "" : String(line.lead_days),
    line.lifecycle ?? "",
    line.status === "priced"
      ? (line.message ?? "")
      : `${line.status}${line.message ? `: ${line.message}` : ""}`,
  ]);
  const widths = header.map((title, c) =>
    Math.min(40, Math.max(title.length, ...body.map((row) => (row[c] as string).length))),
  );
  const format = (row: string[]) =>
    row
      .map((cell, c) =>
        cell.length > (widths[c] as number)
          ? `${cell.slice(0, (widths[c] as number) - 1)}…`
          : cell.padEnd(widths[c] as number),
      )
      .join("  ")
      .trimEnd();
  return [
    format(header),
    ...body.map(format),
    "",
    `Total for ${report.builds} build(s): ${report.total.toFixed(2)} ${report.currency} (${report.priced_lines} lines priced, ${report.unpriced_lines} not priced)`,
  ].join("\n");
}

export async function priceCommand(
  file: string,
  options: PriceOptions,
  io: CliIo,
): Promise<number> {
  const report = await priceReport(file, options);
  if (options.json) io.out(JSON.stringify(report));
  else if (options.csv) io.out(priceCsv(report));
  else io.out(priceTable(report));
  if (report.unpriced_lines > 0)
    io.err(`${report.unpriced_lines} line(s) could not be priced; see the status column`);
  return 0;
}
