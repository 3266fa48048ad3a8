/**
 * Build-plan benchmark: a 1,000-line BOM of emulator catalogue parts (seeded quantities per board,
 * one line in ten with an alternate) planned at 10, 100 and 1,000 boards by the sourcing engine,
 * against two baselines priced on the same offers:
 * - cheapest_break: the Octopart/Nexar spreadsheet rule. Per line, the offer showing the lowest
 *   unit price at the largest break ≤ the quantity, MOQ, order multiple and stock ignored.
 * - single_seller: per line, the one offer that sells the whole quantity cheapest with MOQ and
 *   multiple applied (pricing.ts's bestQuote), no higher break tried, no split.
 * Every cost is what can actually be bought: a baseline's chosen offer is charged its real
 * price for the quantity it really sells (MOQ and multiple applied), and a line whose chosen
 * offer lacks the stock (or the price) is unbuyable and adds nothing. For the engine, a line is
 * unbuyable when it is short; its cost includes the units it does buy.
 * Costs and unbuyable counts are summed over the three builds; `ms` is the engine's wall time
 * (the first line also gives its CPU time, which a loaded machine does not inflate).
 * Usage: npm run bench:plan [-- --json] [--lines N]
 * With --json, the last line is {"lines", "builds", "ms", "total_cost",
 * "baseline_cheapest_break_cost", "baseline_single_seller_cost",
 * "unbuyable_lines": {"ours", "cheapest_break", "single_seller"}}.
 */
import type { Part, PartOffer } from "../src/core/api";
import type { GraphProductOffersV1, GraphProductV1 } from "../src/core/cofactr";
import { bestQuote, orderTerms, quoteOffer } from "../src/core/pricing";
import { planSourcing, type SourcingLine, type SourcingPart } from "../src/core/sourcing";
import { getCatalogue, type CatalogueProduct } from "../src/server/emulator/catalogue";
import { SeededRandom } from "../src/server/emulator/catalogue/random";
import { shapeProduct } from "../src/server/emulator/graph/shapes";
import { toPart } from "../src/server/lookup/to-part";

const BUILDS = [10, 100, 1000];
const CURRENCY = "USD";
const ATTRITION_PERCENT = 2;

const cents = (amount: number) => Math.round(amount * 100) / 100;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function toApiPart(product: CatalogueProduct): Part {
  return toPart(
    shapeProduct(product, "product-offers-v1") as unknown as GraphProductOffersV1,
    shapeProduct(product, "product-v1") as unknown as GraphProductV1,
  );
}

function sourcingPart(part: Part): SourcingPart {
  return {
    mpn: part.mpn,
    manufacturer: part.manufacturer,
    lifecycle: part.lifecycle,
    offers: part.offers,
  };
}

/** `count` lines spread over the catalogue; passives are used in larger quantities per board. */
function benchBom(products: readonly CatalogueProduct[], count: number): SourcingLine[] {
  // Seeded, so every run plans the same BOM.
  const random = new SeededRandom(12);
  const step = products.length / count;
  return Array.from({ length: count }, (_, i) => {
    const part = toApiPart(products[Math.floor(i * step)] as CatalogueProduct);
    const passive = /resistor|capacitor/i.test(part.classification ?? "");
    const perBoard = passive ? random.int(1, 24) : random.int(1, 4);
    const alternate = random.chance(0.1) ? random.pick(products) : undefined;
    return {
      id: String(i + 1),
      quantityPerBoard: perBoard,
      doNotPlace: false,
      part: sourcingPart(part),
      alternates: alternate ? [sourcingPart(toApiPart(alternate))] : [],
    };
  });
}

/** The Octopart/Nexar rule: the offer with the lowest price at the largest break ≤ quantity. */
function cheapestBreakOffer(offers: PartOffer[], quantity: number): PartOffer | null {
  let best: { offer: PartOffer; unit: number } | null = null;
  for (const offer of offers) {
    const terms = orderTerms(offer, CURRENCY);
    if (terms === null) continue;
    const below = terms.breaks.filter((b) => b.quantity <= quantity);
    const applicable = below[below.length - 1] ?? terms.breaks[0];
    if (applicable && (best === null || applicable.unitPrice < best.unit))
      best = { offer, unit: applicable.unitPrice };
  }
  return best?.offer ?? null;
}

interface BaselineCost {
  cost: number;
  unbuyable: number;
}

/** Charges a baseline's choice what it really costs, or counts the line unbuyable. */
function chargeChoice(
  lines: SourcingLine[],
  needs: number[],
  choose: (offers: PartOffer[], need: number) => PartOffer | null,
): BaselineCost {
  let cost = 0;
  let unbuyable = 0;
  lines.forEach((line, i) => {
    const need = needs[i] as number;
    const offer = choose(line.part?.offers ?? [], need);
    const quote = offer === null ? null : quoteOffer(offer, need, CURRENCY);
    if (quote === null || quote.offer.stock < quote.quantityBought) unbuyable++;
    else cost += quote.extendedPrice;
  });
  return { cost, unbuyable };
}

function main(): void {
  const json = process.argv.includes("--json");
  const lineCount = argument("--lines", 1000);
  const lines = benchBom(getCatalogue().products, lineCount);

  // Collect the set-up's garbage first, so the timing is the engine's own (the script runs
  // node with --expose-gc; without it this is skipped).
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const plan = planSourcing(lines, {
    builds: BUILDS,
    currency: CURRENCY,
    attritionPercent: ATTRITION_PERCENT,
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);

  let cheapest: BaselineCost = { cost: 0, unbuyable: 0 };
  let single: BaselineCost = { cost: 0, unbuyable: 0 };
  const perBuild: string[] = [];
  for (const built of plan.builds) {
    const needs = built.lines.map((line) => line.quantityNeeded);
    const c = chargeChoice(lines, needs, cheapestBreakOffer);
    const s = chargeChoice(
      lines,
      needs,
      (offers, need) => bestQuote(offers, need, CURRENCY)?.offer ?? null,
    );
    cheapest = { cost: cheapest.cost + c.cost, unbuyable: cheapest.unbuyable + c.unbuyable };
    single = { cost: single.cost + s.cost, unbuyable: single.unbuyable + s.unbuyable };
    perBuild.push(
      `${built.build} boards: ours ${built.totals.totalCost.toFixed(2)} (${built.totals.linesShort} short), ` +
        `cheapest break ${c.cost.toFixed(2)} (${c.unbuyable} unbuyable), ` +
        `single seller ${s.cost.toFixed(2)} (${s.unbuyable} unbuyable) ${CURRENCY}`,
    );
  }
  const result = {
    lines: lineCount,
    builds: BUILDS,
    ms: Math.round(ms),
    total_cost: cents(plan.builds.reduce((sum, b) => sum + b.totals.totalCost, 0)),
    baseline_cheapest_break_cost: cents(cheapest.cost),
    baseline_single_seller_cost: cents(single.cost),
    unbuyable_lines: {
      ours: plan.builds.reduce((sum, b) => sum + b.totals.linesShort, 0),
      cheapest_break: cheapest.unbuyable,
      single_seller: single.unbuyable,
    },
  };
  // On a shared machine the wall time also measures the neighbours; the CPU time does not.
  console.log(
    `Planned ${lineCount} lines at ${BUILDS.join(", ")} boards in ${result.ms} ms (${cpuMs} ms CPU).`,
  );
  for (const line of perBuild) console.log(line);
  if (json) console.log(JSON.stringify(result));
}

main();
