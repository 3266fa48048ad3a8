/**
 * The evidence for each (column, field) pair, from independent sources:
 * - the header: its words against the alias lexicon (languages, abbreviations, typos);
 * - the contents: what share of the cells look like designators, quantities, MPNs,
 *   manufacturer names, distributor codes, values, packages, URLs, DNP marks or prose;
 * - consistency across columns: the quantity column is the one that agrees with the
 *   designator counts.
 * Each pair gets a score and the reasons behind it; mapping.ts then chooses the whole
 * mapping at once.
 */
import { FIELD_LABELS } from "../field-labels";
import type { BomField, DnpPolarity } from "./types";
import type { HeaderMatch } from "./aliases";
import type { ColumnProfile } from "./content";
import type { DesignatorAgreement, PassiveValues } from "./consistency";

export interface PairEvidence {
  field: BomField;
  score: number;
  /** What the header says of this field, 0 when nothing. */
  headerScore: number;
  /** How strongly the contents alone point at this field. */
  contentScore: number;
  ambiguous: boolean;
  index: number | null;
  polarity?: DnpPolarity;
  /** Share of data rows with a value in this column. */
  fill: number;
  reasons: string[];
}

export interface ColumnContext {
  header: string;
  /** The header names no field (empty, a placeholder, or a data value written over it). */
  unlabelled: boolean;
  /** The header names a property that is no BOM field ("Orientation", "Lead Time", "Image"). */
  otherProperty?: boolean;
  matches: HeaderMatch[];
  profile: ColumnProfile;
  /** How this column's numbers agree with the designator counts, when there are both. */
  designatorAgreement: DesignatorAgreement | null;
  /** How often this column holds a value on resistor/capacitor/inductor rows. */
  passiveValues?: PassiveValues | null;
  /** Share of rows whose text here stands for different values elsewhere (not a part number). */
  valueConflict?: number;
}

/** Fields filled on a few rows only (the DNP rows, the lines with alternates). */
const SPARSE_BY_NATURE = new Set<BomField>(["do_not_place", "alternative_mpns", "comments"]);

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Fill weighs in so that a nearly empty copy of a column loses to a full one. */
function fillFactor(profile: ColumnProfile): number {
  if (profile.rows === 0) return 1;
  if (profile.filled === 0) return 0.6;
  return Math.min(1, 0.55 + 1.5 * profile.fill);
}

/** Content shares are over the filled cells: a sparse column's contents say less. */
function contentWeight(profile: ColumnProfile): number {
  return profile.rows === 0 ? 1 : Math.min(1, 0.3 + profile.fill) * sampleSure(profile);
}

/** A few cells prove little: 1 cell counts half, 4 cells 80 %, 20 cells 95 %. */
function sampleSure(profile: ColumnProfile): number {
  return profile.filled / (profile.filled + 1);
}

/** How strongly the contents alone say "this is field F", with the reason. */
/** The column has a header of its own that names no placement field. */
function asksSomethingElse(context: ColumnContext): boolean {
  return (
    !context.unlabelled &&
    context.header.trim() !== "" &&
    !context.matches.some((match) => match.field === "do_not_place")
  );
}

