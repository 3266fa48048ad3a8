/** Multilayer ceramic capacitors in five makers' real part-number formats. */
import { CASE_SIZE_ORDER, clean, sizeSpecs, spec, withUnit } from "./specs";
import type { PartDraft } from "./types";

export type Dielectric = "C0G" | "X7R" | "X5R";

const E6 = [10, 15, 22, 33, 47, 68];

/** Capacitances in pF, 10 pF to 22 µF. */
function capacitanceValues(): number[] {
  const values: number[] = [];
  for (const decade of [1, 10, 100, 1000, 10000, 100000]) {
    for (const mantissa of E6) values.push(mantissa * decade);
  }
  values.push(10_000_000, 22_000_000);
  return values;
}

function dielectricFor(pf: number): Dielectric {
  if (pf <= 1000) return "C0G";
  if (pf <= 1_000_000) return "X7R";
  return "X5R";
}

function voltagesFor(pf: number, dielectric: Dielectric): number[] {
  if (dielectric === "C0G") return [50, 100];
  if (dielectric === "X7R") return pf <= 100_000 ? [16, 25, 50, 100] : [16, 25, 50];
  return pf <= 4_700_000 ? [6.3, 10, 16, 25] : [6.3, 10, 16];
}

/** Largest capacitance (pF) and voltage a case size realistically offers. */
const SIZE_LIMITS: Record<string, { maxPf: number; maxVolts: number }> = {
  "0402": { maxPf: 2_200_000, maxVolts: 50 },
  "0603": { maxPf: 10_000_000, maxVolts: 100 },
  "0805": { maxPf: 22_000_000, maxVolts: 100 },
  "1206": { maxPf: 22_000_000, maxVolts: 100 },
};

/** EIA three-character code: 100000 pF → "104", 4.7 pF → "4R7". */
function eiaCode(pf: number): string {
  if (pf < 10) return String(pf).replace(".", "R");
  const exponent = Math.floor(Math.log10(pf)) - 1;
  return `${Math.round(pf / 10 ** exponent)}${exponent}`;
}

const VOLTAGE_CODE: Record<number, string> = {
  6.3: "0J",
  10: "1A",
  16: "1C",
  25: "1E",
  50: "1H",
  100: "2A",
};

export interface CapacitorSpec {
  size: string;
  pf: number;
  volts: number;
  dielectric: Dielectric;
}

export function capacitorDraft(
  mpn: string,
  mfr: string,
  cap: CapacitorSpec,
  datasheet: string,
): PartDraft {
  const farads = clean(cap.pf * 1e-12);
  const display = withUnit(farads, "F");
  const tolerance = cap.dielectric === "C0G" ? 5 : 10;
  const bulk = cap.pf >= 4_700_000 ? 3 : cap.pf >= 1_000_000 ? 1.8 : 1;
  const sizePrice: Record<string, number> = {
    "0402": 0.1,
    "0603": 0.1,
    "0805": 0.13,
    "1206": 0.22,
  };
  return {
    mpn,
    mfr,
    classification: "ceramic capacitors",
    description: `${cap.size} ${display} ${cap.volts}V ±${tolerance}% Tolerance ${cap.dielectric} SMT Multilayer Ceramic Capacitor`,
    package: cap.size,
    terminations: 2,
    termination_type: "SMT",
    specs: [
      spec("capacitance", "Capacitance", display, { unit: "F", amount: farads }),
      spec("voltagerating_dc_", "Voltage rating (DC)", `${cap.volts} V`, {
        unit: "V",
        amount: cap.volts,
      }),
      spec("tolerance", "Tolerance", `±${tolerance}%`, { unit: "%", amount: tolerance }),
      spec("temperaturecoefficient", "Temperature coefficient", cap.dielectric),
      ...sizeSpecs(cap.size),
      spec("packaging", "Packaging", "Tape & Reel"),
    ],
    basePrice: clean((sizePrice[cap.size] ?? 0.1) * bulk),
    datasheet,
    msl: "1",
    reelSize: cap.size === "0402" ? 10000 : cap.size === "1206" ? 3000 : 4000,
  };
}

const MURATA_SIZE: Record<string, string> = {
  "0402": "155",
  "0603": "188",
  "0805": "21B",
  "1206": "31C",
};
const MURATA_DIELECTRIC: Record<Dielectric, string> = { C0G: "5C", X7R: "R7", X5R: "R6" };

function murata(cap: CapacitorSpec): PartDraft {
  const tol = cap.dielectric === "C0G" ? "J" : "K";
  const packing = cap.size === "0402" || cap.size === "0603" ? "D" : "L";
  const mpn = `GRM${MURATA_SIZE[cap.size]}${MURATA_DIELECTRIC[cap.dielectric]}${VOLTAGE_CODE[cap.volts]}${eiaCode(cap.pf)}${tol}A01${packing}`;
  return capacitorDraft(
    mpn,
    "Murata",
    cap,
    `https://search.murata.co.jp/Ceramy/image/img/A01X/G101/ENG/${mpn}-01.pdf`,
  );
}

