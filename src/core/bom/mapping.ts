/**
 * Column auto-mapping: each field gets the column whose header names it best (confirmed by the
 * contents where the header is ambiguous), unlabelled columns are judged by their contents,
 * a saved mapping or a user's override wins, and further columns of a field become extras
 * (a second MPN column: the alternates).
 */
import {
  BOM_FIELDS,
  type BomField,
  type BomReadOptions,
  type ColumnMapping,
  type DnpPolarity,
  type FieldAssignment,
  type Grid,
  type MappingSource,
  type SavedMapping,
} from "./types";

/** EDA library columns: the device or symbol a CAD tool placed, named after its library. */
const LIBRARY_HEADERS = new Set(["library", "lib", "library name", "source library"]);
const LIBRARY_ITEM_HEADERS = new Set([
  "device",
  "symbol",
  "lib ref",
  "libref",
  "library reference",
]);

/**
 * A sheet that lists each part's CAD library (Eagle's part list: Part, Value, Device,
 * Package, Library) names library devices under "Device": CAD names, not MPNs, however much
 * they look like part numbers ("C-EUC0805", "MAX3232CPE").
 */
function dropLibraryNames(headers: readonly string[], evidence: Map<number, PairEvidence[]>): void {
  const normalized = headers.map(normalizeHeader);
  if (!normalized.some((header) => LIBRARY_HEADERS.has(header))) return;
  for (const [column, pairs] of evidence) {
    if (!LIBRARY_ITEM_HEADERS.has(normalized[column] ?? "")) continue;
    evidence.set(
      column,
      pairs.filter((pair) => pair.field !== "mpn" && pair.field !== "alternative_mpns"),
    );
  }
}

/**
 * A notes column where some notes say "not populated" is the sheet's do-not-place column when
 * no other column is: read so, it marks those parts and still keeps every note as a comment.
 */
function preferDnpNotes(
  evidence: Map<number, PairEvidence[]>,
  profiles: readonly ColumnProfile[],
): void {
  const candidates: number[] = [];
  for (const [column, pairs] of evidence) {
    const dnp = pairs.find((pair) => pair.field === "do_not_place");
    if (!dnp) continue;
    const notes = dnp.polarity === "marker" && (profiles[column]?.dnpPhrase ?? 0) > 0;
    if (!notes && dnp.score >= MIN_SCORE) return;
    if (notes) candidates.push(column);
  }
  if (candidates.length !== 1) return;
  const column = candidates[0] as number;
  const pairs = evidence.get(column) as PairEvidence[];
  const comments = pairs.find((pair) => pair.field === "comments");
  if (!comments) return;
  evidence.set(
    column,
    pairs
      .filter((pair) => pair.field !== "comments")
      .map((pair) =>
        pair.field === "do_not_place"
          ? {
              ...pair,
              score: Math.max(pair.score, comments.score + 0.01),
              reasons: [...pair.reasons, `preferred to comments: the notes are kept as comments`],
            }
          : pair,
      ),
  );
}

/** For each field, the columns its header names as well as a column further left. */
function secondaryColumns(
  fields: readonly BomField[],
  evidence: ReadonlyMap<number, PairEvidence[]>,
): Map<BomField, Set<number>> {
  const secondary = new Map<BomField, Set<number>>();
  for (const field of fields) {
    const named: { column: number; headerScore: number; fill: number }[] = [];
    for (const [column, pairs] of evidence) {
      const pair = pairs.find((e) => e.field === field);
      // Only a clear header whose cells do not contradict it takes part.
      if (!pair || pair.ambiguous || pair.headerScore < 0.85 || pair.score < 0.6 * pair.headerScore)
        continue;
      named.push({ column, headerScore: pair.headerScore, fill: pair.fill });
    }
    named.sort((a, b) => a.column - b.column);
    // "Octopart URL" and "URL" name a link about equally well: the left-most is the primary.
    // Quantities are told apart by their numbers instead ("Total Qty" is no board quantity).
    const slack = field === "quantity" ? 0 : NEAR_HEADER_SCORE;
    const bestScore = Math.max(0, ...named.map((e) => e.headerScore));
    const near = named.filter((e) => e.headerScore >= bestScore - slack);
    const [top, ...rest] = near;
    if (!top) continue;
    // A much fuller column further right is the real one (an empty template column first).
    const fuller = rest.filter((e) => e.fill * 0.5 > top.fill);
    if (fuller.length === 0 && rest.length > 0)
      secondary.set(field, new Set(rest.map((e) => e.column)));
  }
  return secondary;
}

