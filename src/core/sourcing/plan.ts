/**
 * The build plan: for each build quantity, every line bought the cheapest feasible way
 * (solve-line.ts), with coverage, risks and totals.
 *
 * Rules a buyer should know (also in the README):
 * - Need = quantity per board × boards, plus attrition: the larger of the percentage (rounded
 *   up) and the per-line minimum extra. DNP lines and lines with 0 per board need nothing.
 * - Offers are used only if the options allow them (authorized only, allowed sellers), they are
 *   priced in the plan's currency, and their stock can fill at least their minimum order.
 * - Each line minimises its spend, excess included; an alternate is bought only when the
 *   primary MPN is short or dearer (ties go to the primary).
 * - With `maxSellers`, the sellers with the most spend in the unrestricted plan are kept
 *   (preferred sellers first) and every line is planned again with only those.
 * - Lines at risk: the primary's lifecycle is NRFND, EOL or Obsolete; only one seller has stock;
 *   or the line is short and its fastest restock exceeds the lead-time threshold.
 */
import { isKnownCurrency, normalizeCurrency, roundMoney } from "../pricing";
import {
  lineCandidates,
  onlySellers,
  sellerKey,
  type Candidate,
  type LinePool,
  type SellerFilter,
} from "./candidates";
import { quantityNeeded, type Attrition } from "./need";
import { isLifecycleRisk } from "./risk";
import { solveLine, type LineSolution, type SolveSettings } from "./solve-line";
import type {
  BuildPlan,
  BuildTotals,
  Coverage,
  LinePlan,
  LineRisk,
  SourcingBuy,
  SourcingLine,
  SourcingOptions,
  SourcingPlan,
} from "./types";

/** Most build quantities one plan takes. */
export const MAX_BUILDS = 12;
const DEFAULT_MAX_SPLIT = 3;
const MAX_SPLIT_LIMIT = 6;
const DEFAULT_LEAD_THRESHOLD_DAYS = 84;

interface Settings {
  currency: string;
  attrition: Attrition;
  filter: SellerFilter;
  solve: SolveSettings;
  maxSellers: number | null;
  leadThreshold: number;
}

function wholeAtLeast(value: number | undefined, minimum: number, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < minimum))
    throw new RangeError(`${name} must be a whole number of at least ${minimum}, got ${value}`);
}

function nonNegative(value: number | undefined, name: string, maximum = Infinity): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= maximum))
    throw new RangeError(`${name} must be a number from 0 to ${maximum}, got ${value}`);
}

/** Checks the options and fills in defaults; throws RangeError naming the bad option. */
function settingsFrom(options: SourcingOptions): Settings {
  if (options.builds.length === 0 || options.builds.length > MAX_BUILDS)
    throw new RangeError(`builds: give 1 to ${MAX_BUILDS} build quantities`);
  options.builds.forEach((build, i) => wholeAtLeast(build, 1, `builds[${i}]`));
  if (!isKnownCurrency(options.currency))
    throw new RangeError(`currency: "${options.currency}" is not an ISO 4217 code`);
  nonNegative(options.attritionPercent, "attritionPercent", 100);
  wholeAtLeast(options.minExtraPerLine, 0, "minExtraPerLine");
  nonNegative(options.preferredMarginPercent, "preferredMarginPercent", 99);
  wholeAtLeast(options.maxSellers, 1, "maxSellers");
  nonNegative(options.extraSellerCost, "extraSellerCost");
  wholeAtLeast(options.maxSplit, 1, "maxSplit");
  if ((options.maxSplit ?? 0) > MAX_SPLIT_LIMIT)
    throw new RangeError(`maxSplit must be at most ${MAX_SPLIT_LIMIT}, got ${options.maxSplit}`);
  nonNegative(options.leadTimeThresholdDays, "leadTimeThresholdDays");
  const currency = normalizeCurrency(options.currency);
  return {
    currency,
    attrition: {
      percent: options.attritionPercent ?? 0,
      minExtra: options.minExtraPerLine ?? 0,
    },
    filter: {
      currency,
      authorizedOnly: options.authorizedOnly === true,
      allowedSellers: (options.allowedSellers ?? []).filter((s) => s.trim() !== ""),
      preferredSellers: (options.preferredSellers ?? []).filter((s) => s.trim() !== ""),
      preferredDiscount: (options.preferredMarginPercent ?? 0) / 100,
    },
    solve: {
      maxSplit: options.maxSplit ?? DEFAULT_MAX_SPLIT,
      extraSellerCost: options.extraSellerCost ?? 0,
    },
    maxSellers: options.maxSellers ?? null,
    leadThreshold: options.leadTimeThresholdDays ?? DEFAULT_LEAD_THRESHOLD_DAYS,
  };
}

function toBuy(pick: LineSolution["picks"][number]): SourcingBuy {
  const { candidate, quote } = pick;
  return {
    seller: candidate.offer.seller,
    sellerId: candidate.offer.seller_id,
    sku: candidate.offer.sku,
    mpn: candidate.part.mpn,
    manufacturer: candidate.part.manufacturer,
    authorized: candidate.offer.authorized,
    quantity: quote.quantityBought,
    unitPrice: quote.unitPrice,
    extendedPrice: quote.extendedPrice,
    leadDays: candidate.offer.lead_days,
    alternate: candidate.alternate,
    preferred: candidate.preferred,
  };
}

function knownLeads(candidates: readonly Candidate[]): number[] {
  return candidates
    .map((c) => c.offer.lead_days)
    .filter((days): days is number => days !== null && Number.isFinite(days));
}

