/** How many units a line needs for a build: quantity per board × boards, plus attrition. */

export interface Attrition {
  /** Extra units as a percentage of the quantity, rounded up. */
  percent: number;
  /** At least this many extra units (for a needed line). */
  minExtra: number;
}

/** Whole units for a build, never fractional: 0.5 m of wire per board × 3 boards is 2 units. */
export function quantityNeeded(
  quantityPerBoard: number,
  build: number,
  attrition: Attrition,
): number {
  if (!(quantityPerBoard > 0)) return 0;
  // The epsilon keeps 100 × 2 % (2.0000000000000004) from rounding up to 3.
  const base = Math.ceil(quantityPerBoard * build - 1e-9);
  const percentExtra = Math.ceil((base * attrition.percent) / 100 - 1e-9);
  return base + Math.max(percentExtra, attrition.minExtra, 0);
}
