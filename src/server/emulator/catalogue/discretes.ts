/** Diodes, TVS and zener series, transistors, LEDs, ferrite beads and crystals. */
import { clean, spec } from "./specs";
import type { CatalogueSpec, PartDraft, TerminationType } from "./types";

interface DiscreteRow {
  mpn: string;
  mfr: string;
  classification: string;
  description: string;
  pkg: string;
  price: number;
  datasheet: string;
  specs?: CatalogueSpec[];
  termination?: TerminationType;
  pins?: number;
  reel?: number;
}

export function discreteDraft(row: DiscreteRow): PartDraft {
  const termination =
    row.termination ?? (/^(?:TO-92|TO-220|DO-41|DO-35|T-1)/.test(row.pkg) ? "THT" : "SMT");
  return {
    mpn: row.mpn,
    mfr: row.mfr,
    classification: row.classification,
    description: row.description,
    package: row.pkg,
    terminations: row.pins ?? (/SOT-23|SOT-323|SC-70/.test(row.pkg) ? 3 : 2),
    termination_type: termination,
    specs: [
      ...(row.specs ?? []),
      spec("case_package", "Case/Package", row.pkg),
      spec("packaging", "Packaging", termination === "THT" ? "Bulk" : "Tape & Reel"),
    ],
    basePrice: row.price,
    datasheet: row.datasheet,
    msl: termination === "THT" ? null : "1",
    reelSize: row.reel ?? (termination === "THT" ? 1000 : 3000),
  };
}

function volts(value: number, id = "voltage", label = "Voltage"): CatalogueSpec {
  return spec(id, label, `${value} V`, { unit: "V", amount: value });
}

/** SMBJ TVS diodes: one MPN per standoff voltage, unidirectional (A) and bidirectional (CA). */
function* tvsRows(): Generator<DiscreteRow> {
  const standoff = [
    5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30, 33,
    36, 40, 43, 45, 48, 51, 54, 58, 60, 64, 70, 75, 78, 85, 90, 100, 110, 120, 130, 150, 160, 170,
  ];
  for (const v of standoff) {
    const code = Number.isInteger(v) && v < 10 ? `${v}.0` : String(v);
    for (const [suffix, direction] of [
      ["A", "Unidirectional"],
      ["CA", "Bidirectional"],
    ] as const) {
      yield {
        mpn: `SMBJ${code}${suffix}`,
        mfr: "Littelfuse",
        classification: "tvs diodes",
        description: `600W ${direction} TVS Diode, ${v}V Standoff, DO-214AA (SMB)`,
        pkg: "DO-214AA",
        price: 0.28,
        datasheet: "https://www.littelfuse.com/assetdocs/littelfuse-tvs-diode-smbj-datasheet",
        specs: [volts(v, "reversestandoffvoltage", "Reverse standoff voltage")],
      };
    }
  }
}

/** BZT52C voltage code: 3.3 → "3V3", 3 → "3V0", 12 → "12". */
function bztCode(v: number): string {
  if (v >= 10) return String(v);
  return Number.isInteger(v) ? `${v}V0` : String(v).replace(".", "V");
}

