/**
 * Data written one column right of its header (a hand-edited sheet where a column was inserted
 * in the data but not the header): column k+1's contents consistently fit what header k names,
 * and column k's do not. The header is then read one column to the right.
 */
import { BOM_FIELDS } from "./types";
import type { ColumnProfile } from "./content";
import { matchHeader } from "./aliases";
import { columnEvidence } from "./evidence";

/** Fields whose contents are telling enough to show where their column really is. */
const TELLING = new Set([
  "reference_designators",
  "quantity",
  "mpn",
  "manufacturer_name",
  "link",
  "value",
  "distributor_sku",
]);

function contentFit(field: string, profile: ColumnProfile | undefined): number {
  if (!profile) return 0;
  const pair = columnEvidence(BOM_FIELDS, {
    header: "",
    unlabelled: true,
    matches: [],
    profile,
    designatorAgreement: null,
  }).find((e) => e.field === field);
  return pair?.contentScore ?? 0;
}

/** True when the data sits one column right of the header. */
export function isShiftedRight(
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
): boolean {
  let telling = 0;
  let shifted = 0;
  for (let k = 0; k + 1 < profiles.length; k++) {
    const match = matchHeader(headers[k] ?? "").find((m) => !m.ambiguous && m.score >= 0.85);
    if (!match || !TELLING.has(match.field)) continue;
    telling++;
    const here = contentFit(match.field, profiles[k]);
    const right = contentFit(match.field, profiles[k + 1]);
    if (right >= 0.4 && here < 0.15) shifted++;
  }
  // The last header's data sits in a column with no header of its own.
  let lastNamed = headers.length - 1;
  while (lastNamed >= 0 && (headers[lastNamed] ?? "").trim() === "") lastNamed--;
  const spill = (profiles[lastNamed + 1]?.filled ?? 0) > 0;
  return telling >= 2 && shifted >= Math.max(2, Math.ceil(telling * 0.7)) && spill;
}
