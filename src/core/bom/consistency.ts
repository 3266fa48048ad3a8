/**
 * Evidence across columns: a quantity column agrees, row by row, with the number of
 * designators in the designator column.
 */
import type { Grid } from "./types";
import type { ColumnProfile } from "./content";
import { cellText } from "./cells";
import { expandRefdes } from "./refdes";
import { parseQuantity } from "./quantity";

export interface DesignatorAgreement {
  /** Share of compared rows whose number equals the row's designator count. */
  share: number;
  /** False when every row has one designator: a column of 1s then agrees by chance. */
  informative: boolean;
}

/** Rows compared at most: enough to judge, and linear on big sheets. */
const SAMPLE = 300;

/**
 * For every number column, the share of rows whose number equals the designator count of the
 * sheet's most designator-like column (none when no column holds designators).
 */
export function designatorAgreements(
  grid: Grid,
  dataRows: readonly number[],
  profiles: readonly ColumnProfile[],
): Map<number, DesignatorAgreement> {
  const agreements = new Map<number, DesignatorAgreement>();
  let refColumn: ColumnProfile | null = null;
  for (const profile of profiles) {
    if (profile.refdes >= 0.5 && (refColumn === null || profile.refdes > refColumn.refdes))
      refColumn = profile;
  }
  if (refColumn === null) return agreements;
  const rows = dataRows.slice(0, SAMPLE);
  const counts = rows.map((r) => {
    const text = cellText(grid[r]?.[refColumn.column]);
    return text === "" ? null : expandRefdes(text).refs.length;
  });
  // One designator per row: a column of 1s agrees by chance, so only disagreement tells.
  const informative = counts.some((count) => count !== null && count > 1);
  for (const profile of profiles) {
    if (profile.column === refColumn.column || profile.quantityLike < 0.5) continue;
    let compared = 0;
    let agreed = 0;
    rows.forEach((r, i) => {
      const count = counts[i];
      const reading = parseQuantity(grid[r]?.[profile.column]);
      if (count == null || reading.kind !== "ok") return;
      compared++;
      if (reading.value === count) agreed++;
    });
    if (compared === 0) continue;
    const share = agreed / compared;
    agreements.set(profile.column, { share, informative });
  }
  return agreements;
}