/** Zener diodes: BZT52C series (Diodes Inc.) and MMSZ52xxB (onsemi). */
function* zenerRows(): Generator<DiscreteRow> {
  const bzt = [
    2.4, 2.7, 3, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1, 10, 11, 12, 13, 15, 16,
    18, 20, 22, 24, 27, 30, 33, 36, 39,
  ];
  for (const v of bzt) {
    yield {
      mpn: `BZT52C${bztCode(v)}-7-F`,
      mfr: "Diodes Incorporated",
      classification: "zener diodes",
      description: `500mW ${v}V ±5% Zener Diode, SOD-123`,
      pkg: "SOD-123",
      price: 0.11,
      datasheet: "https://www.diodes.com/assets/Datasheets/ds18004.pdf",
      specs: [volts(v, "zenervoltage", "Zener voltage")],
    };
  }
  const mmsz: [number, number][] = [
    [5221, 2.4],
    [5223, 2.7],
    [5225, 3],
    [5226, 3.3],
    [5227, 3.6],
    [5228, 3.9],
    [5229, 4.3],
    [5230, 4.7],
    [5231, 5.1],
    [5232, 5.6],
    [5234, 6.2],
    [5235, 6.8],
    [5236, 7.5],
    [5237, 8.2],
    [5239, 9.1],
    [5240, 10],
    [5241, 11],
    [5242, 12],
    [5244, 14],
    [5245, 15],
    [5246, 16],
    [5248, 18],
    [5250, 20],
    [5251, 22],
    [5252, 24],
    [5254, 27],
    [5256, 30],
    [5257, 33],
  ];
  for (const [code, v] of mmsz) {
    yield {
      mpn: `MMSZ${code}BT1G`,
      mfr: "onsemi",
      classification: "zener diodes",
      description: `500mW ${v}V ±5% Zener Diode, SOD-123`,
      pkg: "SOD-123",
      price: 0.12,
      datasheet: "https://www.onsemi.com/pdf/datasheet/mmsz5221bt1-d.pdf",
      specs: [volts(v, "zenervoltage", "Zener voltage")],
    };
  }
}

const TRANSISTORS: [string, string, string, string, number, string][] = [
  [
    "IRLML6344TRPBF",
    "Infineon",
    "MOSFET N-CH 30V 5A SOT-23",
    "SOT-23",
    0.38,
    "https://www.infineon.com/dgdl/irlml6344pbf.pdf",
  ],
  [
    "IRF540NPBF",
    "Infineon",
    "MOSFET N-CH 100V 33A TO-220AB",
    "TO-220",
    1.3,
    "https://www.infineon.com/dgdl/irf540npbf.pdf",
  ],
  [
    "IRLZ44NPBF",
    "Infineon",
    "MOSFET N-CH 55V 47A Logic Level TO-220AB",
    "TO-220",
    1.45,
    "https://www.infineon.com/dgdl/irlz44npbf.pdf",
  ],
  [
    "IRF7416TRPBF",
    "Infineon",
    "MOSFET P-CH 30V 10A SO-8",
    "SOIC-8",
    0.9,
    "https://www.infineon.com/dgdl/irf7416pbf.pdf",
  ],
  [
    "BSC016N06NSATMA1",
    "Infineon",
    "MOSFET N-CH 60V 100A OptiMOS TDSON-8",
    "TDSON-8",
    2.4,
    "https://www.infineon.com/dgdl/BSC016N06NS.pdf",
  ],
  [
    "BSS138LT1G",
    "onsemi",
    "MOSFET N-CH 50V 200mA SOT-23",
    "SOT-23",
    0.16,
    "https://www.onsemi.com/pdf/datasheet/bss138lt1-d.pdf",
  ],
  [
    "2N7002LT1G",
    "onsemi",
    "MOSFET N-CH 60V 115mA SOT-23",
    "SOT-23",
    0.14,
    "https://www.onsemi.com/pdf/datasheet/2n7002lt1-d.pdf",
  ],
  [
    "MMBT3904LT1G",
    "onsemi",
    "BJT NPN 40V 200mA SOT-23",
    "SOT-23",
    0.1,
    "https://www.onsemi.com/pdf/datasheet/mmbt3904lt1-d.pdf",
  ],
  [
    "MMBT3906LT1G",
    "onsemi",
    "BJT PNP 40V 200mA SOT-23",
    "SOT-23",
    0.1,
    "https://www.onsemi.com/pdf/datasheet/mmbt3906lt1-d.pdf",
  ],
  [
    "FDN340P",
    "onsemi",
    "MOSFET P-CH 20V 2A SSOT-3",
    "SOT-23",
    0.35,
    "https://www.onsemi.com/pdf/datasheet/fdn340p-d.pdf",
  ],
  [
    "NTR4003NT1G",
    "onsemi",
    "MOSFET N-CH 30V 560mA SOT-23",
    "SOT-23",
    0.2,
    "https://www.onsemi.com/pdf/datasheet/ntr4003n-d.pdf",
  ],
  [
    "DMG2305UX-7",
    "Diodes Incorporated",
    "MOSFET P-CH 20V 4.2A SOT-23",
    "SOT-23",
    0.3,
    "https://www.diodes.com/assets/Datasheets/DMG2305UX.pdf",
  ],
  [
    "DMN2041L-7",
    "Diodes Incorporated",
    "MOSFET N-CH 20V 6.4A SOT-23",
    "SOT-23",
    0.33,
    "https://www.diodes.com/assets/Datasheets/DMN2041L.pdf",
  ],
  [
    "SI2302CDS-T1-GE3",
    "Vishay",
    "MOSFET N-CH 20V 2.6A SOT-23",
    "SOT-23",
    0.32,
    "https://www.vishay.com/docs/64462/si2302cds.pdf",
  ],
  [
    "SI2301CDS-T1-GE3",
    "Vishay",
    "MOSFET P-CH 20V 3.1A SOT-23",
    "SOT-23",
    0.33,
    "https://www.vishay.com/docs/68741/si2301cds.pdf",
  ],
  [
    "AO3400A",
    "Alpha & Omega Semiconductor",
    "MOSFET N-CH 30V 5.7A SOT-23",
    "SOT-23",
    0.12,
    "https://www.aosmd.com/res/data_sheets/AO3400A.pdf",
  ],
  [
    "AO3401A",
    "Alpha & Omega Semiconductor",
    "MOSFET P-CH 30V 4A SOT-23",
    "SOT-23",
    0.12,
    "https://www.aosmd.com/res/data_sheets/AO3401A.pdf",
  ],
  [
    "AO4406A",
    "Alpha & Omega Semiconductor",
    "MOSFET N-CH 30V 13A SOIC-8",
    "SOIC-8",
    0.4,
    "https://www.aosmd.com/res/data_sheets/AO4406A.pdf",
  ],
  [
    "BSS138PW,115",
    "Nexperia",
    "MOSFET N-CH 60V 320mA SOT-323",
    "SOT-323",
    0.18,
    "https://assets.nexperia.com/documents/data-sheet/BSS138PW.pdf",
  ],
  [
    "BC847B,215",
    "Nexperia",
    "BJT NPN 45V 100mA SOT-23",
    "SOT-23",
    0.05,
    "https://assets.nexperia.com/documents/data-sheet/BC847_SER.pdf",
  ],
  [
    "BC857B,215",
    "Nexperia",
    "BJT PNP 45V 100mA SOT-23",
    "SOT-23",
    0.05,
    "https://assets.nexperia.com/documents/data-sheet/BC857_SER.pdf",
  ],
  [
    "PMV16XNR",
    "Nexperia",
    "MOSFET N-CH 20V 6.8A SOT-23",
    "SOT-23",
    0.21,
    "https://assets.nexperia.com/documents/data-sheet/PMV16XN.pdf",
  ],
];

