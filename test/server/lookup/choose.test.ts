import { queryKey } from "../../../src/core/query-key";
import { chooseCandidate } from "../../../src/server/lookup/choose";
import { normalizeQuery, type NormalizedQuery } from "../../../src/server/lookup/query-key";
import { toPart } from "../../../src/server/lookup/to-part";
import { product } from "../support/fake-graph";

function query(mpn: string, manufacturer?: string): NormalizedQuery {
  const normalized = normalizeQuery({ mpn, manufacturer });
  if ("problem" in normalized) throw new Error(normalized.problem);
  return normalized;
}

describe("normalizeQuery", () => {
  it("keys by the shared query key: spacing and case do not matter, the manufacturer does", () => {
    expect(query("  lm358n ", " Texas  Instruments").key).toBe(
      queryKey({ mpn: "LM358N", manufacturer: "texas instruments" }),
    );
    expect(query("LM358N").key).toBe(queryKey({ mpn: "lm358n" }));
    expect(query("LM358N").key).not.toBe(query("LM358N", "TI").key);
    expect(query("lm358n").mpn).toBe("lm358n");
  });

  it("reports empty and over-long input", () => {
    expect(normalizeQuery({ mpn: "  " })).toEqual({ problem: "The MPN is empty." });
    expect(normalizeQuery({ mpn: "x".repeat(256) })).toHaveProperty("problem");
  });
});

describe("chooseCandidate", () => {
  const tiPart = product("TI1", "LM358N", "Texas Instruments", 500);
  const stPart = product("ST1", "LM358N", "STMicroelectronics", 9000);
  const near = product("N1", "LM358NG", "onsemi", 100_000);

  it("takes the maker named, even when another maker has more stock", () => {
    const choice = chooseCandidate(query("lm358n", "TI"), [near, stPart, tiPart]);
    expect(choice).toEqual({ found: true, product: tiPart });
  });

  it("takes the most stock among exact MPN matches when no maker is named", () => {
    const choice = chooseCandidate(query("LM358N"), [near, tiPart, stPart]);
    expect(choice.found && choice.product.id).toBe("ST1");
  });

  it("matches alternative MPNs and, failing any MPN, a distributor SKU", () => {
    const alt = product("A1", "GCM21BR72A104KA37L", "Murata", 5, {
      alt_mpns: ["GCM21BR72A104KA37L."],
    });
    expect(chooseCandidate(query("gcm21br72a104ka37l."), [alt]).found).toBe(true);
    expect(chooseCandidate(query("LM358N-ND"), [tiPart])).toEqual({ found: true, product: tiPart });
  });

  it("does not take a different MPN that merely starts the same", () => {
    const choice = chooseCandidate(query("LM358"), [near, tiPart]);
    expect(choice).toEqual({ found: false, message: 'No part with MPN "LM358" was found.' });
  });

  it("names the makers it knows when the named maker has no such MPN", () => {
    const choice = chooseCandidate(query("LM358N", "Yageo"), [tiPart, stPart]);
    expect(choice).toEqual({
      found: false,
      message: '"LM358N" was found from Texas Instruments, STMicroelectronics, not from "Yageo".',
    });
  });
});

describe("toPart", () => {
  it("flattens offers, datasheet, specs, lead time, lifecycle and total stock", () => {
    const p = product("C1", "GRM188", "Murata", 40, { min_lead: null });
    const { lifecycle_status: _l, inventory_level: _i, ...offersOnly } = p;
    const part = toPart(offersOnly, { id: "C1", lifecycle_status: "NRFND", inventory_level: 1234 });
    expect(part).toMatchObject({
      cpid: "C1",
      mpn: "GRM188",
      manufacturer: "Murata",
      lifecycle: "NRFND",
      total_stock: 1234,
      datasheet: "https://example.com/GRM188.pdf",
      min_lead_days: 70,
      specs: [{ id: "package", label: "Package", value: "0603" }],
    });
    expect(part.offers[0]).toMatchObject({
      seller: "Digi-Key",
      seller_id: "seller-1",
      seller_aliases: ["DK"],
      sku: "GRM188-ND",
      authorized: true,
      stock: 40,
      lead_days: 70,
      prices: [
        {
          quantity: 1,
          price: 0.1,
          currency: "USD",
          converted_price: 0.1,
          converted_currency: "USD",
        },
      ],
    });
  });

  it("falls back to the offers' stock and the shipping lead without the product-v1 record", () => {
    const p = product("C2", "X", "Y", 7);
    const offer = p.offers?.[0];
    if (offer) offer.factory_lead_days = null;
    const part = toPart(p);
    expect(part.lifecycle).toBeNull();
    expect(part.total_stock).toBe(7);
    expect(part.offers[0]?.lead_days).toBe(2);
  });

  it("keeps price breaks with one usable price and drops those with none", () => {
    const p = product("C3", "X", "Y", 7);
    const offer = p.offers?.[0];
    if (!offer) throw new Error("fixture has no offer");
    const point = { conversion_rate: 1, converted_currency: "USD", currency: "EUR" };
    offer.prices = [
      { ...point, quantity: 1, price: 0.9, converted_price: null },
      { ...point, quantity: 10, price: null, converted_price: 0.8 },
      { ...point, quantity: 100, price: null, converted_price: null },
      { ...point, quantity: null, price: 0.5, converted_price: 0.55 },
    ];
    expect(toPart(p).offers[0]?.prices).toEqual([
      { quantity: 1, price: 0.9, currency: "EUR", converted_price: 0.9, converted_currency: "EUR" },
      {
        quantity: 10,
        price: 0.8,
        currency: "USD",
        converted_price: 0.8,
        converted_currency: "USD",
      },
    ]);
  });
});
