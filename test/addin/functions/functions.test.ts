import type { Part } from "../../../src/core/api";
import * as COFACTR from "../../../src/addin/functions/functions";
import { createRuntimeServices, setRuntimeServices } from "../../../src/addin/runtime/services";
import { OFFERS_HEADER } from "../../../src/addin/functions/offers-table";
import { installCustomFunctionsStub, settle, type Settled } from "../../support/customFunctions";
import { installExcelApiSupport } from "../../support/officeRequirements";
import {
  BARE_PART,
  CATALOGUE,
  MURATA_CAP,
  fakeLookupApi,
  jsonResponse,
  resultsFor,
} from "../../support/customFunctionsApi";

installCustomFunctionsStub();

const MURATA = MURATA_CAP.mpn;
const MINUTE = 60_000;

let api: ReturnType<typeof fakeLookupApi>;
let now: number;

function useCatalogue(catalogue: Part[] = CATALOGUE): void {
  api = fakeLookupApi(catalogue);
  now = 1_000_000;
  setRuntimeServices(
    createRuntimeServices({
      storage: null,
      fetch: api.fetch,
      lookup: { windowMs: 1, cacheNow: () => now },
    }),
  );
}

// Excel on the web and current desktop Excel: entity values (ExcelApi 1.16) are there.
let uninstallOffice: () => void;
beforeAll(() => {
  uninstallOffice = installExcelApiSupport("1.17");
});
beforeEach(() => useCatalogue());
afterAll(() => {
  setRuntimeServices(null);
  uninstallOffice();
});

/** PART's card; fails the test when PART answered with plain text instead. */
async function partCard(mpn: string) {
  const card = await COFACTR.partEntity(mpn);
  if (typeof card === "string") throw new Error(`PART answered text: ${card}`);
  return card;
}

const value = (v: unknown): Settled => ({ ok: true, value: v });
const na = (message: string | RegExp) => ({
  ok: false,
  code: "#N/A",
  message: expect.stringMatching(message),
});
const bad = (message: string | RegExp) => ({
  ok: false,
  code: "#VALUE!",
  message: expect.stringMatching(message),
});

describe("part facts", () => {
  const cases: [string, () => Promise<unknown>, unknown][] = [
    ["CPID", () => COFACTR.cpid(MURATA), value("CC2DKKO1LUCF")],
    ["DESCRIPTION", () => COFACTR.description(MURATA), value(MURATA_CAP.description)],
    ["MANUFACTURER", () => COFACTR.manufacturerName(MURATA), value("Murata")],
    ["LIFECYCLE", () => COFACTR.lifecycle(MURATA), value("Production")],
    ["PACKAGE", () => COFACTR.packageCase(MURATA), value("0805")],
    ["DATASHEET", () => COFACTR.datasheet(MURATA), value(MURATA_CAP.datasheet)],
    ["MPN in lower case", () => COFACTR.cpid(MURATA.toLowerCase()), value("CC2DKKO1LUCF")],
    ["manufacturer picks the maker", () => COFACTR.cpid("LM358", "onsemi"), value("CPON000LM358")],
    [
      "manufacturer, case-insensitive",
      () => COFACTR.description("LM358", "TEXAS INSTRUMENTS"),
      value("Dual op amp (TI)"),
    ],
    ["not found", () => COFACTR.cpid("NO-SUCH-PART"), na(/No part matches NO-SUCH-PART/)],
    ["wrong maker", () => COFACTR.cpid(MURATA, "Vishay"), na(/No part matches/)],
    [
      "no description",
      () => COFACTR.description("BARE-1"),
      na("Cofactr has no description for BARE-1"),
    ],
    ["no lifecycle", () => COFACTR.lifecycle("BARE-1"), na("no lifecycle status for BARE-1")],
    ["no package", () => COFACTR.packageCase("BARE-1"), na("no package for BARE-1")],
    ["no datasheet", () => COFACTR.datasheet("BARE-1"), na("no datasheet for BARE-1")],
    ["empty MPN", () => COFACTR.cpid(""), bad("MPN is empty")],
    ["blank MPN", () => COFACTR.description("   "), bad("MPN is empty")],
    ["MPN too long", () => COFACTR.cpid("X".repeat(256)), bad(/longer than 255/)],
  ];
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });

  it("a bad argument makes no request", async () => {
    await settle(COFACTR.cpid(""));
    await settle(COFACTR.price(MURATA, undefined, -1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.requests).toHaveLength(0);
  });
});

