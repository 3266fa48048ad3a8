/** The generated catalogue: size, determinism, realistic content, and the real BOM's parts. */
import Papa from "papaparse";
import { buildCatalogue, type CatalogueProduct } from "../../../src/server/emulator/catalogue";
import { findPart } from "../../../src/server/emulator/platform/matching";
import path from "node:path";
import fs from "node:fs";
import { describeReference, readShared } from "../../support/sharedReference";

const catalogue = buildCatalogue();

/** Everything a product shows, offers included (they are generated on first use). */
function snapshot(product: CatalogueProduct) {
  return {
    id: product.id,
    deprecated: product.deprecated_ids,
    mpn: product.mpn,
    mfr: product.mfr,
    description: product.description,
    lifecycle: product.lifecycle_status,
    updated: product.updated_at,
    image: product.hero_image,
    totals: product.totals,
    offers: product.offers.map((o) => ({ ...o, seller: o.seller.id })),
  };
}

describe("catalogue", () => {
  it("holds at least 5,000 products with unique 12-character CPIDs", () => {
    expect(catalogue.size).toBeGreaterThanOrEqual(5000);
    const ids = catalogue.products.flatMap((p) => [p.id, ...p.deprecated_ids]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]{12}$/);
  });

  it("is the same on every build, offers and prices included", () => {
    const again = buildCatalogue();
    expect(again.size).toBe(catalogue.size);
    for (let i = 0; i < catalogue.size; i += 7) {
      const a = catalogue.products[i] as CatalogueProduct;
      const b = again.products[i] as CatalogueProduct;
      expect(snapshot(b)).toEqual(snapshot(a));
    }
  });

  it("has the makers' real MPN formats", () => {
    for (const mpn of [
      "RC0603FR-0710KL",
      "CRCW060310K0FKEA",
      "ERJ-3EKF1002V",
      "GRM188R71C104KA01D",
      "CL10B104KB8NNNC",
      "C1608X7R1C104K080AA",
      "C0603C104K4RACTU",
      "STM32F103C8T6",
      "ATMEGA328P-AU",
      "74HC595D,653",
      "B4B-PH-K-S(LF)(SN)",
      "22-05-3021",
      "SMBJ5.0A",
      "IRFH5006TRPBF",
    ]) {
      expect(catalogue.byExactMpn(mpn).map((p) => p.mpn)).toEqual([mpn]);
    }
  });

  it("covers the part families, lifecycle states and an obsolete part nobody sells", () => {
    const classes = new Set(catalogue.products.map((p) => p.classification));
    for (const family of [
      "chip resistors",
      "ceramic capacitors",
      "microcontrollers",
      "linear regulators",
      "board to wire connectors",
      "mosfets",
      "leds",
      "tvs diodes",
    ]) {
      expect(classes).toContain(family);
    }
    const states = new Set(catalogue.products.map((p) => p.lifecycle_status));
    expect([...states].sort()).toEqual(["EOL", "NRFND", "New", "Obsolete", "Production"]);
    const obsolete = catalogue.byExactMpn("FT232BM")[0];
    expect(obsolete?.lifecycle_status).toBe("Obsolete");
    expect(obsolete?.offers).toEqual([]);
  });

  it("has offers from several sellers, some priced in other currencies with USD conversions", () => {
    const sample = catalogue.products.slice(0, 600);
    const sellers = new Set(sample.flatMap((p) => p.offers.map((o) => o.seller.label)));
    expect([...sellers].sort()).toEqual([
      "Arrow",
      "Digi-Key",
      "Farnell",
      "LCSC",
      "Mouser",
      "Newark",
      "TME",
    ]);
    const foreign = sample
      .flatMap((p) => p.offers)
      .flatMap((o) => o.prices)
      .filter((pp) => pp.currency !== "USD");
    expect(foreign.length).toBeGreaterThan(50);
    for (const point of foreign) {
      expect(point.converted_currency).toBe("USD");
      expect(point.converted_price).toBeCloseTo(point.price * point.conversion_rate, 4);
      expect(point.conversion_rate).not.toBe(1);
    }
  });

  it("has MOQ and order multiples, reel offers, stock-outs, lead times and datasheets", () => {
    const offers = catalogue.products.slice(0, 800).flatMap((p) => p.offers);
    expect(offers.some((o) => o.moq > 1 && o.order_multiple > 1)).toBe(true);
    expect(offers.some((o) => o.packaging === "Tape & Reel" && o.moq >= 1000)).toBe(true);
    expect(offers.some((o) => o.inventory_level === 0)).toBe(true);
    expect(offers.some((o) => o.factory_lead_days !== null)).toBe(true);
    for (const offer of offers) {
      const quantities = offer.prices.map((p) => p.quantity);
      expect(quantities).toEqual([...quantities].sort((a, b) => a - b));
      expect(quantities[0]).toBe(offer.moq);
      const usd = offer.prices.map((p) => p.converted_price);
      expect(usd).toEqual([...usd].sort((a, b) => b - a));
    }
    const withSheet = catalogue.products.filter((p) =>
      p.documents.some((d) => d.label === "Datasheet"),
    );
    expect(withSheet.length / catalogue.size).toBeGreaterThan(0.95);
  });

  it("resolves deprecated CPIDs", () => {
    const product = catalogue.products.find(
      (p) => p.deprecated_ids.length > 0 && p.id !== "CC2DKKO1LUCF",
    );
    expect(product).toBeDefined();
    for (const old of product?.deprecated_ids ?? []) expect(catalogue.get(old)).toBe(product);
  });

  it("has MPNs shared by two manufacturers", () => {
    for (const mpn of ["1N4148", "BC547B", "2N7002", "LM317T"]) {
      expect(new Set(catalogue.byExactMpn(mpn).map((p) => p.mfr)).size).toBe(2);
    }
  });
});

/** MPN + manufacturer pairs of a BOM file with "MPN" and a manufacturer column. */
function bomPairs(text: string, manufacturerHeader: string): [string, string][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const header = (parsed.data[0] ?? []).map((cell) => cell.trim());
  const mpnColumn = header.indexOf("MPN");
  const mfrColumn = header.indexOf(manufacturerHeader);
  return parsed.data
    .slice(1)
    .map((row): [string, string] => [row[mpnColumn]?.trim() ?? "", row[mfrColumn]?.trim() ?? ""])
    .filter(([mpn]) => mpn !== "");
}

const missingFrom = (pairs: [string, string][]) =>
  pairs.filter(([mpn, mfr]) => findPart(catalogue, mpn, mfr) === null);

describe("catalogue and the project's demo BOM", () => {
  it("contains every part of test/fixtures/bom/demo-board.csv but the one nobody makes", () => {
    const file = path.resolve(__dirname, "..", "..", "fixtures", "bom", "demo-board.csv");
    const pairs = bomPairs(fs.readFileSync(file, "utf8"), "Mfg");
    expect(pairs.length).toBeGreaterThan(15);
    expect(missingFrom(pairs)).toEqual([["NOPE-DOES-NOT-EXIST-42", "Nobody Makes This"]]);
  });
});

const GLASGOW = "bom-corpus/glasgow-revC3-bom.csv";

describeReference("catalogue and the real Glasgow revC3 BOM", [GLASGOW], () => {
  it("contains every MPN + manufacturer pair of the Glasgow revC3 BOM", () => {
    const pairs = bomPairs(readShared(GLASGOW), "Mfg");
    expect(pairs.length).toBeGreaterThan(45);
    expect(missingFrom(pairs)).toEqual([]);
  });
});
