import type { PartOffer, PriceBreak } from "../../src/core/api";
import {
  bestQuote,
  isKnownCurrency,
  normalizeSellerName,
  quoteOffer,
  sellerMatches,
} from "../../src/core/pricing";

function usd(quantity: number, price: number): PriceBreak {
  return { quantity, price, currency: "USD", converted_price: price, converted_currency: "USD" };
}

function offer(overrides: Partial<PartOffer> = {}): PartOffer {
  return {
    seller: "Test Seller",
    seller_id: "000000000000000000000001",
    seller_aliases: [],
    sku: "SKU-1",
    authorized: true,
    stock: 1_000_000,
    moq: 1,
    order_multiple: 1,
    packaging: null,
    lead_days: null,
    prices: [usd(1, 1)],
    updated_at: null,
    ...overrides,
  };
}

/** The Knowledge Graph OpenAPI example: Murata GCM21BR72A104KA37L at Digi-Key. */
const digikeyMurata = offer({
  seller: "Digi-Key",
  seller_id: "622fb450e4c292d8287b0af5",
  seller_aliases: ["DigiKey Electronics", "Digikey"],
  sku: "490-4780-2-ND",
  stock: 652_178,
  moq: 3000,
  order_multiple: 1,
  lead_days: 147,
  prices: [usd(3000, 0.03828), usd(6000, 0.0354), usd(9000, 0.03395)],
});

