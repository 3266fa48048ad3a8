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
import { matchHeader } from "./aliases";
import { cellText, gridWidth } from "./cells";
import { contentAgrees, guessFromContent, profileColumn, type ColumnProfile } from "./content";
import { isUnlabelledHeader, normalizeHeader } from "./normalize";
import { readDnpCell } from "./dnp";

interface Candidate {
  column: number;
  field: BomField;
  /** The header's own score (before contents and fill are weighed). */
  headerScore: number;
  /** What the assignment goes by: header score × fill × contents. */
  effective: number;
  ambiguous: boolean;
  index: number | null;
  polarity?: DnpPolarity;
  source: MappingSource;
}

/** Below this a candidate is not used at all. */
const MIN_CONFIDENCE = 0.25;
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

/** Fill weighs in so that a nearly empty copy of a column loses to a full one. */
function fillFactor(profile: ColumnProfile): number {
  if (profile.rows === 0) return 1;
  if (profile.filled === 0) return 0.5;
  return Math.min(1, 0.5 + 5 * profile.fill);
}

function headerCandidates(header: string, profile: ColumnProfile): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matchHeader(header)) {
    if (match.ambiguous && !contentAgrees(match.field, profile, match.polarity)) continue;
    let effective = match.score * fillFactor(profile);
    if (profile.errors > 0.5) effective *= 0.3;
    // Contents that contradict a clear header: MPNs under "Manufacturer" (and the reverse).
    if (match.field === "manufacturer_name" && profile.mpn >= 0.6 && profile.manufacturer < 0.2) {
      effective *= 0.4;
      found.push({
        column: profile.column,
        field: "mpn",
        headerScore: 0,
        effective: 0.65,
        ambiguous: true,
        index: null,
        source: "content",
      });
    }
    if (
      match.field === "do_not_place" &&
      !match.ambiguous &&
      profile.filled > 0 &&
      profile.dnpWords < 0.6
    ) {
      effective *= 0.5;
    }
    found.push({
      column: profile.column,
      field: match.field,
      headerScore: match.score,
      effective,
      ambiguous: match.ambiguous,
      index: match.index,
      ...(match.polarity ? { polarity: match.polarity } : {}),
      source: "header",
    });
  }
  return found;
}

function contentCandidates(profile: ColumnProfile): Candidate[] {
  return guessFromContent(profile).map((guess) => ({
    column: profile.column,
    field: guess.field,
    headerScore: 0,
    effective: guess.confidence,
    ambiguous: true,
    index: null,
    ...(guess.polarity ? { polarity: guess.polarity } : {}),
    source: "content" as const,
  }));
}

function byStrength(a: Candidate, b: Candidate): number {
  if (b.effective !== a.effective) return b.effective - a.effective;
  const ai = a.index ?? 0;
  const bi = b.index ?? 0;
  if (ai !== bi) return ai - bi;
  return a.column - b.column;
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
  const headers = headerTexts(grid, headerRow, width);
  const profiles = headers.map((_, c) => profileColumn(grid, dataRows, c));

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

  // 2. Candidates from headers, and from contents for unlabelled columns.
  const candidates: Candidate[] = [];
  for (let c = 0; c < width; c++) {
    const profile = profiles[c] as ColumnProfile;
    const header = headers[c] as string;
    if (headerRow === null || isUnlabelledHeader(header))
      candidates.push(...contentCandidates(profile));
    else candidates.push(...headerCandidates(header, profile));
  }
  candidates.sort(byStrength);

  // 3. Greedy: the surest (field, column) pairs first; one column per field and vice versa.
  let dnpPolarity: DnpPolarity | undefined;
  for (const candidate of candidates) {
    if (candidate.effective < MIN_CONFIDENCE) break;
    if (locked.has(candidate.field) || fields[candidate.field].column !== null) continue;
    if (taken.has(candidate.column)) continue;
    taken.add(candidate.column);
    fields[candidate.field] = {
      column: candidate.column,
      header: headers[candidate.column] || null,
      confidence: Math.round(Math.min(1, candidate.effective) * 100) / 100,
      source: candidate.source,
    };
    if (candidate.field === "do_not_place") dnpPolarity = candidate.polarity;
  }

  // 4. Extras: further clearly named columns of an assigned field.
  const extraColumns: Partial<Record<BomField, number[]>> = {};
  const extraMpn: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.ambiguous || candidate.headerScore < EXTRA_MIN_SCORE) continue;
    if (taken.has(candidate.column) || fields[candidate.field].column === null) continue;
    taken.add(candidate.column);
    if (candidate.field === "mpn") extraMpn.push(candidate);
    else (extraColumns[candidate.field] ??= []).push(candidate.column);
  }
  // A second MPN column holds alternates (1-click-BOM pairs MPN columns the same way).
  if (extraMpn.length > 0) {
    const alternates = fields.alternative_mpns;
    if (alternates.column === null && !locked.has("alternative_mpns")) {
      const [first, ...rest] = extraMpn;
      if (first) {
        fields.alternative_mpns = {
          column: first.column,
          header: headers[first.column] || null,
          confidence: Math.round(Math.min(1, first.effective) * 90) / 100,
          source: "header",
        };
      }
      if (rest.length > 0) extraColumns.alternative_mpns = rest.map((c) => c.column);
    } else {
      extraColumns.alternative_mpns = [
        ...(extraColumns.alternative_mpns ?? []),
        ...extraMpn.map((c) => c.column),
      ];
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
    ...(dnpColumn !== null ? { dnpPolarity: dnpPolarity ?? "dnp" } : {}),
  };
}

/** The mapping as it is saved with a workbook, keyed by header text. */
export function toSavedMapping(mapping: ColumnMapping, grid: Grid): SavedMapping {
  const width = gridWidth(grid);
  const headers = headerTexts(grid, mapping.headerRow, width);
  const fields: Partial<Record<BomField, string | null>> = {};
  for (const field of BOM_FIELDS) {
    const column = mapping.fields[field].column;
    fields[field] = column === null ? null : headers[column] || `@${column}`;
  }
  return { version: 1, headerSignature: headerSignature(headers), fields };
}