describe("PRICE", () => {
  const cases: [string, () => Promise<unknown>, unknown][] = [
    [
      "qty 1: Mouser's single unit beats Digi-Key's 3,000 MOQ",
      () => COFACTR.price(MURATA),
      value(0.21),
    ],
    [
      "qty 3,000: Farnell's converted USD break",
      () => COFACTR.price(MURATA, "", 3000),
      value(0.033),
    ],
    [
      "qty 50,000: only Digi-Key has the stock",
      () => COFACTR.price(MURATA, "Murata", 50_000),
      value(0.03395),
    ],
    [
      "Digi-Key example: 1 asked buys 3,000 at 0.03828",
      () => COFACTR.price(MURATA, undefined, 1, "USD", "digikey"),
      value(0.03828),
    ],
    [
      "seller alias",
      () => COFACTR.price(MURATA, undefined, 6000, "usd", "Digi-Key Electronics"),
      value(0.0354),
    ],
    [
      "EUR: the seller's own currency",
      () => COFACTR.price(MURATA, undefined, 10, "EUR"),
      value(0.1),
    ],
    [
      "EUR from a USD-only seller",
      () => COFACTR.price(MURATA, undefined, 10, "EUR", "Mouser"),
      na(`no price in EUR for ${MURATA} from Mouser`),
    ],
    [
      "GBP from nobody",
      () => COFACTR.price(MURATA, undefined, 1, "GBP"),
      na(`no price in GBP for ${MURATA}`),
    ],
    [
      "unknown seller",
      () => COFACTR.price(MURATA, undefined, 1, "USD", "Arrow"),
      na(`no offer from seller Arrow for ${MURATA}`),
    ],
    ["no offers", () => COFACTR.price("BARE-1"), na("no offers for BARE-1")],
    ["not found", () => COFACTR.price("NOPE"), na("No part matches NOPE")],
    ["qty 0", () => COFACTR.price(MURATA, undefined, 0), bad(/whole number of at least 1, got 0/)],
    ["qty negative", () => COFACTR.price(MURATA, undefined, -5), bad(/got -5/)],
    ["qty fractional", () => COFACTR.price(MURATA, undefined, 2.5), bad(/got 2.5/)],
    [
      "unknown currency",
      () => COFACTR.price(MURATA, undefined, 1, "XYZ"),
      bad(/unknown currency "XYZ"/),
    ],
    [
      "null optionals mean defaults",
      () => COFACTR.price(MURATA, null as never, null as never, null as never, null as never),
      value(0.21),
    ],
  ];
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });
});

describe("STOCK and LEADTIME", () => {
  const cases: [string, () => Promise<unknown>, unknown][] = [
    ["total stock", () => COFACTR.stock(MURATA), value(704_178)],
    ["one seller's stock", () => COFACTR.stock(MURATA, undefined, "DIGI-KEY"), value(652_178)],
    ["unknown seller", () => COFACTR.stock(MURATA, "", "Arrow"), na(`no offer from seller Arrow`)],
    ["stock of a part without offers", () => COFACTR.stock("BARE-1"), value(0)],
    ["shortest lead", () => COFACTR.leadTime(MURATA), value(84)],
    ["one seller's lead", () => COFACTR.leadTime(MURATA, undefined, "digikey"), value(147)],
    ["lead from offers only", () => COFACTR.leadTime("LM358", "Texas Instruments"), value(42)],
    [
      "seller without a lead time",
      () => COFACTR.leadTime(MURATA, undefined, "Farnell"),
      na(`no lead time known for ${MURATA} from Farnell`),
    ],
    ["no lead time at all", () => COFACTR.leadTime("BARE-1"), na("no lead time known for BARE-1")],
  ];
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });
});

