import fc from "fast-check";
import {
  isKnownManufacturer,
  MANUFACTURER_COUNT,
  MANUFACTURERS,
  matchManufacturer,
} from "../../../../src/core/bom/lexicon/manufacturers";

describe("manufacturer lexicon", () => {
  it("lists at least 600 companies, each once", () => {
    expect(MANUFACTURER_COUNT).toBeGreaterThanOrEqual(600);
    expect(MANUFACTURER_COUNT).toBe(MANUFACTURERS.length);
    const canonicals = MANUFACTURERS.map((entry) => entry.canonical);
    expect(new Set(canonicals).size).toBe(canonicals.length);
    expect(canonicals.filter((name) => name.trim() === "" || name !== name.trim())).toEqual([]);
  });

  // A spelling claimed by two companies would resolve to the first: every spelling must lead
  // back to its own company. Word-like names count in capitals ("DIODES", "ON") or with a
  // company suffix ("Central Inc.").
  it("resolves every name and alias to its own company", () => {
    const wrong: string[] = [];
    for (const entry of MANUFACTURERS) {
      for (const name of [entry.canonical, ...entry.aliases]) {
        const match =
          matchManufacturer(name) ??
          matchManufacturer(name.toUpperCase()) ??
          matchManufacturer(`${name} Inc.`);
        if (match?.canonical !== entry.canonical) {
          wrong.push(`${name} → ${match?.canonical ?? "nothing"} (want ${entry.canonical})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("matchManufacturer", () => {
  it.each([
    ["Texas Instruments", "Texas Instruments", "exact"],
    ["TEXAS INSTRUMENTS INC.", "Texas Instruments", "exact"],
    ["Texas Instruments Incorporated", "Texas Instruments", "exact"],
    ["TI", "Texas Instruments", "alias"],
    ["Texas Instrument", "Texas Instruments", "alias"],
    ["Burr-Brown", "Texas Instruments", "alias"],
    ["ADI", "Analog Devices", "alias"],
    ["Linear Technology Corp.", "Analog Devices", "alias"],
    ["Maxim Integrated", "Analog Devices", "alias"],
    ["ST", "STMicroelectronics", "alias"],
    ["ST Microelectronics", "STMicroelectronics", "alias"],
    ["NXP", "NXP Semiconductors", "exact"],
    ["Freescale Semiconductor", "NXP Semiconductors", "alias"],
    ["ON", "onsemi", "alias"],
    ["ON Semiconductor", "onsemi", "alias"],
    ["Fairchild", "onsemi", "alias"],
    ["International Rectifier", "Infineon Technologies", "alias"],
    ["Cypress Semiconductor Corp", "Infineon Technologies", "alias"],
    ["Atmel", "Microchip Technology", "alias"],
    ["Microchip Technology Inc.", "Microchip Technology", "exact"],
    ["Vishay Dale", "Vishay", "alias"],
    ["VISHAY-DALE", "Vishay", "alias"],
    ["Würth Elektronik", "Würth Elektronik", "exact"],
    ["Wurth Electronics Inc", "Würth Elektronik", "exact"],
    ["Wuerth", "Würth Elektronik", "alias"],
    ["WE", "Würth Elektronik", "alias"],
    ["Würth Elektronik eiSos GmbH & Co. KG", "Würth Elektronik", "alias"],
    ["TE", "TE Connectivity", "alias"],
    ["Tyco Electronics", "TE Connectivity", "alias"],
    ["Littlefuse", "Littelfuse", "alias"],
    ["Murrata", "Murata", "alias"],
    ["muRata", "Murata", "exact"],
    ["Murata Manufacturing Co., Ltd.", "Murata", "alias"],
    ["Samsung Electro Mechanics", "Samsung Electro-Mechanics", "exact"],
    ["Kemet", "KEMET", "exact"],
    ["KEMET", "KEMET", "exact"],
    ["Diodes Inc.", "Diodes Incorporated", "exact"],
    ["DIODES", "Diodes Incorporated", "exact"],
    ["Alpha&Omega", "Alpha and Omega Semiconductor", "exact"],
    ["C & K COMPONENTS", "C&K", "exact"],
    ["UNI-ROYAL(厚声)", "UNI-ROYAL", "exact"],
    ["厚声", "UNI-ROYAL", "alias"],
    ["Sunlord(顺络）", "Sunlord", "exact"],
    ["顺络电子", "Sunlord", "alias"],
    ["风华高科", "FH (Fenghua)", "alias"],
    ["FH", "FH (Fenghua)", "alias"],
    ["CJ(江苏长电/长晶)", "CJ (Jiangsu Changjiang)", "alias"],
    ["Yangjie", "Yangjie", "exact"],
    ["HONGFA", "Hongfa", "exact"],
    ["XKB", "XKB Connection", "alias"],
    ["Korean Hroparts Elec", "Korean Hroparts", "alias"],
    ["SHOU HAN", "SHOU HAN", "exact"],
    ["RS Pro", "RS Pro", "exact"],
    ["Multicomp Pro", "Multicomp", "alias"],
    ["Murata Electronics North America", "Murata", "prefix"],
    ["Nexperia USA Inc.", "Nexperia", "exact"],
    ["Vishay Beyschlag/Draloric/BC Components", "Vishay", "prefix"],
    ["MOLEX THD", "Molex", "prefix"],
    ["TAIDO YUDEN", "Taiyo Yuden", "fuzzy"],
    ["BELFUSE", "Bel Fuse", "fuzzy"],
    ["Texas Instrumnets", "Texas Instruments", "fuzzy"],
    ["Vishey", "Vishay", "fuzzy"],
    ["Nichicom", "Nichicon", "fuzzy"],
    ["Murrata Electronics North America", "Murata", "prefix"],
    ["Coilcarft Inc.", "Coilcraft", "fuzzy"],
    ["Micron", "Micron Technology", "exact"],
    ["TAIWAN SEMICONDUCTOR", "Taiwan Semiconductor", "exact"],
    ["Linear Integrated Systems, Inc.", "Linear Integrated Systems", "exact"],
  ])("%j → %s (%s)", (text, canonical, how) => {
    expect(matchManufacturer(text)).toEqual({ canonical, how });
  });

  it.each([
    // Values, designators, packages and part numbers.
    "10k",
    "4k7",
    "100nF",
    "0.1uF",
    "10uH",
    "R1",
    "C12",
    "R1, R2, R3",
    "0402",
    "SOT-23-5",
    "QFN-32",
    "LM358DR",
    "GRM155R71C104KA88D",
    "STM32F103C8T6",
    "1N4148W-7-F",
    "ECS-2520MV-250-BN-TR",
    "JST_XH_B2B-XH-A_1x02_P2.50mm_Vertical",
    "CUI_SJ-43516-SMT",
    // Common words, including ones a letter away from a name.
    "resistor",
    "capacitor",
    "switch",
    "single",
    "radial",
    "states",
    "microns",
    "surplus",
    "crystal",
    "ceramic",
    "module",
    "header",
    "generic",
    "diode",
    "Single cell battery",
    "Bright LED white 0603",
    // Word-like names in lower or mixed case.
    "on",
    "st",
    "we",
    "te",
    "On",
    "Diodes",
    "Central",
    "Pulse",
    "Delta",
    "3m",
    "Dale",
    // Countries of origin and lifecycle states, even in capitals.
    "TAIWAN",
    "Taiwan",
    "Korea",
    "Japan",
    "China",
    "Germany",
    "Malaysia",
    "Philippines",
    "Thailand",
    "United States",
    "Mexico",
    "ACTIVE",
    "Active",
    "Obsolete",
    "GENERAL",
    "CENTRAL",
    // Nothing, or too long to be a name.
    "",
    "   ",
    `Murata ${"x ".repeat(60)}`,
  ])("%j is not a manufacturer", (text) => {
    expect(matchManufacturer(text)).toBeNull();
  });

  it("word-like names count with a company suffix", () => {
    expect(matchManufacturer("Central Semiconductor Corp")?.canonical).toBe(
      "Central Semiconductor",
    );
    expect(matchManufacturer("Pulse Electronics")?.canonical).toBe("Pulse Electronics");
    expect(matchManufacturer("3M")?.canonical).toBe("3M");
  });

  it("ignores input that is not a string", () => {
    expect(matchManufacturer(42 as unknown as string)).toBeNull();
    expect(isKnownManufacturer(null as unknown as string)).toBe(false);
  });

  it("returns quickly and never throws on hostile text", () => {
    const names = MANUFACTURERS.slice(0, 50).map((entry) => entry.canonical);
    const text = fc.oneof(
      fc.string({ maxLength: 10_000 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc
        .array(fc.constantFrom(...names, " ", "(", ")", "（", "-", "Inc", "GmbH", "电子"), {
          maxLength: 400,
        })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        const match = matchManufacturer(value);
        expect(match === null || typeof match.canonical === "string").toBe(true);
        expect(isKnownManufacturer(value)).toBe(
          match !== null || /^\s*(?:generic|any)\s*$/i.test(value),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("isKnownManufacturer", () => {
  it.each(["Texas Instruments Inc.", "MURATA", "Yageo", "Generic", "TI", "Littlefuse"])(
    "%j is known",
    (text) => expect(isKnownManufacturer(text)).toBe(true),
  );
  it.each(["10k", "R1", "LM358DR", "on", "Resistor"])("%j is not", (text) =>
    expect(isKnownManufacturer(text)).toBe(false),
  );
});