const DIODES: [string, string, string, string, number, string][] = [
  [
    "BAT54-7-F",
    "Diodes Incorporated",
    "Schottky Diode 30V 200mA SOT-23",
    "SOT-23",
    0.1,
    "https://www.diodes.com/assets/Datasheets/ds11005.pdf",
  ],
  [
    "BAT54S-7-F",
    "Diodes Incorporated",
    "Dual Series Schottky Diode 30V 200mA SOT-23",
    "SOT-23",
    0.11,
    "https://www.diodes.com/assets/Datasheets/ds11005.pdf",
  ],
  [
    "1N4148W-7-F",
    "Diodes Incorporated",
    "Switching Diode 100V 300mA SOD-123",
    "SOD-123",
    0.08,
    "https://www.diodes.com/assets/Datasheets/ds30086.pdf",
  ],
  [
    "SBR1U40LP-7",
    "Diodes Incorporated",
    "Super Barrier Rectifier 40V 1A DFN1006-2",
    "DFN1006-2",
    0.2,
    "https://www.diodes.com/assets/Datasheets/SBR1U40LP.pdf",
  ],
  [
    "MBR0540T1G",
    "onsemi",
    "Schottky Rectifier 40V 500mA SOD-123",
    "SOD-123",
    0.17,
    "https://www.onsemi.com/pdf/datasheet/mbr0540t1-d.pdf",
  ],
  [
    "NSR0340HT1G",
    "onsemi",
    "Schottky Diode 40V 250mA SOD-323",
    "SOD-323",
    0.15,
    "https://www.onsemi.com/pdf/datasheet/nsr0340h-d.pdf",
  ],
  [
    "SS14-E3/61T",
    "Vishay",
    "Schottky Rectifier 40V 1A DO-214AC",
    "DO-214AC",
    0.2,
    "https://www.vishay.com/docs/88746/ss12.pdf",
  ],
  [
    "1N4007-E3/54",
    "Vishay",
    "General Purpose Rectifier 1000V 1A DO-204AL",
    "DO-41",
    0.1,
    "https://www.vishay.com/docs/88503/1n4001.pdf",
  ],
  [
    "PESD5V0S1BA,115",
    "Nexperia",
    "Bidirectional ESD Protection Diode 5V SOD-323",
    "SOD-323",
    0.12,
    "https://assets.nexperia.com/documents/data-sheet/PESD5V0S1BA_BB_BL.pdf",
  ],
  [
    "SMF5.0A",
    "Littelfuse",
    "200W Unidirectional TVS Diode 5V SOD-123FL",
    "SOD-123FL",
    0.2,
    "https://www.littelfuse.com/assetdocs/tvs-diodes-smf-datasheet",
  ],
];