/** The strongest rival of a chosen pair: the field elsewhere, or another field here. */
function runnerUpOf(
  field: BomField,
  column: number,
  evidence: ReadonlyMap<number, PairEvidence[]>,
): { field: BomField; column: number; score: number } | null {
  let best: { field: BomField; column: number; score: number } | null = null;
  for (const [c, pairs] of evidence) {
    for (const pair of pairs) {
      const rival = (c === column) !== (pair.field === field);
      if (rival && pair.score > (best?.score ?? 0))
        best = { field: pair.field, column: c, score: pair.score };
    }
  }
  return best;
}
import { matchHeader } from "./aliases";
import { cellText, gridWidth } from "./cells";
import { isValueLike, profileColumn, type ColumnProfile } from "./content";
import { isUnlabelledHeader, normalizeHeader, splitHeaderIndex } from "./normalize";
import { isOtherProperty } from "./lexicon/other-properties";
import { readDnpCell } from "./dnp";
import { columnEvidence, type PairEvidence } from "./evidence";
import { bestAssignment } from "./assign";
import { columnLetters } from "../column-letters";
import { FIELD_LABELS } from "../field-labels";
import { designatorAgreements, passiveValues, valueConflicts } from "./consistency";
import { isShiftedRight } from "./header-shift";

/** Header scores this close name a field equally well. */
const NEAR_HEADER_SCORE = 0.1;
/** Below this a pair is not used at all. */
/** "Orientation", "Lead Time", "Image 2": a header that names a property no BOM field holds. */
function namesOtherProperty(header: string): boolean {
  const normalized = normalizeHeader(header);
  return isOtherProperty(normalized) || isOtherProperty(splitHeaderIndex(normalized).base);
}

const MIN_SCORE = 0.25;
/** A header at least this sure makes a further column of an assigned field an extra. */
const EXTRA_MIN_SCORE = 0.85;

export function headerTexts(grid: Grid, headerRow: number | null, width: number): string[] {
  const row = headerRow === null ? [] : (grid[headerRow] ?? []);
  return Array.from({ length: width }, (_, c) => cellText(row[c]));
}

/** Normalized header texts: how a saved mapping recognises the same kind of sheet. */
export function headerSignature(headers: readonly string[]): string {
  const parts = headers.map(normalizeHeader);
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts.length === 0 ? `(no header, ${headers.length} columns)` : parts.join("|");
}

function emptyAssignment(): FieldAssignment {
  return { column: null, header: null, confidence: 0, source: null };
}

/** A saved field value: the header text, or "@N" for a column without header text. */
function resolveSavedColumn(
  text: string,
  headers: readonly string[],
  taken: Set<number>,
): number | null {
  const positional = /^@(\d+)$/.exec(text);
  if (positional) {
    const column = Number(positional[1]);
    return column < headers.length ? column : null;
  }
  const exact = headers.findIndex((header, c) => header === text && !taken.has(c));
  if (exact >= 0) return exact;
  const wanted = normalizeHeader(text);
  const loose = headers.findIndex(
    (header, c) => normalizeHeader(header) === wanted && !taken.has(c),
  );
  return loose >= 0 ? loose : null;
}

/** The polarity a do-not-place column has when a user or a saved mapping picked it. */
function polarityOf(
  header: string,
  grid: Grid,
  dataRows: readonly number[],
  column: number,
): DnpPolarity {
  const match = matchHeader(header).find((m) => m.field === "do_not_place");
  if (match?.polarity) return match.polarity;
  // No telling header: fitted words in the cells ("Fitted", "Placed") mean fitted polarity.
  for (const r of dataRows) {
    const text = cellText(grid[r]?.[column]);
    if (text !== "" && !readDnpCell(text, "marker").dnp && readDnpCell(text, "marker").recognised) {
      return "fitted";
    }
  }
  return "dnp";
}

export interface MappingInput {
  grid: Grid;
  headerRow: number | null;
  /** Grid rows holding data (below the header, footers and blanks excluded). */
  dataRows: readonly number[];
  options?: BomReadOptions;
}

