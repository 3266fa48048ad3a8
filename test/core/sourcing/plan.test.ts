import {
  planSourcing,
  quantityNeeded,
  isLifecycleRisk,
  type LinePlan,
  type SourcingLine,
  type SourcingOptions,
} from "../../../src/core/sourcing";
import { line, offer, part } from "./fixtures";

/** Plans one line at one build quantity and returns its plan. */
function planOne(
  sourcingLine: SourcingLine,
  build: number,
  options: Partial<SourcingOptions> = {},
): LinePlan {
  const plan = planSourcing([sourcingLine], { builds: [build], currency: "USD", ...options });
  return plan.builds[0]?.lines[0] as LinePlan;
}

function bought(plan: LinePlan): [string, number][] {
  return plan.buys.map((buy) => [buy.seller, buy.quantity]);
}

describe("quantityNeeded: boards × quantity plus attrition", () => {
  it.each([
    [3, 100, 2, 5, 306, "2 % of 300 is 6, more than the minimum 5"],
    [1, 10, 2, 5, 15, "2 % of 10 rounds up to 1, so the minimum 5 applies"],
    [1, 100, 2, 0, 102, "2 % of 100 is exactly 2 (no float round-up to 3)"],
    [1, 7, 10, 0, 8, "10 % of 7 = 0.7 rounds up to 1"],
    [0.5, 3, 0, 0, 2, "half a metre per board × 3 boards is 1.5, bought as 2"],
    [0, 100, 5, 5, 0, "a line with 0 per board needs nothing, not even attrition"],
  ])("%d per board × %d boards, %d %%, min %d extra → %d (%s)", (q, b, pct, min, expected) => {
    expect(quantityNeeded(q, b, { percent: pct, minExtra: min })).toBe(expected);
  });
});

describe("one seller: MOQ, order multiple and a cheaper higher break", () => {
  it("buys 100 at the 100 break (5.00) rather than exactly 90 at the unit price (9.00)", () => {
    const plan = planOne(
      line(
        "1",
        9,
        part("R1", [
          offer({
            seller: "A",
            stock: 1000,
            breaks: [
              [1, 0.1],
              [100, 0.05],
            ],
          }),
        ]),
      ),
      10,
    );
    expect(bought(plan)).toEqual([["A", 100]]);
    expect(plan.extendedPrice).toBeCloseTo(5, 10);
    expect(plan.excess).toBe(10);
    expect(plan.unitPrice).toBeCloseTo(0.05, 10);
    expect(plan.coverage).toBe("in_stock");
  });

  it("buys exactly the need when the higher break costs more in total", () => {
    // 50 × 0.10 = 5.00 against 100 × 0.06 = 6.00.
    const plan = planOne(
      line(
        "1",
        5,
        part("R1", [
          offer({
            seller: "A",
            stock: 1000,
            breaks: [
              [1, 0.1],
              [100, 0.06],
            ],
          }),
        ]),
      ),
      10,
    );
    expect(bought(plan)).toEqual([["A", 50]]);
    expect(plan.extendedPrice).toBeCloseTo(5, 10);
    expect(plan.excess).toBe(0);
  });

  it("rounds up to the MOQ and multiple when that is the cheaper seller", () => {
    // Need 7. A: MOQ 10, multiple 5 → 10 × 0.20 = 2.00. B: 7 × 0.35 = 2.45.
    const plan = planOne(
      line(
        "1",
        7,
        part("C1", [
          offer({ seller: "A", stock: 100, moq: 10, multiple: 5, breaks: [[10, 0.2]] }),
          offer({ seller: "B", stock: 100, breaks: [[1, 0.35]] }),
        ]),
      ),
      1,
    );
    expect(bought(plan)).toEqual([["A", 10]]);
    expect(plan.extendedPrice).toBeCloseTo(2, 10);
    expect(plan.excess).toBe(3);
  });

  it("never orders more than a seller has in stock, in whole multiples", () => {
    // A has 23 in stock sold in 5s: at most 20. The other 5 of 25 must come from B.
    const plan = planOne(
      line(
        "1",
        25,
        part("U1", [
          offer({ seller: "A", stock: 23, multiple: 5, breaks: [[1, 1]] }),
          offer({ seller: "B", stock: 100, breaks: [[1, 3]] }),
        ]),
      ),
      1,
    );
    expect(bought(plan)).toEqual([
      ["A", 20],
      ["B", 5],
    ]);
    expect(plan.extendedPrice).toBeCloseTo(35, 10);
  });
});