/** LEDs: one MPN per colour, in each maker's format. */
function* ledRows(): Generator<DiscreteRow> {
  const colours: {
    name: string;
    nm: number;
    vf: number;
    wurth: string;
    kingbright: string;
    liteon: string;
    nationstar: string;
  }[] = [
    {
      name: "Red",
      nm: 625,
      vf: 2,
      wurth: "RS",
      kingbright: "APT1608EC",
      liteon: "LTST-C191KRKT",
      nationstar: "NCD0603R1",
    },
    {
      name: "Green",
      nm: 570,
      vf: 2.1,
      wurth: "GS",
      kingbright: "APT1608SGC",
      liteon: "LTST-C191KGKT",
      nationstar: "NCD0603G1",
    },
    {
      name: "Blue",
      nm: 470,
      vf: 3.2,
      wurth: "BS",
      kingbright: "APT1608QBC/D",
      liteon: "LTST-C191TBKT",
      nationstar: "NCD0603B1",
    },
    {
      name: "Yellow",
      nm: 590,
      vf: 2,
      wurth: "YS",
      kingbright: "APT1608SYCK",
      liteon: "LTST-C191KSKT",
      nationstar: "NCD0603Y1",
    },
    {
      name: "Orange",
      nm: 605,
      vf: 2,
      wurth: "AS",
      kingbright: "APT1608SECK",
      liteon: "LTST-C191KFKT",
      nationstar: "NCD0603O1",
    },
    {
      name: "White",
      nm: 0,
      vf: 3,
      wurth: "WS",
      kingbright: "APT1608QWF/G",
      liteon: "LTW-C191TS5",
      nationstar: "NCD0603W1",
    },
  ];
  for (const colour of colours) {
    const ledSpecs = [
      spec("color", "Color", colour.name),
      ...(colour.nm
        ? [
            spec("wavelength", "Wavelength", `${colour.nm} nm`, {
              unit: "m",
              amount: clean(colour.nm * 1e-9),
            }),
          ]
        : []),
      spec("forwardvoltage", "Forward voltage", `${colour.vf} V`, { unit: "V", amount: colour.vf }),
    ];
    const row = (
      mpn: string,
      mfr: string,
      pkg: string,
      price: number,
      datasheet: string,
    ): DiscreteRow => ({
      mpn,
      mfr,
      classification: "leds",
      description: `${colour.name} LED ${pkg} SMD${colour.nm ? ` ${colour.nm}nm` : ""}`,
      pkg,
      price,
      datasheet,
      specs: ledSpecs,
      reel: 4000,
    });
    yield row(
      `150060${colour.wurth}75000`,
      "Würth Elektronik",
      "0603",
      0.16,
      "https://www.we-online.com/components/products/datasheet/150060RS75000.pdf",
    );
    yield row(
      `150080${colour.wurth}75000`,
      "Würth Elektronik",
      "0805",
      0.17,
      "https://www.we-online.com/components/products/datasheet/150080RS75000.pdf",
    );
    yield row(
      colour.kingbright,
      "Kingbright",
      "0603",
      0.2,
      "https://www.kingbrightusa.com/images/catalog/SPEC/APT1608SGC.pdf",
    );
    yield row(
      colour.liteon,
      "Lite-On",
      "0603",
      0.18,
      "https://optoelectronics.liteon.com/upload/download/DS22-2000-109/LTST-C191KRKT.pdf",
    );
    yield row(
      colour.nationstar,
      "Foshan NationStar Optoelectronics",
      "0603",
      0.01,
      "https://datasheet.lcsc.com/szlcsc/2008201032_Foshan-NationStar-Optoelectronics-NCD0603R1_C84263.pdf",
    );
  }
}