function contentEvidence(
  field: BomField,
  context: ColumnContext,
): { score: number; reason: string | null; polarity?: DnpPolarity } {
  const p = context.profile;
  if (p.filled === 0 || p.errors > 0.5) return { score: 0, reason: null };
  switch (field) {
    case "line_number":
      return p.sequential && p.integer >= 0.9
        ? { score: 0.8 * p.integer, reason: `${percent(p.integer)} of cells count up 1, 2, 3…` }
        : { score: 0, reason: null };
    case "reference_designators": {
      if (p.refdes < 0.5) return { score: 0, reason: null };
      const score = Math.min(1, p.refdes * 0.85 + p.multiRefdes * 0.3);
      return { score, reason: `${percent(p.refdes)} of cells are designators` };
    }
    case "quantity": {
      // The same number on every row (a sheet index, a constant 1) tells nothing.
      if (p.quantityLike < 0.6 || p.sequential || (p.distinctValues <= 1 && p.filled >= 5))
        return { score: 0, reason: null };
      const agreement = context.designatorAgreement;
      // Numbers that differ from the designator counts are something else (pins, sheets).
      const contradicts =
        agreement !== null && agreement.share < (agreement.informative ? 0.5 : 0.9);
      if (contradicts) return { score: 0, reason: null };
      if (agreement?.informative) {
        return {
          score: Math.min(1, 0.35 * p.quantityLike + 0.65 * agreement.share),
          reason: `${percent(agreement.share)} of rows hold the number of designators listed`,
        };
      }
      // Whole numbers that repeat (1, 1, 2, 1…) rather than identify.
      const repeats = p.distinct < 0.7 ? 1 : 0.6;
      return {
        score: 0.55 * p.quantityLike * repeats,
        reason: `${percent(p.quantityLike)} of cells are whole numbers`,
      };
    }
    case "manufacturer_name": {
      // A shop's name ("Mouser", "digikey.com") is where a part is bought, not who makes it.
      const makers = Math.max(0, p.manufacturer - p.sellerName);
      return makers >= 0.3
        ? {
            score: Math.min(1, makers * 1.1),
            reason: `${percent(p.manufacturer)} of cells are known manufacturers`,
          }
        : { score: 0, reason: null };
    }
    case "mpn": {
      const conflict = context.valueConflict ?? 0;
      const clean =
        p.mpn *
        (1 - p.sku) *
        (1 - p.manufacturer) *
        (1 - p.valueLike) *
        Math.max(0, 1 - 2 * conflict);
      return clean >= 0.4
        ? { score: clean, reason: `${percent(p.mpn)} of cells look like part numbers` }
        : { score: 0, reason: null };
    }
    case "distributor_sku":
      return p.sku >= 0.3
        ? {
            score: Math.min(1, p.sku * 1.1),
            reason: `${percent(p.sku)} of cells are distributor order codes`,
          }
        : { score: 0, reason: null };
    case "value": {
      if (p.quantityLike >= 0.5 || p.refdes >= 0.5) return { score: 0, reason: null };
      const passive = context.passiveValues;
      const passiveScore = passive && passive.share >= 0.6 ? 0.8 * passive.share : 0;
      const valueScore = p.valueLike >= 0.3 ? p.valueLike * 0.9 : 0;
      if (passiveScore === 0 && valueScore === 0) return { score: 0, reason: null };
      return passiveScore > valueScore && passive
        ? {
            score: passiveScore,
            reason: `${percent(passive.share)} of resistor, capacitor and inductor rows hold a value here`,
          }
        : { score: valueScore, reason: `${percent(p.valueLike)} of cells are component values` };
    }
    case "package":
      // "CAP CER 10UF 0805" names a package inside a description: that is no package column.
      return p.packageLike >= 0.5 && p.prose < 0.5
        ? {
            score: p.packageLike * 0.85,
            reason: `${percent(p.packageLike)} of cells name packages`,
          }
        : { score: 0, reason: null };
    case "link":
      return p.url >= 0.5
        ? { score: p.url * 0.9, reason: `${percent(p.url)} of cells are links` }
        : { score: 0, reason: null };
    case "do_not_place":
      // Yes/no answers under a header that asks something else ("Safety critical", "Verified",
      // "Tested") say nothing about placement: only DNP words, or a header about placement (or
      // none), make yes/no a placement mark.
      if (p.placementMarks === 0 && asksSomethingElse(context)) return { score: 0, reason: null };
      if (p.dnpWords >= 0.9 && p.quantityLike < 0.5)
        return {
          score: 0.6 * p.dnpWords,
          reason: `${percent(p.dnpWords)} of cells are DNP or fitted marks`,
        };
      // A notes column where some note says "not populated": those parts are not placed.
      if (p.dnpPhrase > 0 && p.prose + p.phrase >= 0.5) {
        const marks = Math.max(1, Math.round(p.dnpPhrase * Math.min(p.filled, 300)));
        return {
          score: 0.5,
          reason: `${marks === 1 ? "a note says" : `${marks} notes say`} do-not-place; the other notes are kept as comments`,
          polarity: "marker",
        };
      }
      return { score: 0, reason: null };
    case "description": {
      // Short phrases ("main MCU", "decoupling cap") describe as well as long text does.
      const score = Math.max(p.prose * 0.6, p.phrase * 0.5);
      return p.prose >= 0.5 || p.phrase >= 0.6
        ? { score, reason: `${percent(Math.max(p.prose, p.phrase))} of cells are descriptive text` }
        : { score: 0, reason: null };
    }
    case "mount_type":
      return p.mountWords >= 0.8
        ? { score: p.mountWords * 0.8, reason: `${percent(p.mountWords)} of cells are SMD/THT` }
        : { score: 0, reason: null };
    default:
      return { score: 0, reason: null };
  }
}