describe("authorized, AVAILABILITY and PRICEBREAKS", () => {
  // MURATA_CAP: Digi-Key (authorized, 652,178, MOQ 3,000), Mouser (authorized, 12,000),
  // Farnell (not authorized, 40,000 in tens, priced in EUR converted to USD).
  const cases: [string, () => Promise<unknown>, unknown][] = [
    [
      "authorized stock leaves Farnell out",
      () => COFACTR.stock(MURATA, "", "", true),
      value(664_178),
    ],
    ["authorized as text", () => COFACTR.stock(MURATA, "", "", "yes" as never), value(664_178)],
    ["authorized FALSE is all sellers", () => COFACTR.stock(MURATA, "", "", false), value(704_178)],
    [
      "an unauthorized seller with authorized only",
      () => COFACTR.stock(MURATA, "", "Farnell", true),
      na("no offer from seller Farnell"),
    ],
    [
      "authorized is TRUE or FALSE",
      () => COFACTR.stock(MURATA, "", "", "maybe" as never),
      bad("authorized must be TRUE or FALSE"),
    ],
    // 1,000 units: Farnell's converted break 0.033 beats Mouser's 0.061 unless authorized only.
    ["price from any seller", () => COFACTR.price(MURATA, "", 1000), value(0.033)],
    [
      "price from authorized sellers",
      () => COFACTR.price(MURATA, "", 1000, "", "", true),
      value(0.061),
    ],
    ["availability within stock", () => COFACTR.availability(MURATA, "", 500_000), value(500_000)],
    // Authorized: Digi-Key 652,178 (any amount ≥ 3,000) + Mouser 12,000.
    [
      "availability beyond stock, authorized",
      () => COFACTR.availability(MURATA, "", 1_000_000),
      value(664_178),
    ],
    [
      "availability beyond stock, any seller",
      () => COFACTR.availability(MURATA, "", 1_000_000, false),
      value(704_178),
    ],
    [
      "availability of a part without stock",
      () => COFACTR.availability("BARE-1", "", 10),
      value(0),
    ],
    [
      "availability needs a quantity",
      () => COFACTR.availability(MURATA, "", null as never),
      bad("quantity is empty"),
    ],
  ];
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });

  it("OFFERS with authorized lists authorized offers only", async () => {
    const all = (await COFACTR.offers(MURATA)) as unknown[][];
    const authorized = (await COFACTR.offers(MURATA, "", 1, true)) as unknown[][];
    expect(all).toHaveLength(4);
    expect(authorized.slice(1).map((row) => row[0])).toEqual(["Mouser", "Digi-Key"]);
  });

  it("PRICEBREAKS spills every break in the seller's currency, sellers by name", async () => {
    expect(await COFACTR.priceBreaks(MURATA, "", "digikey")).toEqual([
      ["quantity", "unit price", "seller", "currency"],
      [3000, 0.03828, "Digi-Key", "USD"],
      [6000, 0.0354, "Digi-Key", "USD"],
      [9000, 0.03395, "Digi-Key", "USD"],
    ]);
    const all = (await COFACTR.priceBreaks(MURATA)) as unknown[][];
    expect(all.slice(1).map((row) => row[2])).toEqual([
      "Digi-Key",
      "Digi-Key",
      "Digi-Key",
      "Farnell",
      "Farnell",
      "Mouser",
      "Mouser",
      "Mouser",
    ]);
    expect(all[4]).toEqual([10, 0.1, "Farnell", "EUR"]);
    expect(await settle(COFACTR.priceBreaks("BARE-1"))).toEqual(na("no price breaks for BARE-1"));
  });
});

describe("SPEC", () => {
  const cases: [string, () => Promise<unknown>, unknown][] = [
    ["by id", () => COFACTR.spec(MURATA, "", "capacitance"), value("100 nF")],
    ["by label, any case", () => COFACTR.spec(MURATA, "", "voltage rating"), value("100 V")],
    [
      "by id with punctuation",
      () => COFACTR.spec(MURATA, "Murata", "Voltage_Rating"),
      value("100 V"),
    ],
    [
      "omitted manufacturer",
      () => COFACTR.spec(MURATA, null as never, "Capacitance"),
      value("100 nF"),
    ],
    [
      "unknown spec lists the known ones",
      () => COFACTR.spec(MURATA, "", "weight"),
      na(/no spec "weight" for GCM21BR72A104KA37L: it has Capacitance, Voltage Rating, Package/),
    ],
    ["part without specs", () => COFACTR.spec("BARE-1", "", "tolerance"), na(/it has none/)],
    ["empty name", () => COFACTR.spec(MURATA, "", ""), bad("spec name is empty")],
  ];
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });
});