function* passiveMiscRows(): Generator<DiscreteRow> {
  const beads: [string, string, number, number][] = [
    ["BLM18PG221SN1D", "0603", 220, 1.4],
    ["BLM18KG601SN1D", "0603", 600, 1.3],
    ["BLM18AG102SN1D", "0603", 1000, 0.4],
    ["BLM15AG102SN1D", "0402", 1000, 0.2],
    ["BLM15PD121SN1D", "0402", 120, 1.5],
    ["BLM21PG221SN1D", "0805", 220, 2],
  ];
  for (const [mpn, pkg, ohms, amps] of beads) {
    yield {
      mpn,
      mfr: "Murata",
      classification: "ferrite beads",
      description: `Ferrite Bead ${ohms} Ω @ 100 MHz ${amps}A ${pkg}`,
      pkg,
      price: 0.1,
      datasheet: `https://search.murata.co.jp/Ceramy/image/img/P02/${mpn}.pdf`,
      specs: [
        spec("impedance", "Impedance @ frequency", `${ohms} Ω @ 100 MHz`, {
          unit: "Ω",
          amount: ohms,
        }),
        spec("currentrating", "Current rating", `${amps} A`, { unit: "A", amount: amps }),
      ],
      reel: 10000,
    };
  }
  for (const mhz of [8, 12, 16, 20, 24, 25, 26, 27, 32, 40, 48]) {
    yield {
      mpn: `ABM8-${mhz.toFixed(3)}MHZ-B2-T`,
      mfr: "Abracon",
      classification: "crystals",
      description: `${mhz} MHz ±20ppm Crystal 18pF 3.2x2.5mm SMD`,
      pkg: "3225-4",
      price: 0.55,
      datasheet: "https://abracon.com/Resonators/abm8.pdf",
      specs: [spec("frequency", "Frequency", `${mhz} MHz`, { unit: "Hz", amount: mhz * 1e6 })],
      pins: 4,
      reel: 1000,
    };
  }
}

export function* discreteDrafts(): Generator<PartDraft> {
  for (const row of tvsRows()) yield discreteDraft(row);
  for (const row of zenerRows()) yield discreteDraft(row);
  for (const [mpn, mfr, description, pkg, price, datasheet] of TRANSISTORS) {
    const mosfet = description.startsWith("MOSFET");
    yield discreteDraft({
      mpn,
      mfr,
      classification: mosfet ? "mosfets" : "bipolar transistors",
      description,
      pkg,
      price,
      datasheet,
      pins: pkg.startsWith("SOIC") || pkg.startsWith("TDSON") ? 8 : 3,
    });
  }
  for (const [mpn, mfr, description, pkg, price, datasheet] of DIODES) {
    const tvs = /TVS|ESD/.test(description);
    yield discreteDraft({
      mpn,
      mfr,
      classification: tvs ? "tvs diodes" : "diodes",
      description,
      pkg,
      price,
      datasheet,
    });
  }
  for (const row of ledRows()) yield discreteDraft(row);
  for (const row of passiveMiscRows()) yield discreteDraft(row);
}