/**
 * How plausible the contents are for a field its header names: 1 when they fit or say
 * nothing, lower when they are plainly something else (designators under "Part No.", order
 * codes under "Part Number", part numbers under "Line Item").
 */
function compatibility(
  field: BomField,
  context: ColumnContext,
  match: HeaderMatch,
): { factor: number; reason: string | null } {
  const p = context.profile;
  if (p.filled === 0) return { factor: field === "link" ? 0.8 : 0.9, reason: null };
  // Designators, links and order codes are unmistakable: no other field holds them.
  const distinct: [number, string, BomField][] = [
    [p.refdes, "designators", "reference_designators"],
    [p.url, "links", "link"],
    [p.sku, "distributor order codes", "distributor_sku"],
  ];
  for (const [share, what, owner] of distinct) {
    if (owner === field || share < 0.6) continue;
    if (field === "do_not_place" && owner === "reference_designators") continue;
    if (field === "alternative_mpns" && owner === "distributor_sku") continue;
    return {
      factor: Math.max(0.15, 1 - share),
      reason: `but ${percent(share)} of cells are ${what}`,
    };
  }
  switch (field) {
    case "quantity":
      return p.quantityLike >= 0.6
        ? { factor: 1, reason: null }
        : {
            factor: Math.max(0.2, p.quantityLike),
            reason: `but only ${percent(p.quantityLike)} of cells are numbers`,
          };
    case "line_number":
      // "Item: ESP32-S3 development board": an item's name is no line number.
      if (p.integer < 0.5 && p.prose + p.phrase >= 0.5)
        return {
          factor: 0.1,
          reason: `but ${percent(Math.min(1, p.prose + p.phrase))} of cells name things`,
        };
      return p.integer >= 0.8 || p.mpn < 0.5
        ? { factor: 1, reason: null }
        : { factor: 0.1, reason: `but ${percent(p.mpn)} of cells look like part numbers` };
    case "reference_designators":
      return p.refdes >= 0.4 || p.prose < 0.5
        ? { factor: p.refdes >= 0.4 ? 1 : 0.6, reason: null }
        : { factor: 0.35, reason: `but ${percent(p.prose)} of cells are descriptive text` };
    case "mpn":
    case "alternative_mpns": {
      // "Substitution: any part meeting the spec": advice about substitutes names no part.
      if (field === "alternative_mpns" && p.mpn < 0.3 && p.prose + p.phrase >= 0.5)
        return {
          factor: 0.2,
          reason: `but ${percent(p.prose + p.phrase)} of cells are sentences, not part numbers`,
        };
      const conflict = context.valueConflict ?? 0;
      if (conflict >= 0.25)
        return {
          factor: Math.max(0.15, 1 - 2 * conflict),
          reason: `but on ${percent(conflict)} of rows the same text stands for different values (a footprint or library name)`,
        };
      const against = Math.max(p.manufacturer * 0.9, p.sequential ? 1 : 0, p.prose * 0.6);
      return against >= 0.5
        ? {
            factor: Math.max(0.2, 1 - against),
            reason: "but the cells do not look like part numbers",
          }
        : { factor: 1, reason: null };
    }
    case "manufacturer_name":
      // "Vendor" or "Supplier" over shop names is the shop; "Manufacturer" is what the user meant.
      if (p.sellerName >= 0.5 && match.ambiguous)
        return {
          factor: Math.max(0.15, 1 - p.sellerName),
          reason: `but ${percent(p.sellerName)} of cells name distributors, not manufacturers`,
        };
      return p.mpn >= 0.6 && p.manufacturer < 0.2
        ? { factor: 0.4, reason: `but ${percent(p.mpn)} of cells look like part numbers` }
        : { factor: 1, reason: null };
    case "package":
      // "Cap MLCC 0.1uF 50V X7R P5.08mm Radial" under "Footprint" describes the part.
      return p.prose >= 0.5 && p.packageLike < 0.5
        ? {
            factor: Math.max(0.2, 1 - p.prose),
            reason: `but ${percent(p.prose)} of cells are descriptive text`,
          }
        : { factor: 1, reason: null };
    case "link":
      return p.url >= 0.3
        ? { factor: 1, reason: null }
        : { factor: 0.35, reason: "but the cells are not links" };
    case "do_not_place":
      return p.dnpWords >= 0.6 || p.refdes >= 0.5 || p.dnpPhrase > 0
        ? { factor: 1, reason: null }
        : { factor: 0.5, reason: "but the cells are not DNP marks" };
    default:
      return { factor: 1, reason: null };
  }
}