describe("quoteOffer: quantity bought and the break that applies", () => {
  const cases: {
    name: string;
    offer: PartOffer;
    quantity: number;
    bought: number;
    unit: number;
    extended: number;
  }[] = [
    {
      name: "Digi-Key example: 1 asked buys the 3,000 MOQ at the first break",
      offer: digikeyMurata,
      quantity: 1,
      bought: 3000,
      unit: 0.03828,
      extended: 114.84,
    },
    {
      name: "Digi-Key example: exactly the second break",
      offer: digikeyMurata,
      quantity: 6000,
      bought: 6000,
      unit: 0.0354,
      extended: 212.4,
    },
    {
      name: "Digi-Key example: between breaks uses the lower one",
      offer: digikeyMurata,
      quantity: 8999,
      bought: 8999,
      unit: 0.0354,
      extended: 318.5646,
    },
    {
      name: "Digi-Key example: above the last break",
      offer: digikeyMurata,
      quantity: 20000,
      bought: 20000,
      unit: 0.03395,
      extended: 679,
    },
    {
      name: "order multiple rounds up after the MOQ",
      offer: offer({ moq: 10, order_multiple: 4, prices: [usd(1, 2), usd(12, 1.5)] }),
      quantity: 1,
      bought: 12,
      unit: 1.5,
      extended: 18,
    },
    {
      name: "order multiple rounding reaches the next break",
      offer: offer({ moq: 1, order_multiple: 25, prices: [usd(1, 0.1), usd(100, 0.05)] }),
      quantity: 90,
      bought: 100,
      unit: 0.05,
      extended: 5,
    },
    {
      name: "quantity already a multiple is kept",
      offer: offer({ moq: 1, order_multiple: 5, prices: [usd(1, 1)] }),
      quantity: 15,
      bought: 15,
      unit: 1,
      extended: 15,
    },
    {
      name: "first break above the MOQ counts as the minimum",
      offer: offer({ moq: 1, prices: [usd(100, 0.2), usd(1000, 0.1)] }),
      quantity: 10,
      bought: 100,
      unit: 0.2,
      extended: 20,
    },
    {
      name: "unsorted breaks are sorted",
      offer: offer({ prices: [usd(100, 0.5), usd(1, 1), usd(10, 0.8)] }),
      quantity: 50,
      bought: 50,
      unit: 0.8,
      extended: 40,
    },
    {
      name: "missing MOQ and multiple (0) default to 1",
      offer: offer({ moq: 0, order_multiple: 0, prices: [usd(1, 3)] }),
      quantity: 7,
      bought: 7,
      unit: 3,
      extended: 21,
    },
  ];

  it.each(cases)("$name", ({ offer: o, quantity, bought, unit, extended }) => {
    const quote = quoteOffer(o, quantity, "USD");
    expect(quote).not.toBeNull();
    expect(quote?.quantityAsked).toBe(quantity);
    expect(quote?.quantityBought).toBe(bought);
    expect(quote?.unitPrice).toBe(unit);
    expect(quote?.extendedPrice).toBeCloseTo(extended, 9);
    expect(quote?.currency).toBe("USD");
    expect(quote?.offer).toBe(o);
  });

  it("keeps money sums free of float noise", () => {
    expect(quoteOffer(digikeyMurata, 1, "USD")?.extendedPrice).toBe(114.84);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects quantity %p with a RangeError",
    (quantity) => {
      expect(() => quoteOffer(digikeyMurata, quantity, "USD")).toThrow(RangeError);
      expect(() => bestQuote([digikeyMurata], quantity, "USD")).toThrow(/quantity/);
    },
  );
});

describe("quoteOffer: currency", () => {
  const eurOffer = offer({
    prices: [
      {
        quantity: 1,
        price: 0.9,
        currency: "EUR",
        converted_price: 1.0,
        converted_currency: "USD",
      },
      {
        quantity: 100,
        price: 0.45,
        currency: "EUR",
        converted_price: 0.5,
        converted_currency: "USD",
      },
    ],
  });

  const cases: { name: string; currency: string; unit: number | null }[] = [
    { name: "break's own currency uses price", currency: "EUR", unit: 0.45 },
    { name: "converted currency uses converted_price", currency: "USD", unit: 0.5 },
    { name: "lower-case code is accepted", currency: "usd", unit: 0.5 },
    { name: "neither currency: cannot be quoted", currency: "GBP", unit: null },
  ];

  it.each(cases)("$name", ({ currency, unit }) => {
    const quote = quoteOffer(eurOffer, 100, currency);
    if (unit === null) expect(quote).toBeNull();
    else {
      expect(quote?.unitPrice).toBe(unit);
      expect(quote?.currency).toBe(currency.toUpperCase());
    }
  });

  it("an offer without any price break cannot be quoted", () => {
    expect(quoteOffer(offer({ prices: [] }), 1, "USD")).toBeNull();
  });

  it("ignores breaks with unusable prices", () => {
    const o = offer({ prices: [usd(1, Number.NaN), usd(10, -1), usd(5, 2)] });
    expect(quoteOffer(o, 1, "USD")).toMatchObject({ quantityBought: 5, unitPrice: 2 });
  });

  describe("an offer listing its prices in several currencies", () => {
    const converted = (source: string, quantity: number, price: number, usdPrice: number) => ({
      quantity,
      price,
      currency: source,
      converted_price: usdPrice,
      converted_currency: "USD",
    });
    // A distributor's USD, EUR and GBP price lists, each converted to USD.
    const multiCurrency = offer({
      prices: [
        usd(1, 1.0),
        usd(100, 0.8),
        converted("EUR", 1, 0.9, 1.05),
        converted("EUR", 100, 0.7, 0.82),
        converted("EUR", 500, 0.5, 0.58),
        converted("GBP", 1, 0.6, 0.76),
        converted("GBP", 10, 0.55, 0.7),
      ],
    });

    it("quotes from the list in the asked currency, not a mix of lists", () => {
      // Mixed with the converted EUR list, 100 would take EUR's 0.82 and 600 EUR's 0.58.
      expect(quoteOffer(multiCurrency, 100, "USD")?.unitPrice).toBe(0.8);
      expect(quoteOffer(multiCurrency, 600, "USD")?.unitPrice).toBe(0.8);
      expect(quoteOffer(multiCurrency, 5, "USD")?.unitPrice).toBe(1.0);
    });

    it("quotes each currency from its own list", () => {
      expect(quoteOffer(multiCurrency, 100, "EUR")?.unitPrice).toBe(0.7);
      expect(quoteOffer(multiCurrency, 100, "GBP")?.unitPrice).toBe(0.55);
    });

    it("without a list in the asked currency, converts one list only (the first)", () => {
      const noUsd = offer({ prices: multiCurrency.prices.slice(2) });
      // Mixed, 10 would take GBP's 0.70 converted; EUR's own list has no break at 10.
      expect(quoteOffer(noUsd, 10, "USD")).toMatchObject({ quantityBought: 10, unitPrice: 1.05 });
      expect(quoteOffer(noUsd, 600, "USD")?.unitPrice).toBe(0.58);
    });
  });
});

describe("bestQuote", () => {
  const cheapSmallStock = offer({
    seller: "Cheap",
    seller_id: "a",
    stock: 50,
    prices: [usd(1, 0.1)],
  });
  const midStocked = offer({ seller: "Mid", seller_id: "b", stock: 500, prices: [usd(1, 0.2)] });
  const dearStocked = offer({
    seller: "Dear",
    seller_id: "c",
    stock: 5000,
    prices: [usd(1, 0.3)],
  });
  const bigMoq = offer({
    seller: "Reel",
    seller_id: "d",
    stock: 100_000,
    moq: 1000,
    prices: [usd(1000, 0.01)],
  });
  const eurOnly = offer({
    seller: "Euro",
    seller_id: "e",
    stock: 1_000_000,
    prices: [
      {
        quantity: 1,
        price: 0.01,
        currency: "EUR",
        converted_price: 0.01,
        converted_currency: "EUR",
      },
    ],
  });

  const cases: {
    name: string;
    offers: PartOffer[];
    quantity: number;
    seller?: string;
    expected: string | null;
  }[] = [
    {
      name: "cheapest with enough stock",
      offers: [cheapSmallStock, midStocked, dearStocked],
      quantity: 10,
      expected: "Cheap",
    },
    {
      name: "cheapest lacks stock: next cheapest with enough",
      offers: [cheapSmallStock, midStocked, dearStocked],
      quantity: 100,
      expected: "Mid",
    },
    {
      name: "nobody has enough: the most stock",
      offers: [cheapSmallStock, midStocked, dearStocked],
      quantity: 10_000,
      expected: "Dear",
    },
    {
      name: "extended cost, not unit price, decides (MOQ makes the cheap unit dear)",
      offers: [bigMoq, midStocked],
      quantity: 10,
      expected: "Mid",
    },
    {
      name: "at volume the MOQ offer wins",
      offers: [bigMoq, midStocked, dearStocked],
      quantity: 1000,
      expected: "Reel",
    },
    {
      name: "offers in another currency are skipped",
      offers: [eurOnly, dearStocked],
      quantity: 1,
      expected: "Dear",
    },
    {
      name: "seller filter",
      offers: [cheapSmallStock, midStocked, dearStocked],
      quantity: 10,
      seller: "dear",
      expected: "Dear",
    },
    {
      name: "blank seller filter means any seller",
      offers: [cheapSmallStock, midStocked],
      quantity: 10,
      seller: "  ",
      expected: "Cheap",
    },
    {
      name: "unknown seller: nothing",
      offers: [cheapSmallStock, midStocked],
      quantity: 10,
      seller: "Mouser",
      expected: null,
    },
    { name: "no offers: nothing", offers: [], quantity: 1, expected: null },
  ];

  it.each(cases)("$name", ({ offers, quantity, seller, expected }) => {
    const quote = bestQuote(offers, quantity, "USD", seller === undefined ? {} : { seller });
    expect(quote?.offer.seller ?? null).toBe(expected);
  });

  it("prefers the authorized seller on equal cost", () => {
    const broker = offer({ seller: "Broker", authorized: false, prices: [usd(1, 0.2)] });
    const franchised = offer({ seller: "Franchised", authorized: true, prices: [usd(1, 0.2)] });
    expect(bestQuote([broker, franchised], 1, "USD")?.offer.seller).toBe("Franchised");
    expect(bestQuote([franchised, broker], 1, "USD")?.offer.seller).toBe("Franchised");
  });

  it("does not reorder the caller's array", () => {
    const offers = [dearStocked, midStocked, cheapSmallStock];
    bestQuote(offers, 1, "USD");
    expect(offers.map((o) => o.seller)).toEqual(["Dear", "Mid", "Cheap"]);
  });
});

describe("sellerMatches", () => {
  const cases: { asked: string; matches: boolean }[] = [
    { asked: "Digi-Key", matches: true },
    { asked: "digikey", matches: true },
    { asked: "DIGI KEY", matches: true },
    { asked: " digi.key ", matches: true },
    { asked: "DigiKey Electronics", matches: true },
    { asked: "622fb450e4c292d8287b0af5", matches: true },
    { asked: "digi", matches: false },
    { asked: "Mouser", matches: false },
    { asked: "", matches: false },
    { asked: "--", matches: false },
  ];
  it.each(cases)("'$asked' → $matches", ({ asked, matches }) => {
    expect(sellerMatches(digikeyMurata, asked)).toBe(matches);
  });

  it("normalizes accents and punctuation", () => {
    expect(normalizeSellerName("Bürklin Elektronik")).toBe(
      normalizeSellerName("burklin-elektronik"),
    );
  });
});

describe("isKnownCurrency", () => {
  it.each(["USD", "eur", " gbp ", "JPY", "CNY", "CHF"])("%p is known", (code) => {
    expect(isKnownCurrency(code)).toBe(true);
  });
  it.each(["", "US", "DOLLAR", "XYZ", "US D", "€"])("%p is not", (code) => {
    expect(isKnownCurrency(code)).toBe(false);
  });
});
