/**
 * The cheapest way to buy one line's quantity from its candidate offers.
 *
 * A line has few offers, so the search is exhaustive over the quantities where an offer's cost
 * changes shape: its minimum order, each price break, all its stock, and the exact remainder
 * still needed. A higher break may cost less than the exact quantity, so every break at or
 * above the need is tried too. At most `maxSplit` sellers share a line, each seller after the
 * first weighed at `extraSellerCost`. Branches that cannot beat the best found are cut, and the
 * search stops after a fixed budget of quotes (hostile input: a part with hundreds of offers).
 *
 * When no combination within `maxSplit` covers the need but all stock together does, every
 * offer's stock is taken cheapest-first until it does; when even all stock falls short, all of
 * it is bought and the rest is a shortfall.
 */
import type { PriceQuote } from "../pricing";
import type { Candidate } from "./candidates";

export interface Pick {
  candidate: Candidate;
  quote: PriceQuote;
}

export interface LineSolution {
  picks: Pick[];
  bought: number;
  /** The weighed cost the search minimised (preferred sellers discounted, seller overhead added). */
  objective: number;
}

export interface SolveSettings {
  maxSplit: number;
  extraSellerCost: number;
}

/** Quotes evaluated for one line before the search settles for the best found. */
const SEARCH_BUDGET = 50_000;
const EPSILON = 1e-9;

function weighed(pick: Pick): number {
  return pick.quote.extendedPrice * pick.candidate.weight;
}

function sellerCount(picks: readonly Pick[]): number {
  return new Set(picks.map((pick) => pick.candidate.sellerKey)).size;
}

function objectiveOf(picks: readonly Pick[], extraSellerCost: number): number {
  const spend = picks.reduce((sum, pick) => sum + weighed(pick), 0);
  return spend + Math.max(0, sellerCount(picks) - 1) * extraSellerCost;
}

function solution(picks: Pick[], extraSellerCost: number): LineSolution {
  return {
    picks,
    bought: picks.reduce((sum, pick) => sum + pick.quote.quantityBought, 0),
    objective: objectiveOf(picks, extraSellerCost),
  };
}

/** Ties: the primary MPN over alternates, fewer buys, preferred sellers, fewer units. */
function better(a: LineSolution, b: LineSolution | null): boolean {
  if (b === null) return true;
  if (a.objective < b.objective - EPSILON) return true;
  if (a.objective > b.objective + EPSILON) return false;
  const alternates = (s: LineSolution) => s.picks.filter((p) => p.candidate.alternate).length;
  const preferred = (s: LineSolution) => s.picks.filter((p) => p.candidate.preferred).length;
  return (
    (alternates(a) - alternates(b) ||
      a.picks.length - b.picks.length ||
      preferred(b) - preferred(a) ||
      a.bought - b.bought) < 0
  );
}

/** Asked quantities that cover `remaining` from this offer alone: exactly, or at a higher break. */
function finishingQuantities(candidate: Candidate, remaining: number): number[] {
  const quantities = [remaining];
  for (const priceBreak of candidate.terms.breaks) {
    if (priceBreak.quantity > remaining) quantities.push(priceBreak.quantity);
  }
  return quantities;
}

/** Asked quantities that cover part of `remaining`: the minimum, each break, all stock. */
function partialQuantities(candidate: Candidate, remaining: number): number[] {
  const quantities = [candidate.minBuy];
  for (const priceBreak of candidate.terms.breaks) {
    if (priceBreak.quantity > candidate.minBuy && priceBreak.quantity < remaining)
      quantities.push(priceBreak.quantity);
  }
  if (candidate.maxBuy < remaining) quantities.push(candidate.maxBuy);
  return quantities;
}

/**
 * The least any order from this candidate costs, and its lowest unit price for orders up to
 * `cap` units. A larger order can cost less than a smaller one (reaching a break), so the
 * cheapest order is not always the minimum: it is at the minimum or at a break, since between
 * breaks the cost only grows.
 */
function cheapestOrders(candidate: Candidate, cap: number): { least: number; unit: number } {
  const atMinimum = candidate.quote(candidate.minBuy);
  let least = atMinimum.extendedPrice;
  let unit = atMinimum.unitPrice;
  for (const priceBreak of candidate.terms.breaks) {
    if (priceBreak.quantity <= candidate.minBuy) continue;
    const quote = candidate.quote(priceBreak.quantity);
    if (quote.quantityBought > candidate.maxBuy) break;
    least = Math.min(least, quote.extendedPrice);
    if (quote.quantityBought <= cap) unit = Math.min(unit, quote.unitPrice);
  }
  return { least, unit };
}

/** The least one candidate can cost per unit of `remaining` it covers (see remainderBound). */
function boundRate(candidate: Candidate, remaining: number): number {
  const { least, unit } = cheapestOrders(candidate, Math.min(remaining, candidate.maxBuy));
  let finish = Infinity;
  for (const asked of finishingQuantities(candidate, remaining)) {
    const quote = candidate.quote(asked);
    if (quote.quantityBought > candidate.maxBuy) break;
    finish = Math.min(finish, quote.extendedPrice);
  }
  return candidate.weight * Math.max(least / remaining, Math.min(unit, finish / remaining));
}

