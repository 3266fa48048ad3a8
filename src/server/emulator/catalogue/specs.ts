/** Building specs and engineering-notation values the way the Knowledge Graph shows them. */
import type { CatalogueSpec, SpecQuantity } from "./types";

export function spec(
  id: string,
  label: string,
  displayValue: string,
  quantity?: SpecQuantity,
): CatalogueSpec {
  return quantity
    ? { id, label, display_value: displayValue, quantity }
    : { id, label, display_value: displayValue };
}

/** Rounds away binary noise such as 1.0000000000000001e-7. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

const PREFIXES: [number, string][] = [
  [1e6, "M"],
  [1e3, "k"],
  [1, ""],
  [1e-3, "m"],
  [1e-6, "µ"],
  [1e-9, "n"],
  [1e-12, "p"],
];

/** 4700 → "4.7 k", 1e-7 → "100 n" (the unit is appended by the caller). */
export function engineering(value: number): string {
  for (const [scale, prefix] of PREFIXES) {
    if (Math.abs(value) >= scale * 0.9999999) {
      return `${clean(value / scale)} ${prefix}`;
    }
  }
  return `${clean(value)} `;
}

export function withUnit(value: number, unit: string): string {
  return `${engineering(value)}${unit}`;
}

/** Object key order would put "1206" first (it is an integer key), so the order is explicit. */
export const CASE_SIZE_ORDER = ["0402", "0603", "0805", "1206"] as const;

export const CASE_SIZES: Record<string, { metric: string; lengthMm: number; widthMm: number }> = {
  "0402": { metric: "1005", lengthMm: 1, widthMm: 0.5 },
  "0603": { metric: "1608", lengthMm: 1.6, widthMm: 0.8 },
  "0805": { metric: "2012", lengthMm: 2, widthMm: 1.25 },
  "1206": { metric: "3216", lengthMm: 3.2, widthMm: 1.6 },
};

const sizeSpecCache = new Map<string, CatalogueSpec[]>();

/** Case, length and width specs of a chip size; shared between parts (specs are never mutated). */
export function sizeSpecs(size: string): CatalogueSpec[] {
  const cached = sizeSpecCache.get(size);
  if (cached) return cached;
  const dims = CASE_SIZES[size];
  const specs = dims
    ? [
        spec("case_package", "Case/Package", `${size} (${dims.metric} Metric)`),
        spec("length", "Length", `${dims.lengthMm} mm`, {
          unit: "m",
          amount: clean(dims.lengthMm / 1000),
        }),
        spec("width", "Width", `${dims.widthMm} mm`, {
          unit: "m",
          amount: clean(dims.widthMm / 1000),
        }),
      ]
    : [spec("case_package", "Case/Package", size)];
  sizeSpecCache.set(size, specs);
  return specs;
}
