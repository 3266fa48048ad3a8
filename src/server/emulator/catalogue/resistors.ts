/** Thick-film chip resistors in four makers' real part-number formats. */
import { CASE_SIZE_ORDER, clean, sizeSpecs, spec, withUnit } from "./specs";
import type { PartDraft } from "./types";

const E24 = [
  10, 11, 12, 13, 15, 16, 18, 20, 22, 24, 27, 30, 33, 36, 39, 43, 47, 51, 56, 62, 68, 75, 82, 91,
];

/** E24 values from 1 Ω to 1 MΩ. */
export function resistorValues(): number[] {
  const values: number[] = [];
  for (const decade of [0.1, 1, 10, 100, 1000, 10000]) {
    for (const mantissa of E24) values.push(clean(mantissa * decade));
  }
  values.push(1e6);
  return values;
}

const POWER: Record<string, { watts: number; text: string }> = {
  "0402": { watts: 0.0625, text: "1/16W" },
  "0603": { watts: 0.1, text: "1/10W" },
  "0805": { watts: 0.125, text: "1/8W" },
  "1206": { watts: 0.25, text: "1/4W" },
};

/** Yageo/Stackpole style: 4700 → "4K7", 100 → "100R", 4.7 → "4R7", 1e6 → "1M". */
function letterCode(ohms: number): string {
  const [scale, letter] = ohms >= 1e6 ? [1e6, "M"] : ohms >= 1e3 ? [1e3, "K"] : [1, "R"];
  const scaled = clean(ohms / scale);
  const [whole, fraction] = String(scaled).split(".");
  return fraction ? `${whole}${letter}${fraction}` : `${whole}${letter}`;
}

/** Vishay/Stackpole four-character code: 10 → "10R0", 4700 → "4K70", 1e5 → "100K". */
function fourCharCode(ohms: number): string {
  const [scale, letter] = ohms >= 1e6 ? [1e6, "M"] : ohms >= 1e3 ? [1e3, "K"] : [1, "R"];
  const digits = String(clean(ohms / scale)).replace(".", letter);
  const code = digits.includes(letter) ? digits : `${digits}${letter}`;
  return code.padEnd(4, "0").slice(0, 4);
}

/** Panasonic four-digit code: three significant digits and a multiplier; "R" marks the point below 100 Ω. */
function panasonicCode(ohms: number): string {
  if (ohms < 100) return fourCharCode(ohms);
  const exponent = Math.floor(Math.log10(ohms)) - 2;
  const significant = Math.round(ohms / 10 ** exponent);
  return `${significant}${exponent}`;
}

function resistorDraft(
  mpn: string,
  mfr: string,
  size: string,
  ohms: number,
  tolerancePercent: number,
  datasheet: string,
  reelSize: number,
): PartDraft {
  const power = POWER[size] ?? { watts: 0.1, text: "1/10W" };
  const display = withUnit(ohms, "Ω");
  return {
    mpn,
    mfr,
    classification: "chip resistors",
    description: `${size} ${display} ±${tolerancePercent}% ${power.text} Thick Film SMT Chip Resistor`,
    package: size,
    terminations: 2,
    termination_type: "SMT",
    specs: [
      spec("resistance", "Resistance", display, { unit: "Ω", amount: ohms }),
      spec("tolerance", "Tolerance", `±${tolerancePercent}%`, {
        unit: "%",
        amount: tolerancePercent,
      }),
      spec("powerrating", "Power rating", `${power.watts} W`, { unit: "W", amount: power.watts }),
      spec("composition", "Composition", "Thick Film"),
      ...sizeSpecs(size),
      spec("packaging", "Packaging", "Tape & Reel"),
    ],
    basePrice: size === "1206" ? 0.12 : 0.1,
    datasheet,
    msl: "1",
    reelSize,
  };
}

const YAGEO_SHEET =
  "https://www.yageo.com/upload/media/product/products/datasheet/rchip/PYu-RC_Group_51_RoHS_L_12.pdf";

/** Yageo RC series, e.g. RC0603FR-0710KL; reel "07" (7 inch) or "13" (13 inch). */
export function yageoResistor(size: string, reel: "07" | "13", ohms: number): PartDraft {
  const reelSize = reel === "13" ? 50000 : size === "0402" ? 10000 : 5000;
  const mpn = `RC${size}FR-${reel}${letterCode(ohms)}L`;
  return resistorDraft(mpn, "Yageo", size, ohms, 1, YAGEO_SHEET, reelSize);
}

function vishayResistor(size: string, ohms: number): PartDraft {
  const mpn = `CRCW${size}${fourCharCode(ohms)}FK${size === "0402" ? "ED" : "EA"}`;
  const sheet = "https://www.vishay.com/docs/20035/dcrcwe3.pdf";
  return resistorDraft(mpn, "Vishay", size, ohms, 1, sheet, size === "0402" ? 10000 : 5000);
}

const PANASONIC_SERIES: Record<string, { series: string; suffix: string }> = {
  "0402": { series: "ERJ-2RKF", suffix: "X" },
  "0603": { series: "ERJ-3EKF", suffix: "V" },
  "0805": { series: "ERJ-6ENF", suffix: "V" },
  "1206": { series: "ERJ-8ENF", suffix: "V" },
};

function panasonicResistor(size: string, ohms: number): PartDraft | null {
  const series = PANASONIC_SERIES[size];
  if (!series) return null;
  const mpn = `${series.series}${panasonicCode(ohms)}${series.suffix}`;
  const sheet = "https://industrial.panasonic.com/cdbs/www-data/pdf/RDA0000/AOA0000C304.pdf";
  return resistorDraft(mpn, "Panasonic", size, ohms, 1, sheet, size === "0402" ? 10000 : 5000);
}

function stackpoleResistor(size: string, ohms: number): PartDraft {
  const mpn = `RMCF${size}FT${fourCharCode(ohms)}`;
  const sheet = "https://www.seielect.com/catalog/sei-rmcf_rmcp.pdf";
  return resistorDraft(
    mpn,
    "Stackpole Electronics",
    size,
    ohms,
    1,
    sheet,
    size === "0402" ? 10000 : 5000,
  );
}

export function* resistorDrafts(): Generator<PartDraft> {
  for (const size of CASE_SIZE_ORDER) {
    for (const ohms of resistorValues()) {
      yield yageoResistor(size, "07", ohms);
      if (size === "0402") yield yageoResistor(size, "13", ohms);
      yield vishayResistor(size, ohms);
      const panasonic = panasonicResistor(size, ohms);
      if (panasonic) yield panasonic;
      yield stackpoleResistor(size, ohms);
    }
  }
}