const SAMSUNG_SIZE: Record<string, string> = {
  "0402": "05",
  "0603": "10",
  "0805": "21",
  "1206": "31",
};
const SAMSUNG_DIELECTRIC: Record<Dielectric, string> = { C0G: "C", X7R: "B", X5R: "A" };
const SAMSUNG_VOLTAGE: Record<number, string> = {
  6.3: "Q",
  10: "P",
  16: "O",
  25: "A",
  50: "B",
  100: "C",
};
const SAMSUNG_THICKNESS: Record<string, string> = {
  "0402": "5",
  "0603": "8",
  "0805": "F",
  "1206": "H",
};

function samsung(cap: CapacitorSpec): PartDraft {
  const tol = cap.dielectric === "C0G" ? "J" : "K";
  const mpn = `CL${SAMSUNG_SIZE[cap.size]}${SAMSUNG_DIELECTRIC[cap.dielectric]}${eiaCode(cap.pf)}${tol}${SAMSUNG_VOLTAGE[cap.volts]}${SAMSUNG_THICKNESS[cap.size]}NNNC`;
  return capacitorDraft(
    mpn,
    "Samsung",
    cap,
    `https://weblib.samsungsem.com/mlcc/mlcc-ec-data-sheet.do?partNumber=${mpn}`,
  );
}

const TDK_SIZE: Record<string, { code: string; thickness: string }> = {
  "0402": { code: "C1005", thickness: "050" },
  "0603": { code: "C1608", thickness: "080" },
  "0805": { code: "C2012", thickness: "125" },
  "1206": { code: "C3216", thickness: "160" },
};

function tdk(cap: CapacitorSpec): PartDraft {
  const size = TDK_SIZE[cap.size] ?? { code: "C1608", thickness: "080" };
  const tol = cap.dielectric === "C0G" ? "J" : "K";
  const mpn = `${size.code}${cap.dielectric}${VOLTAGE_CODE[cap.volts]}${eiaCode(cap.pf)}${tol}${size.thickness}AA`;
  return capacitorDraft(
    mpn,
    "TDK",
    cap,
    "https://product.tdk.com/system/files/dam/doc/product/capacitor/ceramic/mlcc/catalog/mlcc_commercial_general_en.pdf",
  );
}

const KEMET_VOLTAGE: Record<number, string> = {
  6.3: "9",
  10: "8",
  16: "4",
  25: "3",
  50: "5",
  100: "1",
};
const KEMET_DIELECTRIC: Record<Dielectric, string> = { C0G: "G", X7R: "R", X5R: "P" };

function kemet(cap: CapacitorSpec): PartDraft {
  const tol = cap.dielectric === "C0G" ? "J" : "K";
  const mpn = `C${cap.size}C${eiaCode(cap.pf)}${tol}${KEMET_VOLTAGE[cap.volts]}${KEMET_DIELECTRIC[cap.dielectric]}ACTU`;
  return capacitorDraft(
    mpn,
    "KEMET",
    cap,
    "https://content.kemet.com/datasheets/KEM_C1002_X7R_SMD.pdf",
  );
}

const TAIYO_VOLTAGE: Record<number, string> = {
  6.3: "J",
  10: "L",
  16: "E",
  25: "T",
  50: "U",
  100: "H",
};
const TAIYO_SIZE: Record<string, string> = {
  "0402": "105",
  "0603": "107",
  "0805": "212",
  "1206": "316",
};
const TAIYO_DIELECTRIC: Record<Dielectric, string> = { C0G: "CG", X7R: "B7", X5R: "BJ" };
const TAIYO_THICKNESS: Record<string, string> = {
  "0402": "V",
  "0603": "A",
  "0805": "G",
  "1206": "L",
};

function taiyoYuden(cap: CapacitorSpec): PartDraft {
  const tol = cap.dielectric === "C0G" ? "J" : "K";
  const mpn = `${TAIYO_VOLTAGE[cap.volts]}MK${TAIYO_SIZE[cap.size]}${TAIYO_DIELECTRIC[cap.dielectric]}${eiaCode(cap.pf)}${tol}${TAIYO_THICKNESS[cap.size]}-T`;
  return capacitorDraft(
    mpn,
    "Taiyo Yuden",
    cap,
    `https://ds.yuden.co.jp/TYCOMPAS/ut/detail?pn=${mpn}`,
  );
}

const MAKERS = [murata, samsung, tdk, kemet, taiyoYuden];

export function* capacitorDrafts(): Generator<PartDraft> {
  for (const size of CASE_SIZE_ORDER) {
    const limit = SIZE_LIMITS[size] as { maxPf: number; maxVolts: number };
    for (const pf of capacitanceValues()) {
      if (pf > limit.maxPf) continue;
      const dielectric = dielectricFor(pf);
      for (const volts of voltagesFor(pf, dielectric)) {
        if (volts > limit.maxVolts) continue;
        for (const maker of MAKERS) yield maker({ size, pf, volts, dielectric });
      }
    }
  }
}