/** Every field this column could hold, with its score and reasons. */
export function columnEvidence(
  fields: readonly BomField[],
  context: ColumnContext,
): PairEvidence[] {
  const found: PairEvidence[] = [];
  const header = context.header.trim();
  const fill = fillFactor(context.profile);
  const weight = contentWeight(context.profile);
  for (const field of fields) {
    const match = context.unlabelled ? undefined : context.matches.find((m) => m.field === field);
    const evidence = contentEvidence(field, context);
    const sure = SPARSE_BY_NATURE.has(field) ? 0.5 + 0.5 * sampleSure(context.profile) : weight;
    const content = { score: evidence.score * sure, reason: evidence.reason };
    const reasons: string[] = [];
    let score: number;
    if (match) {
      const compat = compatibility(field, context, match);
      // Contradicting cells count as far as there are enough of them to be sure.
      compat.factor = 1 - (1 - compat.factor) * sampleSure(context.profile);
      let headerPart = match.score * compat.factor * (SPARSE_BY_NATURE.has(field) ? 1 : fill);
      // An ambiguous word ("Part", "Comment", "Name") counts only as far as the cells agree.
      if (match.ambiguous && context.profile.filled > 0)
        headerPart *= Math.min(1, 0.5 + content.score);
      score = headerPart + 0.15 * content.score;
      reasons.push(match.reason ?? `header "${header}" names ${FIELD_LABELS[field]}`);
      if (compat.reason) reasons.push(compat.reason);
    } else if (context.otherProperty && !context.unlabelled) {
      // "R90" under "Orientation" or "Yes" under "Optional?" is what the header says it is.
      continue;
    } else {
      // Contents alone; a column whose header clearly names another field is trusted less,
      // unless the cells plainly contradict that header (descriptions under "Footprint").
      const named =
        !context.unlabelled &&
        context.matches.some(
          (m) => !m.ambiguous && m.score >= 0.8 && compatibility(m.field, context, m).factor >= 0.5,
        );
      score = 0.7 * content.score * (named ? 0.75 : 1);
    }
    if (content.reason) reasons.push(content.reason);
    if (context.profile.errors > 0.5) {
      score *= 0.3;
      reasons.push(`${percent(context.profile.errors)} of cells are formula errors`);
    }
    if (score <= 0) continue;
    found.push({
      field,
      score,
      headerScore: match?.score ?? 0,
      contentScore: content.score,
      ambiguous: match ? match.ambiguous : true,
      index: match?.index ?? null,
      fill: context.profile.fill,
      ...(match?.polarity
        ? { polarity: match.polarity }
        : evidence.polarity
          ? { polarity: evidence.polarity }
          : {}),
      reasons,
    });
  }
  return found.sort((a, b) => b.score - a.score);
}