describe("OFFERS", () => {
  it("spills a header row and one row per offer, cheapest at the quantity first", async () => {
    const table = (await COFACTR.offers(MURATA)) as unknown[][];
    expect(table).toHaveLength(1 + MURATA_CAP.offers.length);
    expect(table.every((row) => row.length === OFFERS_HEADER.length)).toBe(true);
    expect(table).toEqual([
      [
        "seller",
        "sku",
        "authorized",
        "stock",
        "moq",
        "multiple",
        "unit price",
        "currency",
        "lead days",
      ],
      ["Mouser", "81-GCM21BR72A104KA7L", true, 12_000, 1, 1, 0.21, "USD", 84],
      ["Farnell", "2809563", false, 40_000, 10, 10, 0.11, "USD", ""],
      ["Digi-Key", "490-4780-2-ND", true, 652_178, 3000, 1, 0.03828, "USD", 147],
    ]);
  });

  it("prices at the quantity asked", async () => {
    const table = (await COFACTR.offers(MURATA, undefined, 9000)) as unknown[][];
    expect(table.slice(1).map((row) => [row[0], row[6]])).toEqual([
      ["Farnell", 0.033],
      ["Digi-Key", 0.03395],
      ["Mouser", 0.061],
    ]);
  });

  it("quotes an offer without USD in its own currency, after the USD ones", async () => {
    const gbpOnly: Part = {
      ...BARE_PART,
      mpn: "GBP-1",
      offers: [
        {
          ...MURATA_CAP.offers[1]!,
          seller: "UK Parts",
          sku: null,
          lead_days: null,
          prices: [
            {
              quantity: 1,
              price: 2,
              currency: "GBP",
              converted_price: 2,
              converted_currency: "GBP",
            },
          ],
        },
        { ...MURATA_CAP.offers[1]!, seller: "NoPrice", prices: [] },
        { ...MURATA_CAP.offers[1]! },
      ],
    };
    useCatalogue([gbpOnly]);
    const table = (await COFACTR.offers("GBP-1")) as unknown[][];
    expect(table.slice(1)).toEqual([
      ["Mouser", "81-GCM21BR72A104KA7L", true, 12_000, 1, 1, 0.21, "USD", 84],
      ["UK Parts", "", true, 12_000, 1, 1, 2, "GBP", ""],
      ["NoPrice", "81-GCM21BR72A104KA7L", true, 12_000, 1, 1, "", "", 84],
    ]);
  });

  it.each<[string, () => Promise<unknown>, unknown]>([
    ["no offers", () => COFACTR.offers("BARE-1"), na("no offers for BARE-1")],
    ["not found", () => COFACTR.offers("NOPE"), na("No part matches NOPE")],
    ["bad quantity", () => COFACTR.offers(MURATA, undefined, -1), bad(/got -1/)],
  ])("%s", async (_name, call, expected) => {
    expect(await settle(call())).toEqual(expected);
  });
});