function planLine(line: SourcingLine, pool: LinePool, build: number, settings: Settings): LinePlan {
  const minExtra = line.minExtra ?? settings.attrition.minExtra;
  const need = line.doNotPlace
    ? 0
    : quantityNeeded(line.quantityPerBoard, build, { ...settings.attrition, minExtra });
  const lifecycle = line.part?.lifecycle ?? null;
  const base: LinePlan = {
    id: line.id,
    mpn: line.part?.mpn ?? null,
    build,
    status: "planned",
    quantityNeeded: need,
    quantityBought: 0,
    excess: 0,
    shortfall: need,
    coverage: "none",
    buys: [],
    extendedPrice: 0,
    unitPrice: null,
    leadDays: null,
    lifecycle,
    alternateUsed: false,
    sellersWithStock: 0,
    risks: [],
  };
  if (need === 0) return { ...base, status: "not_needed", shortfall: 0, coverage: "in_stock" };
  if (line.part === null && line.alternates.length === 0) return { ...base, status: "no_part" };

  const { priced, stocked } = pool;
  const sellersWithStock = new Set(stocked.map((c) => c.sellerKey)).size;
  const solved = solveLine(stocked, need, settings.solve);
  const buys = (solved?.picks ?? []).map(toBuy);
  const bought = buys.reduce((sum, buy) => sum + buy.quantity, 0);
  const spend = roundMoney(buys.reduce((sum, buy) => sum + buy.extendedPrice, 0));
  const shortfall = Math.max(0, need - bought);
  const coverage: Coverage = shortfall === 0 ? "in_stock" : bought > 0 ? "partial" : "none";
  const buyLeads = buys
    .map((buy) => buy.leadDays)
    .filter((days): days is number => days !== null && Number.isFinite(days));
  const restockLeads = knownLeads(priced);
  const leadDays =
    shortfall > 0
      ? restockLeads.length > 0
        ? Math.min(...restockLeads)
        : null
      : buyLeads.length > 0
        ? Math.max(...buyLeads)
        : null;
  const risks: LineRisk[] = [];
  if (isLifecycleRisk(lifecycle)) risks.push("lifecycle");
  if (sellersWithStock === 1) risks.push("single_source");
  if (shortfall > 0 && leadDays !== null && leadDays > settings.leadThreshold)
    risks.push("long_lead");
  return {
    ...base,
    status: priced.length === 0 ? "no_offer" : "planned",
    quantityBought: bought,
    excess: Math.max(0, bought - need),
    shortfall,
    coverage,
    buys,
    extendedPrice: spend,
    unitPrice: bought > 0 ? spend / bought : null,
    leadDays,
    alternateUsed: buys.some((buy) => buy.alternate),
    sellersWithStock,
    risks,
  };
}

function totalsOf(build: number, lines: readonly LinePlan[]): BuildTotals {
  const totalCost = roundMoney(lines.reduce((sum, line) => sum + line.extendedPrice, 0));
  const excessCost = roundMoney(
    lines.reduce((sum, line) => sum + (line.unitPrice ?? 0) * line.excess, 0),
  );
  const sellers = new Set(lines.flatMap((line) => line.buys.map((buy) => buy.seller)));
  return {
    build,
    totalCost,
    costPerBoard: roundMoney(totalCost / build),
    excessCost,
    linesPlanned: lines.filter((line) => line.buys.length > 0).length,
    linesShort: lines.filter((line) => line.status !== "not_needed" && line.shortfall > 0).length,
    linesAtRisk: lines.filter((line) => line.risks.length > 0).length,
    sellers: [...sellers].sort((a, b) => a.localeCompare(b)),
  };
}

/** The sellers to keep under maxSellers: preferred ones first, then by spend. */
function sellersToKeep(lines: readonly LinePlan[], limit: number): Set<string> {
  const spend = new Map<string, { spend: number; preferred: boolean }>();
  for (const line of lines) {
    for (const buy of line.buys) {
      const key = sellerKey(buy.sellerId, buy.seller);
      const entry = spend.get(key) ?? { spend: 0, preferred: buy.preferred };
      entry.spend += buy.extendedPrice;
      spend.set(key, entry);
    }
  }
  const ranked = [...spend.entries()].sort(
    ([aKey, a], [bKey, b]) =>
      Number(b.preferred) - Number(a.preferred) || b.spend - a.spend || aKey.localeCompare(bKey),
  );
  return new Set(ranked.slice(0, limit).map(([key]) => key));
}

function planBuild(
  lines: readonly SourcingLine[],
  pools: readonly LinePool[],
  build: number,
  settings: Settings,
): BuildPlan {
  const planAll = (poolOf: (i: number) => LinePool) =>
    lines.map((line, i) => planLine(line, poolOf(i), build, settings));
  let planned = planAll((i) => pools[i] as LinePool);
  const used = new Set(
    planned.flatMap((line) => line.buys.map((buy) => sellerKey(buy.sellerId, buy.seller))),
  );
  if (settings.maxSellers !== null && used.size > settings.maxSellers) {
    const kept = sellersToKeep(planned, settings.maxSellers);
    planned = planAll((i) => onlySellers(pools[i] as LinePool, kept));
  }
  return { build, lines: planned, totals: totalsOf(build, planned) };
}

/** Plans every build quantity. Throws RangeError on a bad option, naming it. */
export function planSourcing(
  lines: readonly SourcingLine[],
  options: SourcingOptions,
): SourcingPlan {
  const settings = settingsFrom(options);
  // Candidates (and their memoized quotes) are shared by every build.
  const pools = lines.map((line) => lineCandidates(line.part, line.alternates, settings.filter));
  return {
    currency: settings.currency,
    builds: options.builds.map((build) => planBuild(lines, pools, build, settings)),
  };
}
