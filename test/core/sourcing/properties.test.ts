import fc from "fast-check";
import type { PartOffer } from "../../../src/core/api";
import { quoteOffer } from "../../../src/core/pricing";
import { planSourcing, type SourcingLine } from "../../../src/core/sourcing";
import { line, offer, part } from "./fixtures";

/** An offer with 1–4 breaks whose unit price falls as the quantity rises. */
const offerArb = (multiples: number[]) =>
  fc
    .record({
      seller: fc.constantFrom("A", "B", "C", "D", "E"),
      stock: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 20_000 })),
      moq: fc.constantFrom(1, 1, 5, 10, 100),
      multiple: fc.constantFrom(...multiples),
      breakSteps: fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 4 }),
      firstPrice: fc.integer({ min: 1, max: 5000 }),
      discounts: fc.array(fc.integer({ min: 50, max: 100 }), { minLength: 4, maxLength: 4 }),
      authorized: fc.boolean(),
    })
    .map((spec): PartOffer => {
      const quantities = [...spec.breakSteps].sort((a, b) => a - b);
      let price = spec.firstPrice / 1000;
      const breaks = quantities.map((quantity, i): [number, number] => {
        if (i > 0) price = Math.round(price * (spec.discounts[i] as number) * 10) / 1000;
        return [quantity, Math.max(price, 0.001)];
      });
      return offer({ ...spec, breaks });
    });

/** The most an offer can sell now, from the rules as a buyer states them. */
function purchasable(each: PartOffer): number {
  const firstBreak = Math.min(...each.prices.map((p) => p.quantity));
  const minimum = Math.max(each.moq, firstBreak);
  const smallestOrder = Math.ceil(minimum / each.order_multiple) * each.order_multiple;
  const allStock = Math.floor(each.stock / each.order_multiple) * each.order_multiple;
  return allStock >= smallestOrder && allStock > 0 ? allStock : 0;
}

const linesArb = (multiples: number[]) =>
  fc.array(
    fc.record({
      perBoard: fc.integer({ min: 0, max: 40 }),
      offers: fc.array(offerArb(multiples), { minLength: 0, maxLength: 5 }),
      alternateOffers: fc.array(offerArb(multiples), { maxLength: 2 }),
      dnp: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  );

function toLines(
  specs: { perBoard: number; offers: PartOffer[]; alternateOffers: PartOffer[]; dnp: boolean }[],
): SourcingLine[] {
  return specs.map((spec, i) =>
    line(String(i + 1), spec.perBoard, part(`P${i}`, spec.offers), {
      doNotPlace: spec.dnp,
      alternates: spec.alternateOffers.length > 0 ? [part(`ALT${i}`, spec.alternateOffers)] : [],
    }),
  );
}

const optionsArb = fc.record({
  builds: fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 3 }),
  attritionPercent: fc.integer({ min: 0, max: 10 }),
  minExtraPerLine: fc.integer({ min: 0, max: 5 }),
  extraSellerCost: fc.constantFrom(0, 0.5, 5),
  maxSplit: fc.integer({ min: 1, max: 3 }),
});