describe("splitting a line across sellers", () => {
  const a = offer({ seller: "A", stock: 600, breaks: [[1, 0.01]] });
  const b = offer({ seller: "B", stock: 5000, breaks: [[1, 0.02]] });
  const twoSellers = line("1", 1000, part("R1", [a, b]));

  it("takes all of the cheap seller's stock and the rest elsewhere: 6.00 + 8.00", () => {
    const plan = planOne(twoSellers, 1);
    expect(bought(plan)).toEqual([
      ["A", 600],
      ["B", 400],
    ]);
    expect(plan.extendedPrice).toBeCloseTo(14, 10);
    expect(plan.coverage).toBe("in_stock");
  });

  it("does not split when the extra seller's cost outweighs the saving", () => {
    // Split: 14.00 + 7.00 overhead = 21.00 > 20.00 all from B.
    const plan = planOne(twoSellers, 1, { extraSellerCost: 7 });
    expect(bought(plan)).toEqual([["B", 1000]]);
    expect(plan.extendedPrice).toBeCloseTo(20, 10);
  });

  it("splits when the overhead is smaller than the saving, and reports the spend without it", () => {
    const plan = planOne(twoSellers, 1, { extraSellerCost: 5 });
    expect(bought(plan)).toHaveLength(2);
    expect(plan.extendedPrice).toBeCloseTo(14, 10);
  });

  it("buys every unit it can when stock falls short, and reports the shortfall", () => {
    const plan = planOne(
      line(
        "1",
        1000,
        part("R1", [
          offer({ seller: "A", stock: 300, breaks: [[1, 0.01]], lead: 70 }),
          offer({ seller: "B", stock: 200, breaks: [[1, 0.02]], lead: 30 }),
        ]),
      ),
      1,
    );
    expect(plan.quantityBought).toBe(500);
    expect(plan.shortfall).toBe(500);
    expect(plan.coverage).toBe("partial");
    expect(plan.leadDays).toBe(30);
  });

  it("covers the need from more sellers than maxSplit when only all stock together suffices", () => {
    const offers = ["A", "B", "C", "D"].map((seller, i) =>
      offer({ seller, stock: 30, breaks: [[1, 1 + i]] }),
    );
    const plan = planOne(line("1", 100, part("R1", offers)), 1, { maxSplit: 2 });
    expect(plan.quantityBought).toBe(100);
    expect(plan.shortfall).toBe(0);
    // Cheapest first: 30 × 1 + 30 × 2 + 30 × 3 + 10 × 4.
    expect(plan.extendedPrice).toBeCloseTo(220, 10);
  });

  it("finds a split where the cheaper order is above the seller's minimum (5 past a break)", () => {
    // A's minimum (3 at 0.10 = 0.30) costs more than 5 at its 4-unit break (0.20): the search
    // must not assume no order from A costs less than its minimum. Best: B's 25 + A's 5 = 1.20,
    // not A's 6 + B's 25 = 1.24.
    const plan = planOne(
      line(
        "1",
        30,
        part("R1", [
          offer({
            seller: "A",
            stock: 6,
            breaks: [
              [3, 0.1],
              [4, 0.04],
            ],
          }),
          offer({
            seller: "B",
            stock: 25,
            breaks: [
              [1, 0.1],
              [25, 0.04],
            ],
          }),
        ]),
      ),
      1,
      { maxSplit: 2 },
    );
    expect(bought(plan).sort()).toEqual([
      ["A", 5],
      ["B", 25],
    ]);
    expect(plan.extendedPrice).toBeCloseTo(1.2, 10);
    expect(plan.shortfall).toBe(0);
  });

  it("says none, with the fastest restock lead, when nothing is in stock", () => {
    const plan = planOne(
      line(
        "1",
        10,
        part("U1", [
          offer({ seller: "A", stock: 0, breaks: [[1, 1]], lead: 120 }),
          offer({ seller: "B", stock: 0, breaks: [[1, 1]], lead: 90 }),
        ]),
      ),
      1,
      { leadTimeThresholdDays: 84 },
    );
    expect(plan.coverage).toBe("none");
    expect(plan.shortfall).toBe(10);
    expect(plan.leadDays).toBe(90);
    expect(plan.risks).toContain("long_lead");
    expect(plan.status).toBe("planned");
  });
});