export function buildMapping({
  grid,
  headerRow,
  dataRows,
  options = {},
}: MappingInput): ColumnMapping {
  const width = gridWidth(grid);
  const firstColumn = options.firstColumn ?? 1;
  const written = headerTexts(grid, headerRow, width);
  const profiles = written.map((_, c) => profileColumn(grid, dataRows, c));
  // Data one column right of its header: read each header over the column its data is in.
  const headerShift = headerRow !== null && isShiftedRight(written, profiles) ? 1 : 0;
  const headers = headerShift === 0 ? written : ["", ...written.slice(0, width - 1)];

  const fields = {} as Record<BomField, FieldAssignment>;
  for (const field of BOM_FIELDS) fields[field] = emptyAssignment();
  const locked = new Set<BomField>();
  const taken = new Set<number>();
  const pin = (field: BomField, column: number | null, source: MappingSource) => {
    if (locked.has(field)) return;
    locked.add(field);
    if (column === null || column < 0 || column >= width || taken.has(column)) return;
    taken.add(column);
    fields[field] = { column, header: headers[column] || null, confidence: 1, source };
  };

  // 1. A user's overrides, then a saved mapping made on a sheet with the same header.
  for (const [field, column] of Object.entries(options.overrides ?? {}) as [
    BomField,
    number | null,
  ][]) {
    if (BOM_FIELDS.includes(field) && column !== undefined) pin(field, column, "user");
  }
  const saved = options.saved;
  if (saved && saved.version === 1 && saved.headerSignature === headerSignature(headers)) {
    for (const [field, text] of Object.entries(saved.fields) as [BomField, string | null][]) {
      if (!BOM_FIELDS.includes(field) || text === undefined) continue;
      pin(field, text === null ? null : resolveSavedColumn(text, headers, taken), "saved");
    }
  }

  // 2. The evidence for every free (column, field) pair.
  const freeFields = BOM_FIELDS.filter((field) => !locked.has(field));
  const freeColumns = [...Array(width).keys()].filter((c) => !taken.has(c));
  const agreement = designatorAgreements(grid, dataRows, profiles);
  const passive = passiveValues(grid, dataRows, profiles, isValueLike);
  const conflicts = valueConflicts(grid, dataRows, profiles);
  const evidence = new Map<number, PairEvidence[]>();
  for (const c of freeColumns) {
    const header = headers[c] as string;
    evidence.set(
      c,
      columnEvidence(BOM_FIELDS, {
        header,
        unlabelled: headerRow === null || isUnlabelledHeader(header),
        otherProperty: namesOtherProperty(header),
        matches: matchHeader(header),
        profile: profiles[c] as ColumnProfile,
        designatorAgreement: agreement.get(c) ?? null,
        passiveValues: passive.get(c) ?? null,
        valueConflict: conflicts.get(c) ?? 0,
      }),
    );
  }

  dropLibraryNames(headers, evidence);
  preferDnpNotes(evidence, profiles);

  // Of columns that a header names equally well ("Manufacturer" twice, "Digikey" and "LCSC"),
  // the left-most is the primary one, as exporters write them; the others become extras.
  const secondary = secondaryColumns(freeFields, evidence);

  // 3. The whole mapping at once: each field at most one column, each column at most one
  // field, maximising the total evidence (an assignment, not first match wins).
  // Pinned fields keep their evidence (for extras) but take no part in the choice.
  const utility = freeFields.map((field) =>
    freeColumns.map((c) => {
      if (secondary.get(field)?.has(c)) return 0;
      const pair = evidence.get(c)?.find((e) => e.field === field);
      // The left-most of equally good columns wins, as a reader would pick it.
      return pair ? Math.max(0, pair.score - MIN_SCORE - c * 1e-6) : 0;
    }),
  );
  let dnpPolarity: DnpPolarity | undefined;
  for (const [f, k] of bestAssignment(utility)) {
    const field = freeFields[f] as BomField;
    const column = freeColumns[k] as number;
    const pair = evidence.get(column)?.find((e) => e.field === field);
    if (!pair || pair.score < MIN_SCORE) continue;
    taken.add(column);
    const runnerUp = runnerUpOf(field, column, evidence);
    const reasons = [...pair.reasons];
    if (runnerUp) {
      reasons.push(
        `next best: ${runnerUp.field === field ? `column ${columnLetters(firstColumn + runnerUp.column)}${headers[runnerUp.column] ? ` "${headers[runnerUp.column]}"` : ""}` : `this column as ${FIELD_LABELS[runnerUp.field]}`} (${runnerUp.score.toFixed(2)} against ${pair.score.toFixed(2)})`,
      );
    }
    // Sure when the header or contents are clear AND nothing else comes close.
    const margin = (pair.score - (runnerUp?.score ?? 0)) / pair.score;
    fields[field] = {
      column,
      header: headers[column] || null,
      confidence: Math.round(Math.min(1, pair.score) * Math.min(1, 0.5 + margin) * 100) / 100,
      source:
        pair.headerScore > 0 && pair.headerScore * 0.5 >= pair.contentScore * 0.3
          ? "header"
          : "content",
      reasons,
    };
    if (field === "do_not_place") dnpPolarity = pair.polarity ?? "dnp";
  }

  // Maker names in a column no header names, on a sheet without part numbers, are tags (an EDA
  // library, a brand, a shop): a manufacturer is only worth sending beside its MPN.
  const maker = fields.manufacturer_name;
  if (
    maker.column !== null &&
    maker.source === "content" &&
    !locked.has("manufacturer_name") &&
    fields.mpn.column === null
  ) {
    taken.delete(maker.column);
    fields.manufacturer_name = emptyAssignment();
  }

  // 4. Extras: further clearly named columns of an assigned field.
  const extraColumns: Partial<Record<BomField, number[]>> = {};
  const extraMpn: number[] = [];
  for (const c of freeColumns) {
    if (taken.has(c)) continue;
    const pair = evidence
      .get(c)
      ?.find(
        (e) =>
          !e.ambiguous &&
          e.headerScore >= EXTRA_MIN_SCORE &&
          e.score >= EXTRA_MIN_SCORE * 0.6 &&
          fields[e.field].column !== null,
      );
    if (!pair) continue;
    taken.add(c);
    if (pair.field === "mpn") extraMpn.push(c);
    else (extraColumns[pair.field] ??= []).push(c);
  }
  // A second MPN column holds alternates (1-click-BOM pairs MPN columns the same way): the
  // lowest numbered copy first ("MPN2" before "MPN3", wherever the columns stand).
  const copyOf = (c: number) => evidence.get(c)?.find((e) => e.field === "mpn")?.index ?? 1;
  extraMpn.sort((a, b) => copyOf(a) - copyOf(b) || a - b);
  if (extraMpn.length > 0) {
    const alternates = fields.alternative_mpns;
    if (alternates.column === null && !locked.has("alternative_mpns")) {
      const [first, ...rest] = extraMpn as [number, ...number[]];
      fields.alternative_mpns = {
        column: first,
        header: headers[first] || null,
        confidence: 0.8,
        source: "header",
        reasons: [`a further MPN column "${headers[first]}" holds alternates`],
      };
      if (rest.length > 0) extraColumns.alternative_mpns = rest;
    } else {
      extraColumns.alternative_mpns = [...(extraColumns.alternative_mpns ?? []), ...extraMpn];
    }
  }
  for (const list of Object.values(extraColumns)) list?.sort((a, b) => a - b);

  const dnpColumn = fields.do_not_place.column;
  if (
    dnpColumn !== null &&
    (fields.do_not_place.source === "user" || fields.do_not_place.source === "saved")
  ) {
    dnpPolarity = polarityOf(headers[dnpColumn] as string, grid, dataRows, dnpColumn);
  }
  return {
    headerRow,
    fields,
    extraColumns,
    ...(headerShift !== 0 ? { headerShift } : {}),
    ...(dnpColumn !== null ? { dnpPolarity: dnpPolarity ?? "dnp" } : {}),
  };
}

/** The mapping as it is saved with a workbook, keyed by header text. */
export function toSavedMapping(mapping: ColumnMapping, grid: Grid): SavedMapping {
  const width = gridWidth(grid);
  const written = headerTexts(grid, mapping.headerRow, width);
  const headers = mapping.headerShift ? ["", ...written.slice(0, width - 1)] : written;
  const fields: Partial<Record<BomField, string | null>> = {};
  for (const field of BOM_FIELDS) {
    const column = mapping.fields[field].column;
    fields[field] = column === null ? null : headers[column] || `@${column}`;
  }
  return { version: 1, headerSignature: headerSignature(headers), fields };
}