describe("sourcing plan properties", () => {
  it("never buys less than needed when the sellers' stock together suffices", () => {
    fc.assert(
      fc.property(linesArb([1, 1, 2, 5, 10]), optionsArb, (specs, options) => {
        const lines = toLines(specs);
        const plan = planSourcing(lines, { ...options, currency: "USD" });
        for (const build of plan.builds) {
          build.lines.forEach((planned, i) => {
            const sourcing = lines[i] as SourcingLine;
            const offers = [sourcing.part, ...sourcing.alternates].flatMap((p) => p?.offers ?? []);
            const stock = offers.reduce((sum, each) => sum + purchasable(each), 0);
            if (stock >= planned.quantityNeeded) {
              expect(planned.quantityBought).toBeGreaterThanOrEqual(planned.quantityNeeded);
              expect(planned.shortfall).toBe(0);
            } else {
              // Short: everything purchasable is bought.
              expect(planned.quantityBought).toBe(stock);
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every buy is at least the MOQ and first break, a whole order multiple, within stock", () => {
    fc.assert(
      fc.property(linesArb([1, 2, 3, 5, 10, 25]), optionsArb, (specs, options) => {
        const lines = toLines(specs);
        const plan = planSourcing(lines, { ...options, currency: "USD" });
        const offers = lines.flatMap((l) =>
          [l.part, ...l.alternates].flatMap((p) => p?.offers ?? []),
        );
        for (const build of plan.builds) {
          for (const planned of build.lines) {
            for (const buy of planned.buys) {
              // Some offer of this seller, with enough stock, must allow this order.
              const fits = offers.filter(
                (each) =>
                  each.seller === buy.seller &&
                  buy.quantity >= each.moq &&
                  buy.quantity >= Math.min(...each.prices.map((p) => p.quantity)) &&
                  buy.quantity % each.order_multiple === 0 &&
                  buy.quantity <= each.stock,
              );
              expect(fits.length).toBeGreaterThan(0);
              expect(buy.quantity).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("totals equal the sum of their lines, and each line the sum of its buys", () => {
    fc.assert(
      fc.property(linesArb([1, 5]), optionsArb, (specs, options) => {
        const plan = planSourcing(toLines(specs), { ...options, currency: "USD" });
        for (const build of plan.builds) {
          let total = 0;
          for (const planned of build.lines) {
            const buys = planned.buys.reduce((sum, buy) => sum + buy.extendedPrice, 0);
            expect(planned.extendedPrice).toBeCloseTo(buys, 6);
            expect(planned.quantityBought).toBe(planned.buys.reduce((s, b) => s + b.quantity, 0));
            total += planned.extendedPrice;
          }
          expect(build.totals.totalCost).toBeCloseTo(total, 6);
          expect(build.totals.costPerBoard).toBeCloseTo(build.totals.totalCost / build.build, 6);
          const short = build.lines.filter((l) => l.status !== "not_needed" && l.shortfall > 0);
          expect(build.totals.linesShort).toBe(short.length);
          expect(build.totals.linesAtRisk).toBe(
            build.lines.filter((l) => l.risks.length > 0).length,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with order multiples of 1, costs no more than the best of every way to split among two offers", () => {
    const small = fc.record({
      stock: fc.integer({ min: 0, max: 120 }),
      moq: fc.constantFrom(1, 1, 10, 25),
      breaks: fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 3 }),
      price: fc.integer({ min: 10, max: 500 }),
      discount: fc.integer({ min: 40, max: 95 }),
    });
    fc.assert(
      fc.property(small, small, fc.integer({ min: 1, max: 150 }), (specA, specB, need) => {
        const make = (seller: string, spec: typeof specA) => {
          const quantities = [...spec.breaks].sort((a, b) => a - b);
          return offer({
            seller,
            stock: spec.stock,
            moq: spec.moq,
            breaks: quantities.map((q, i) => [q, (spec.price * (spec.discount / 100) ** i) / 100]),
          });
        };
        const a = make("A", specA);
        const b = make("B", specB);
        // Brute force over every pair of order sizes that covers the need.
        let bruteBest = Infinity;
        const cost = (each: PartOffer, q: number): number | null => {
          if (q === 0) return 0;
          const quote = quoteOffer(each, q, "USD");
          return quote && quote.quantityBought === q && q <= each.stock
            ? quote.extendedPrice
            : null;
        };
        for (let qa = 0; qa <= a.stock; qa++) {
          const ca = cost(a, qa);
          if (ca === null) continue;
          for (let qb = 0; qb <= b.stock; qb++) {
            if (qa + qb < need) continue;
            const cb = cost(b, qb);
            if (cb !== null) bruteBest = Math.min(bruteBest, ca + cb);
          }
        }
        const planned = planSourcing([line("1", need, part("P", [a, b]))], {
          builds: [1],
          currency: "USD",
          maxSplit: 2,
        }).builds[0]?.lines[0];
        if (bruteBest === Infinity) {
          expect(planned?.shortfall).toBeGreaterThan(0);
        } else {
          expect(planned?.shortfall).toBe(0);
          expect(planned?.extendedPrice).toBeLessThanOrEqual(bruteBest + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