/**
 * A lower bound on covering `remaining` more units with the unused candidates. Any order from
 * a candidate costs at least its cheapest order of any size, at least its lowest unit price on
 * orders below the remainder, or else its cheapest full cover of the remainder; so each unit
 * it contributes costs at least boundRate, up to its stock. Filling the remainder from the
 * lowest rates (a fractional knapsack) cannot cost more than any real combination.
 */
function remainderBound(
  candidates: readonly Candidate[],
  used: ReadonlySet<Candidate>,
  remaining: number,
): number {
  const rates: { rate: number; capacity: number }[] = [];
  for (const candidate of candidates) {
    if (used.has(candidate)) continue;
    rates.push({
      rate: boundRate(candidate, remaining),
      capacity: Math.min(candidate.maxBuy, remaining),
    });
  }
  rates.sort((a, b) => a.rate - b.rate);
  let left = remaining;
  let bound = 0;
  for (const { rate, capacity } of rates) {
    const take = Math.min(left, capacity);
    bound += take * rate;
    left -= take;
    if (left <= 0) return bound;
  }
  return Infinity;
}

/** The cheapest full cover within maxSplit sellers' offers, or null when there is none. */
function searchFullCover(
  candidates: readonly Candidate[],
  need: number,
  settings: SolveSettings,
): LineSolution | null {
  let best: LineSolution | null = null;
  let budget = SEARCH_BUDGET;
  const chosen: Pick[] = [];
  const used = new Set<Candidate>();
  // Objectives are summed as the search goes down; a solution object is built only for a
  // contender (the hot path allocates nothing).
  const extraFor = (candidate: Candidate): number =>
    chosen.length > 0 && !chosen.some((pick) => pick.candidate.sellerKey === candidate.sellerKey)
      ? settings.extraSellerCost
      : 0;

  const visit = (start: number, covered: number, objective: number): void => {
    const remaining = need - covered;
    for (const candidate of candidates) {
      if (used.has(candidate)) continue;
      const extra = extraFor(candidate);
      for (const asked of finishingQuantities(candidate, remaining)) {
        if (--budget < 0) return;
        const quote = candidate.quote(asked);
        if (quote.quantityBought > candidate.maxBuy) break;
        const total = objective + extra + quote.extendedPrice * candidate.weight;
        if (best !== null && total > best.objective + EPSILON) continue;
        const found = solution([...chosen, { candidate, quote }], settings.extraSellerCost);
        if (better(found, best)) best = found;
      }
    }
    if (chosen.length + 1 >= settings.maxSplit) return;
    for (let index = start; index < candidates.length; index++) {
      const candidate = candidates[index] as Candidate;
      if (used.has(candidate)) continue;
      const extra = extraFor(candidate);
      for (const asked of partialQuantities(candidate, remaining)) {
        if (--budget < 0) return;
        const quote = candidate.quote(asked);
        if (quote.quantityBought >= remaining || quote.quantityBought > candidate.maxBuy) continue;
        const sofar = objective + extra + quote.extendedPrice * candidate.weight;
        if (best !== null && sofar >= best.objective - EPSILON) continue;
        used.add(candidate);
        const bound = sofar + remainderBound(candidates, used, remaining - quote.quantityBought);
        if (best === null || bound < best.objective - EPSILON) {
          chosen.push({ candidate, quote });
          visit(index + 1, covered + quote.quantityBought, sofar);
          chosen.pop();
        }
        used.delete(candidate);
      }
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Cheapest-first over all stock: the fallback when maxSplit offers cannot cover the need. */
function takeStockCheapestFirst(
  candidates: readonly Candidate[],
  need: number,
  settings: SolveSettings,
): LineSolution {
  const byUnit = candidates
    .map((candidate) => ({ candidate, quote: candidate.quote(candidate.maxBuy) }))
    .sort(
      (a, b) =>
        a.quote.unitPrice * a.candidate.weight - b.quote.unitPrice * b.candidate.weight ||
        Number(a.candidate.alternate) - Number(b.candidate.alternate),
    );
  const picks: Pick[] = [];
  let covered = 0;
  for (const pick of byUnit) {
    if (covered >= need) break;
    const remaining = need - covered;
    // The last offer needed sells only the remainder (its MOQ and multiple still apply).
    const quote =
      pick.quote.quantityBought > remaining ? pick.candidate.quote(remaining) : pick.quote;
    picks.push({ candidate: pick.candidate, quote });
    covered += quote.quantityBought;
  }
  return solution(picks, settings.extraSellerCost);
}

/**
 * The plan for one line: the cheapest full cover, else as much as stock allows. `candidates`
 * must all be able to sell an order now (maxBuy ≥ minBuy). Null when there are none.
 */
export function solveLine(
  candidates: readonly Candidate[],
  need: number,
  settings: SolveSettings,
): LineSolution | null {
  if (candidates.length === 0 || need < 1) return null;
  const full = searchFullCover(candidates, need, settings);
  if (full !== null) return full;
  return takeStockCheapestFirst(candidates, need, settings);
}
