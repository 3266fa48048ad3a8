import fc from "fast-check";
import {
  editDistanceAtMost,
  HEADER_WORD_INDEX,
  HEADER_WORDS,
} from "../../../../src/core/bom/lexicon/header-words";
import { normalizeHeader } from "../../../../src/core/bom/normalize";
import { BOM_FIELDS, type BomField } from "../../../../src/core/bom/types";

/** The fields a raw header names in the lexicon, after the engine's normalization. */
function fieldsOf(header: string): BomField[] {
  const phrase = normalizeHeader(header);
  return HEADER_WORDS.filter((word) => word.phrase === phrase).map((word) => word.field);
}

function bestOf(header: string): BomField | undefined {
  return HEADER_WORD_INDEX.get(normalizeHeader(header))?.[0]?.field;
}

describe("HEADER_WORDS", () => {
  it("holds several hundred phrases", () => {
    expect(HEADER_WORDS.length).toBeGreaterThanOrEqual(500);
  });

  it("writes every phrase in normalizeHeader() form", () => {
    const unnormalized = HEADER_WORDS.filter(
      (word) => normalizeHeader(word.phrase) !== word.phrase,
    );
    expect(unnormalized.map((word) => word.phrase)).toEqual([]);
  });

  it("indexes every word by phrase, strongest first", () => {
    let indexed = 0;
    for (const [phrase, list] of HEADER_WORD_INDEX) {
      indexed += list.length;
      expect(list.every((word) => word.phrase === phrase)).toBe(true);
      expect(list.map((word) => word.score)).toEqual(
        [...list.map((word) => word.score)].sort((a, b) => b - a),
      );
    }
    expect(indexed).toBe(HEADER_WORDS.length);
  });

  it.each([
    [
      ["Bezeichner", "Kommentar", "Beschreibung", "Menge", "Hersteller", "Herstellernummer"],
      ["reference_designators", "comments", "description", "quantity", "manufacturer_name", "mpn"],
    ],
    [
      ["Référence", "Valeur", "Empreinte", "Fiche technique", "Quantité"],
      ["reference_designators", "value", "package", "link", "quantity"],
    ],
    [
      ["位号", "值", "封装", "数量", "厂家型号", "商品编号"],
      ["reference_designators", "value", "package", "quantity", "mpn", "distributor_sku"],
    ],
    [
      ["リファレンス", "定数", "フットプリント", "データシート", "数量"],
      ["reference_designators", "value", "package", "link", "quantity"],
    ],
  ])("reads a sheet headed %j", (headers, expected) => {
    const found = headers.flatMap(fieldsOf);
    for (const field of expected) expect(found).toContain(field);
  });

  it("lists each phrase once per field", () => {
    const keys = HEADER_WORDS.map((word) => `${word.phrase} → ${word.field}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it("uses real fields, scores in 0.3..1, and a polarity exactly on do-not-place words", () => {
    for (const word of HEADER_WORDS) {
      expect(BOM_FIELDS).toContain(word.field);
      expect(word.score).toBeGreaterThanOrEqual(0.3);
      expect(word.score).toBeLessThanOrEqual(1);
      expect(word.polarity !== undefined).toBe(word.field === "do_not_place");
      expect(word.lang).toMatch(/^[a-z]{2}(?:,[a-z]{2})*$/);
    }
  });

  it.each(["de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "ru", "zh", "ja", "ko", "en"])(
    "covers %s for quantity, designators, manufacturer and part number",
    (lang) => {
      const fields = new Set(
        HEADER_WORDS.filter((word) => word.lang.split(",").includes(lang)).map(
          (word) => word.field,
        ),
      );
      for (const field of ["quantity", "manufacturer_name", "mpn"] as const) {
        expect(fields).toContain(field);
      }
      if (lang !== "en") expect(fields).toContain("description");
    },
  );

  it.each([
    ["Anzahl", "quantity"],
    ["Menge", "quantity"],
    ["Stückzahl", "quantity"],
    ["Stk.", "quantity"],
    ["Wert", "value"],
    ["Gehäuse", "package"],
    ["Bauform", "package"],
    ["Hersteller-Teilenummer", "mpn"],
    ["Herstellernummer", "mpn"],
    ["Artikelnummer des Herstellers", "mpn"],
    ["Bestellnummer", "distributor_sku"],
    ["Best.-Nr.", "distributor_sku"],
    ["Datenblatt", "link"],
    ["Quantité", "quantity"],
    ["Qté", "quantity"],
    ["Fabricant", "manufacturer_name"],
    ["Désignation", "description"],
    ["Référence fabricant", "mpn"],
    ["Repère", "reference_designators"],
    ["Cantidad", "quantity"],
    ["Fabricante", "manufacturer_name"],
    ["Descripción", "description"],
    ["Designadores", "reference_designators"],
    ["Quantità", "quantity"],
    ["Codice produttore", "mpn"],
    ["Quantidade", "quantity"],
    ["Aantal", "quantity"],
    ["Omschrijving", "description"],
    ["Lp.", "line_number"],
    ["Ilość", "quantity"],
    ["Obudowa", "package"],
    ["Počet", "quantity"],
    ["Výrobce", "manufacturer_name"],
    ["Antal", "quantity"],
    ["Tillverkare", "manufacturer_name"],
    ["Поз. обозначение", "reference_designators"],
    ["Кол-во", "quantity"],
    ["Наименование", "description"],
    ["Примечание", "comments"],
    ["№ п/п", "line_number"],
    ["型号", "mpn"],
    ["位号", "reference_designators"],
    ["位號", "reference_designators"],
    ["数量", "quantity"],
    ["用量", "quantity"],
    ["备注", "comments"],
    ["備註", "comments"],
    ["封装", "package"],
    ["值", "value"],
    ["厂家", "manufacturer_name"],
    ["制造商", "manufacturer_name"],
    ["品牌", "manufacturer_name"],
    ["描述", "description"],
    ["型番", "mpn"],
    ["メーカー", "manufacturer_name"],
    ["備考", "comments"],
    ["部品名", "description"],
    ["部品番号", "mpn"],
    ["수량", "quantity"],
    ["제조사", "manufacturer_name"],
    ["Manu", "manufacturer_name"],
    ["Manufacter", "manufacturer_name"],
    ["Menufacturer", "manufacturer_name"],
    ["Manufacter Part#", "mpn"],
    ["Dist. Part #", "distributor_sku"],
    ["Qunatity", "quantity"],
    ["Desig", "reference_designators"],
  ])("%j → %s", (header, field) => {
    expect(bestOf(header)).toBe(field);
  });

  it("flags words whose meaning varies as ambiguous", () => {
    for (const header of [
      "Bezeichnung",
      "Bauteil",
      "Référence",
      "Name",
      "Part",
      "Comment",
      "Notes",
    ]) {
      const entries = HEADER_WORDS.filter((word) => word.phrase === normalizeHeader(header));
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((word) => word.ambiguous)).toBe(true);
    }
    expect(fieldsOf("Référence")).toEqual(expect.arrayContaining(["reference_designators", "mpn"]));
  });

  it.each([
    ["nicht bestücken", "dnp"],
    ["Nicht bestückt", "dnp"],
    ["bestücken", "fitted"],
    ["Bestückt", "fitted"],
    ["NB", "dnp"],
    ["不贴", "dnp"],
    ["不焊", "dnp"],
    ["非実装", "dnp"],
    ["Non monté", "dnp"],
    ["No montar", "dnp"],
    ["NC", "dnp"],
    ["No Stuff", "dnp"],
    ["Bestückung", "fitted"],
  ])("%j reads as %s", (header, polarity) => {
    const word = HEADER_WORDS.find(
      (entry) => entry.phrase === normalizeHeader(header) && entry.field === "do_not_place",
    );
    expect(word?.polarity).toBe(polarity);
  });
});

/** Reference: full optimal-string-alignment distance table. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

describe("editDistanceAtMost", () => {
  it.each([
    ["manufacturer", "manufacter", 2, true],
    ["manufacturer", "manufacter", 1, false],
    ["quantity", "qunatity", 1, true],
    ["littelfuse", "littlefuse", 1, true],
    ["designator", "desig", 3, false],
    ["", "", 0, true],
    ["abc", "", 3, true],
    ["abc", "", 2, false],
    ["same", "same", 0, true],
    ["same", "sane", 0, false],
  ] as const)("%j vs %j within %d: %s", (a, b, k, expected) => {
    expect(editDistanceAtMost(a, b, k)).toBe(expected);
  });

  it("rejects a negative or fractional bound", () => {
    expect(editDistanceAtMost("a", "a", -1)).toBe(false);
    expect(editDistanceAtMost("a", "b", 1.5)).toBe(false);
  });

  it("agrees with the full distance table", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        expect(editDistanceAtMost(a, b, k)).toBe(fullDistance(a, b) <= k);
      }),
      { numRuns: 2000 },
    );
  });

  it("handles 10,000-character strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10_000 }), fc.string({ maxLength: 10_000 }), (a, b) => {
        expect(typeof editDistanceAtMost(a, b, 2)).toBe("boolean");
        expect(editDistanceAtMost(a, a, 1)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