describe("alternates: only when the primary is short or dearer", () => {
  const primaryOffer = (price: number, stock = 1000) =>
    offer({ seller: "A", stock, breaks: [[1, price]] });
  const alternateOffer = (price: number) =>
    offer({ seller: "B", stock: 1000, breaks: [[1, price]] });

  it("keeps the primary at the same price", () => {
    const plan = planOne(
      line("1", 10, part("P", [primaryOffer(0.1)]), {
        alternates: [part("ALT", [alternateOffer(0.1)])],
      }),
      1,
    );
    expect(plan.alternateUsed).toBe(false);
    expect(plan.buys.map((buy) => buy.mpn)).toEqual(["P"]);
  });

  it("buys the alternate when it is cheaper", () => {
    const plan = planOne(
      line("1", 10, part("P", [primaryOffer(0.1)]), {
        alternates: [part("ALT", [alternateOffer(0.08)])],
      }),
      1,
    );
    expect(plan.alternateUsed).toBe(true);
    expect(plan.buys.map((buy) => [buy.mpn, buy.alternate])).toEqual([["ALT", true]]);
  });

  it("tops up a short primary with the alternate", () => {
    const plan = planOne(
      line("1", 10, part("P", [primaryOffer(0.1, 4)]), {
        alternates: [part("ALT", [alternateOffer(0.5)])],
      }),
      1,
    );
    expect(plan.buys.map((buy) => [buy.mpn, buy.quantity])).toEqual([
      ["P", 4],
      ["ALT", 6],
    ]);
    expect(plan.alternateUsed).toBe(true);
  });

  it("buys an alternate when the primary MPN did not resolve", () => {
    const plan = planOne(
      line("1", 10, null, { alternates: [part("ALT", [alternateOffer(0.5)])] }),
      1,
    );
    expect(plan.coverage).toBe("in_stock");
    expect(plan.alternateUsed).toBe(true);
  });
});

describe("seller options", () => {
  const offers = [
    offer({ seller: "Broker", stock: 1000, breaks: [[1, 0.05]], authorized: false }),
    offer({ seller: "Mouser", stock: 1000, breaks: [[1, 0.1]] }),
    offer({ seller: "DigiKey", stock: 1000, breaks: [[1, 0.105]] }),
  ];
  const oneLine = line("1", 10, part("R1", offers));

  it("takes the cheapest offer, authorized or not, by default", () => {
    expect(bought(planOne(oneLine, 1))).toEqual([["Broker", 10]]);
  });

  it("authorized only skips the broker", () => {
    expect(bought(planOne(oneLine, 1, { authorizedOnly: true }))).toEqual([["Mouser", 10]]);
  });

  it("allowed sellers match names loosely, as pricing.ts does", () => {
    expect(bought(planOne(oneLine, 1, { allowedSellers: ["digi-key"] }))).toEqual([
      ["DigiKey", 10],
    ]);
  });

  it("a preferred seller within the margin wins; outside it, the cheaper one does", () => {
    const preferDigiKey = { authorizedOnly: true, preferredSellers: ["DigiKey"] };
    expect(bought(planOne(oneLine, 1, { ...preferDigiKey, preferredMarginPercent: 10 }))).toEqual([
      ["DigiKey", 10],
    ]);
    expect(bought(planOne(oneLine, 1, { ...preferDigiKey, preferredMarginPercent: 2 }))).toEqual([
      ["Mouser", 10],
    ]);
    // The reported spend is the real price, not the weighed one.
    expect(
      planOne(oneLine, 1, { ...preferDigiKey, preferredMarginPercent: 10 }).extendedPrice,
    ).toBeCloseTo(1.05, 10);
  });

  it("a part with no offer in the plan's currency is no_offer and short", () => {
    const euroOnly = line(
      "1",
      1,
      part("R1", [offer({ seller: "A", stock: 10, breaks: [[1, 1]], currency: "EUR" })]),
    );
    const plan = planSourcing([euroOnly], { builds: [1], currency: "USD" });
    expect(plan.builds[0]?.lines[0]?.status).toBe("no_offer");
    expect(plan.builds[0]?.totals.linesShort).toBe(1);
  });

  it("at most N sellers keeps the sellers with the most spend and plans again", () => {
    // Line 1 is cheapest at A (spend 10), line 2 at B (spend 1). With one seller, both from A.
    const lines = [
      line(
        "1",
        100,
        part("X", [
          offer({ seller: "A", stock: 500, breaks: [[1, 0.1]] }),
          offer({ seller: "B", stock: 500, breaks: [[1, 0.2]] }),
        ]),
      ),
      line(
        "2",
        10,
        part("Y", [
          offer({ seller: "A", stock: 500, breaks: [[1, 0.2]] }),
          offer({ seller: "B", stock: 500, breaks: [[1, 0.1]] }),
        ]),
      ),
    ];
    const free = planSourcing(lines, { builds: [1], currency: "USD" }).builds[0];
    expect(free?.totals.sellers).toEqual(["A", "B"]);
    const limited = planSourcing(lines, { builds: [1], currency: "USD", maxSellers: 1 }).builds[0];
    expect(limited?.totals.sellers).toEqual(["A"]);
    expect(limited?.totals.totalCost).toBeCloseTo(12, 10);
  });
});