describe("UPDATED and the card's fetch time", () => {
  it("say when the server fetched the part's offers, as an Excel date and in UTC text", async () => {
    const fetchedAt = now - 3 * MINUTE;
    api.always((queries) =>
      jsonResponse({
        results: resultsFor(CATALOGUE, queries).map((result) => ({
          ...result,
          fetched_at: new Date(fetchedAt).toISOString(),
        })),
      }),
    );
    const serial = (await COFACTR.updated(MURATA)) as number;
    // Excel's day 0 is 1899-12-30.
    expect(Date.UTC(1899, 11, 30) + serial * 86_400_000).toBeCloseTo(fetchedAt, 0);
    const card = await partCard(MURATA);
    expect(card.properties?.["Prices fetched"]).toEqual({
      type: "String",
      basicValue: `${new Date(fetchedAt).toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
  });

  it("fall back to when the answer arrived from a server that does not say", async () => {
    const serial = (await COFACTR.updated(MURATA)) as number;
    expect(Date.UTC(1899, 11, 30) + serial * 86_400_000).toBeCloseTo(now, 0);
    expect(await settle(COFACTR.updated("NOPE"))).toEqual(na("No part matches NOPE"));
  });
});

describe("PART", () => {
  it("returns an entity whose text is the CPID, with a card", async () => {
    const card = await partCard(MURATA);
    expect(card.type).toBe("Entity");
    expect(card.text).toBe("CC2DKKO1LUCF");
    expect(card.properties).toMatchObject({
      CPID: { type: "String", basicValue: "CC2DKKO1LUCF" },
      MPN: { type: "String", basicValue: MURATA },
      Manufacturer: { type: "String", basicValue: "Murata" },
      Description: { type: "String", basicValue: MURATA_CAP.description },
      Lifecycle: { type: "String", basicValue: "Production" },
      Package: { type: "String", basicValue: "0805" },
      Stock: { type: "FormattedNumber", basicValue: 704_178, numberFormat: "#,##0" },
      "Lead time (days)": { type: "Double", basicValue: 84 },
      Sellers: { type: "Double", basicValue: 3 },
      Datasheet: { type: "String", basicValue: MURATA_CAP.datasheet },
      Image: { type: "WebImage", address: MURATA_CAP.image },
      Capacitance: { type: "String", basicValue: "100 nF" },
      "Voltage Rating": { type: "String", basicValue: "100 V" },
    });
    const layout = card.layouts?.card;
    expect(layout?.title).toEqual({ property: "MPN" });
    expect(layout?.mainImage).toEqual({ property: "Image" });
    const referenced = (layout?.sections ?? []).flatMap((section) => section.properties);
    for (const name of referenced) expect(card.properties).toHaveProperty([name]);
    expect(referenced).toEqual(expect.arrayContaining(["Stock", "Capacitance", "Datasheet"]));
  });

  it("leaves missing facts out of the card", async () => {
    const card = await partCard("BARE-1");
    expect(Object.keys(card.properties ?? {}).sort()).toEqual(
      ["CPID", "MPN", "Manufacturer", "Prices fetched", "Sellers", "Stock"].sort(),
    );
    expect(card.layouts?.card?.mainImage).toBeUndefined();
    for (const section of card.layouts?.card?.sections ?? []) {
      expect(section.properties.length).toBeGreaterThan(0);
      for (const name of section.properties) expect(card.properties).toHaveProperty([name]);
    }
  });

  it("shows the CPID as text where Excel has no entity values (below ExcelApi 1.16)", async () => {
    const restore = installExcelApiSupport("1.15");
    try {
      await expect(COFACTR.partEntity(MURATA)).resolves.toBe("CC2DKKO1LUCF");
    } finally {
      restore();
    }
    await expect(partCard(MURATA)).resolves.toMatchObject({ type: "Entity" });
  });

  it("errors like the other functions", async () => {
    expect(await settle(COFACTR.partEntity("NOPE"))).toEqual(na("No part matches NOPE"));
    expect(await settle(COFACTR.partEntity(""))).toEqual(bad("MPN is empty"));
  });
});

describe("one batch, one cache", () => {
  it("a row of six functions on one part makes one request with one query", async () => {
    const results = await Promise.all([
      settle(COFACTR.cpid(MURATA)),
      settle(COFACTR.description(MURATA)),
      settle(COFACTR.price(MURATA, undefined, 100)),
      settle(COFACTR.stock(MURATA)),
      settle(COFACTR.leadTime(MURATA)),
      settle(COFACTR.offers(MURATA)),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.queries).toEqual([{ mpn: MURATA }]);
  });

  it("a recalculation minutes later fetches market data again, not part facts", async () => {
    await COFACTR.description(MURATA);
    await COFACTR.price(MURATA);
    expect(api.requests).toHaveLength(1);
    now += 11 * MINUTE;
    await COFACTR.description(MURATA);
    expect(api.requests).toHaveLength(1);
    await COFACTR.price(MURATA);
    expect(api.requests).toHaveLength(2);
  });

  it("a service failure is #N/A with the reason in every function", async () => {
    api.always(() =>
      jsonResponse({ error: { code: "upstream", message: "Cofactr is down" } }, 500),
    );
    const calls = [
      COFACTR.partEntity(MURATA),
      COFACTR.cpid(MURATA),
      COFACTR.description(MURATA),
      COFACTR.manufacturerName(MURATA),
      COFACTR.lifecycle(MURATA),
      COFACTR.packageCase(MURATA),
      COFACTR.datasheet(MURATA),
      COFACTR.price(MURATA),
      COFACTR.stock(MURATA),
      COFACTR.leadTime(MURATA),
      COFACTR.spec(MURATA, "", "capacitance"),
      COFACTR.offers(MURATA),
    ];
    for (const result of await Promise.all(calls.map((call) => settle(call)))) {
      expect(result).toEqual(na(/HTTP 500.*Cofactr is down/));
    }
    // Errors are not cached: once the service is back, the same cells recover.
    api.always(() => jsonResponse({ results: [{ status: "found", part: MURATA_CAP }] }));
    expect(await settle(COFACTR.cpid(MURATA))).toEqual(value("CC2DKKO1LUCF"));
  });
});

describe("VERSION", () => {
  it("returns the add-in version", () => {
    expect(COFACTR.version()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
