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
  const refColumn = designatorColumn(profiles);
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

/** Designator prefixes of resistors, capacitors and inductors: parts a value names. */
const PASSIVE_PREFIX = /^(?:[RCL]|RN|FB)\d/i;

/**
 * The column whose cells are most often of one kind (designators, values), at least half of
 * them, or null; the left-most of equals. Chosen by contents alone: these checks run before
 * the mapping, to give it evidence.
 */
function strongestColumn(
  profiles: readonly ColumnProfile[],
  share: (profile: ColumnProfile) => number,
): ColumnProfile | null {
  let best: ColumnProfile | null = null;
  for (const profile of profiles) {
    if (share(profile) >= 0.5 && (best === null || share(profile) > share(best))) best = profile;
  }
  return best;
}

/** The column most like designators, or null. */
const designatorColumn = (profiles: readonly ColumnProfile[]) =>
  strongestColumn(profiles, (profile) => profile.refdes);

/** The column most like component values ("10k", "100nF"), or null. */
const valueColumn = (profiles: readonly ColumnProfile[]) =>
  strongestColumn(profiles, (profile) => profile.valueLike);

export interface PassiveValues {
  /** Share of resistor/capacitor/inductor rows whose cell in this column is a value. */
  share: number;
  /** How many such rows were compared. */
  rows: number;
}

/**
 * For every column, how often it holds a component value on the rows of passive parts (R, C,
 * L designators). KiCad's "Value", Altium's "Comment" and EasyEDA's "Name" hold values for
 * passives and names for everything else, so this holds where the header is generic.
 * It measures every column rather than taking valueColumn(): such a column is mostly names on
 * a sheet of ICs and connectors, too few values for valueColumn() to pick it, and finding it
 * is what this evidence is for.
 */
export function passiveValues(
  grid: Grid,
  dataRows: readonly number[],
  profiles: readonly ColumnProfile[],
  isValue: (text: string) => boolean,
): Map<number, PassiveValues> {
  // A resistor's value may be a bare number of ohms ("470"); other values need their unit.
  const holdsValue = (text: string, ref: string) =>
    isValue(text) || (/^R\d/i.test(ref) && /^\d{1,7}$/.test(text.trim()));
  const found = new Map<number, PassiveValues>();
  const refColumn = designatorColumn(profiles);
  if (refColumn === null) return found;
  const refOf = (r: number) => cellText(grid[r]?.[refColumn.column]).trimStart();
  const passiveRows = dataRows.slice(0, SAMPLE).filter((r) => PASSIVE_PREFIX.test(refOf(r)));
  if (passiveRows.length < 3) return found;
  for (const profile of profiles) {
    if (profile.column === refColumn.column || profile.filled === 0) continue;
    let values = 0;
    for (const r of passiveRows)
      if (holdsValue(cellText(grid[r]?.[profile.column]), refOf(r))) values++;
    if (values > 0)
      found.set(profile.column, { share: values / passiveRows.length, rows: passiveRows.length });
  }
  return found;
}

/** How a value-like text is compared: case, spaces and the micro sign do not matter. */
const valueKey = (text: string) => text.toLowerCase().replace(/\s+/g, "").replace(/µ/g, "u");

/**
 * For every column that could hold part numbers, the share of its filled rows whose text also
 * stands for a different value elsewhere ("CAP0603" for 1uF and for 100nF). One part number
 * is one part: a text shared across values is a footprint, device or library name.
 */
export function valueConflicts(
  grid: Grid,
  dataRows: readonly number[],
  profiles: readonly ColumnProfile[],
): Map<number, number> {
  const conflicts = new Map<number, number>();
  // Unlike passiveValues, this needs a value on most rows, to compare every row's text with it.
  const valuesColumn = valueColumn(profiles);
  if (valuesColumn === null) return conflicts;
  const rows = dataRows.slice(0, SAMPLE);
  const values = rows.map((r) => valueKey(cellText(grid[r]?.[valuesColumn.column])));
  for (const profile of profiles) {
    if (profile.column === valuesColumn.column || profile.mpn < 0.3) continue;
    const valuesByText = new Map<string, Set<string>>();
    const texts = rows.map((r, i) => {
      const text = cellText(grid[r]?.[profile.column]).trim().toLowerCase();
      const value = values[i] as string;
      if (text === "" || value === "") return "";
      let set = valuesByText.get(text);
      if (!set) valuesByText.set(text, (set = new Set()));
      set.add(value);
      return text;
    });
    let compared = 0;
    let conflicting = 0;
    for (const text of texts) {
      if (text === "") continue;
      compared++;
      if ((valuesByText.get(text)?.size ?? 0) > 1) conflicting++;
    }
    // A couple of rows may differ by how a value is written; four or more rows do not.
    if (compared > 0 && conflicting >= 4) conflicts.set(profile.column, conflicting / compared);
  }
  return conflicts;
}