describe("statuses, risks and totals over several builds", () => {
  const lines = [
    line(
      "R1",
      2,
      part("R1", [
        offer({ seller: "A", stock: 10_000, breaks: [[1, 0.01]] }),
        offer({ seller: "B", stock: 10_000, breaks: [[1, 0.02]] }),
      ]),
    ),
    line("U1", 1, part("U1", [offer({ seller: "A", stock: 50, breaks: [[1, 2]] })], "EOL")),
    line("J1", 1, part("J1", [offer({ seller: "B", stock: 1000, breaks: [[1, 0.5]] })]), {
      doNotPlace: true,
    }),
    line("X1", 1, null),
  ];
  const plan = planSourcing(lines, { builds: [10, 100], currency: "usd" });

  it("plans each build quantity separately, in order", () => {
    expect(plan.currency).toBe("USD");
    expect(plan.builds.map((b) => b.build)).toEqual([10, 100]);
  });

  it("marks DNP as not needed and an unresolved MPN as no_part", () => {
    const statuses = plan.builds[0]?.lines.map((l) => l.status);
    expect(statuses).toEqual(["planned", "planned", "not_needed", "no_part"]);
  });

  it("flags lifecycle (EOL) and single-source risks", () => {
    const u1 = plan.builds[0]?.lines[1];
    expect(u1?.risks).toEqual(["lifecycle", "single_source"]);
    expect(plan.builds[0]?.lines[0]?.risks).toEqual([]);
  });

  it("totals: per board and per build, lines short and at risk", () => {
    // 10 boards: R1 20 × 0.01 = 0.20, U1 10 × 2 = 20.00. Short: X1 (no part).
    expect(plan.builds[0]?.totals).toMatchObject({
      build: 10,
      totalCost: 20.2,
      costPerBoard: 2.02,
      linesShort: 1,
      linesAtRisk: 1,
    });
    // 100 boards: R1 200 × 0.01 = 2.00, U1 only 50 in stock → 100.00, short. X1 short.
    expect(plan.builds[1]?.totals).toMatchObject({
      totalCost: 102,
      costPerBoard: 1.02,
      linesShort: 2,
    });
    expect(plan.builds[1]?.lines[1]?.coverage).toBe("partial");
  });
});

describe("bad options are refused with the option's name", () => {
  const one = [line("1", 1, null)];
  it.each<[Partial<SourcingOptions>, RegExp]>([
    [{ builds: [] }, /builds/],
    [{ builds: [10, 0] }, /builds\[1\]/],
    [{ builds: [2.5] }, /builds\[0\]/],
    [{ currency: "EURO" }, /currency/],
    [{ attritionPercent: -1 }, /attritionPercent/],
    [{ minExtraPerLine: 1.5 }, /minExtraPerLine/],
    [{ maxSellers: 0 }, /maxSellers/],
    [{ maxSplit: 99 }, /maxSplit/],
    [{ extraSellerCost: Number.NaN }, /extraSellerCost/],
  ])("%j", (options, message) => {
    expect(() => planSourcing(one, { builds: [1], currency: "USD", ...options })).toThrow(message);
  });
});

describe("isLifecycleRisk", () => {
  it.each([
    ["NRFND", true],
    ["Not Recommended for New Designs", true],
    ["EOL", true],
    ["End-of-Life", true],
    ["Last Time Buy", true],
    ["Obsolete", true],
    ["Production", false],
    ["New", false],
    ["Active", false],
    [null, false],
  ])("%s → %s", (status, risky) => {
    expect(isLifecycleRisk(status)).toBe(risky);
  });
});
