/**
 * Turning data rows into Cofactr raw bomlines, with an issue for everything that is wrong on a
 * row (naming the sheet row and the field). A line with a bad cell is still produced: the bad
 * field is left null (or, for text over 255 characters, shortened with the full text kept in
 * the line's metadata), and the issue says so. Nothing is dropped or changed without an issue.
 */
import { COFACTR_MAX_STRING, type CreateRawBomLine } from "../cofactr";
import type {
  BomField,
  BomIssue,
  CellValue,
  ColumnMapping,
  DnpPolarity,
  Grid,
  IssueSeverity,
  SkippedRow,
} from "./types";
import { cellText, isErrorValue, isPlaceholder } from "./cells";
import { splitMakerAndMpn } from "./content";
import { compressRefdes } from "./refdes";
import { readDesignators } from "./designators";
import { parseQuantity } from "./quantity";
import { FIELD_LABELS } from "../field-labels";
import { hasDnpMarker, isDnpVocabulary, isDnpWord, readDnpCell, readYesNo } from "./dnp";

export interface LineBuildInput {
  grid: Grid;
  mapping: ColumnMapping;
  /** Grid rows below the header that are part rows (blanks and footers already taken out). */
  dataRows: readonly number[];
  /** Sheet row and column of the grid's first cell (1-based). */
  firstRow: number;
  firstColumn: number;
}

export interface LineBuildOutput {
  lines: CreateRawBomLine[];
  lineRows: number[];
  issues: BomIssue[];
  skippedRows: SkippedRow[];
}

type TextField =
  | "line_number"
  | "manufacturer_name"
  | "mpn"
  | "custom_id"
  | "description"
  | "value"
  | "package"
  | "link"
  | "mount_type"
  | "comments";

const TEXT_FIELDS: readonly TextField[] = [
  "line_number",
  "manufacturer_name",
  "mpn",
  "custom_id",
  "description",
  "value",
  "package",
  "link",
  "mount_type",
  "comments",
];

/** Part numbers and codes: a long number there has probably lost digits in Excel. */
const IDENTIFIER_FIELDS = new Set<BomField>([
  "mpn",
  "custom_id",
  "alternative_mpns",
  "distributor_sku",
]);

/** Alternates in one cell: ";", "|", newlines, or ", " (a comma inside an MPN has no space). */
const ALTERNATE_SEPARATORS = /\s*[;|\n]\s*|,\s+/;

function shortenAtBoundary(text: string, limit: number): string {
  const cut = text.lastIndexOf(", ", limit - 1);
  return `${text.slice(0, cut > 0 ? cut : limit - 1)}…`;
}

class RowReader {
  readonly issues: BomIssue[] = [];
  readonly metadata: Record<string, unknown> = {};

  constructor(
    private readonly row: readonly CellValue[],
    readonly sheetRow: number,
    private readonly firstColumn: number,
  ) {}

  issue(field: BomField | null, severity: IssueSeverity, message: string, column?: number | null) {
    const issue: BomIssue = { row: this.sheetRow, field, severity, message };
    if (column != null) issue.column = this.firstColumn + column;
    this.issues.push(issue);
  }

  raw(column: number | null): CellValue {
    return column === null ? null : this.row[column];
  }

  /** The cell's text, or null for empty cells, placeholders and formula errors (reported). */
  text(field: BomField, column: number | null): string | null {
    if (column === null) return null;
    const cell = this.row[column];
    if (isErrorValue(cell)) {
      this.issue(
        field,
        "error",
        `${FIELD_LABELS[field]}: the cell's formula returned ${cellText(cell)}; the field is sent empty`,
        column,
      );
      return null;
    }
    if (typeof cell === "number" && IDENTIFIER_FIELDS.has(field) && Math.abs(cell) >= 1e15) {
      this.issue(
        field,
        "warning",
        `${FIELD_LABELS[field]}: the cell holds the number ${cellText(cell)}; Excel keeps only 15 digits of a number, so digits may be lost: format the column as Text and type it again`,
        column,
      );
    }
    const text = cellText(cell);
    return text === "" || isPlaceholder(text) ? null : text;
  }

  /** Like text(), and text over Cofactr's 255-character limit is shortened (full text kept). */
  limited(field: TextField, column: number | null): string | null {
    const text = this.text(field, column);
    if (text === null || text.length <= COFACTR_MAX_STRING) return text;
    this.metadata[`${field}_full`] = text;
    this.issue(
      field,
      "warning",
      `${FIELD_LABELS[field]} is ${text.length} characters; Cofactr takes ${COFACTR_MAX_STRING}, so it is shortened and the full text is kept in metadata.${field}_full`,
      column,
    );
    return `${text.slice(0, COFACTR_MAX_STRING - 1)}…`;
  }
}

export function buildLines({
  grid,
  mapping,
  dataRows,
  firstRow,
  firstColumn,
}: LineBuildInput): LineBuildOutput {
  const columns = {} as Record<BomField, number | null>;
  for (const [field, assignment] of Object.entries(mapping.fields)) {
    columns[field as BomField] = assignment.column;
  }
  const column = (field: BomField) => columns[field];
  const lines: CreateRawBomLine[] = [];
  const lineRows: number[] = [];
  const issues: BomIssue[] = [];
  const skippedRows: SkippedRow[] = [];
  const refOwners = new Map<string, number>();
  const polarity: DnpPolarity = mapping.dnpPolarity ?? "dnp";
  const skuColumns = [
    column("distributor_sku"),
    ...(mapping.extraColumns.distributor_sku ?? []),
  ].filter((c): c is number => c !== null);
  const alternateColumns = [
    column("alternative_mpns"),
    ...(mapping.extraColumns.alternative_mpns ?? []),
  ].filter((c): c is number => c !== null);
  const mappedColumns = new Set<number>(
    [
      ...Object.values(mapping.fields).map((f) => f.column),
      ...skuColumns,
      ...alternateColumns,
    ].filter((c): c is number => c !== null),
  );
  const mappedColumnList = [...mappedColumns];
  const headerRow = mapping.headerRow === null ? null : (grid[mapping.headerRow] ?? []);
  const headerText = (c: number) =>
    (headerRow ? cellText(headerRow[c]) : "") || `column ${firstColumn + c}`;
  const hasQuantity = column("quantity") !== null;
  const hasRefdes = column("reference_designators") !== null;

  for (const r of dataRows) {
    const row = grid[r] ?? [];
    const sheetRow = firstRow + r;
    let anyMapped = false;
    for (const c of mappedColumnList) {
      const text = cellText(row[c]);
      if (text !== "" && !isPlaceholder(text)) {
        anyMapped = true;
        break;
      }
    }
    if (!anyMapped) {
      skippedRows.push({ row: sheetRow, reason: "no-mapped-data" });
      issues.push({
        row: sheetRow,
        field: null,
        severity: "warning",
        message: "the row has values only in unmapped columns, so it is not read as a line",
      });
      continue;
    }
    const reader = new RowReader(row, sheetRow, firstColumn);
    const read = readLine(reader, polarity, {
      columns,
      skuColumns,
      alternateColumns,
      headerText,
      hasQuantity,
      hasRefdes,
    });
    const line = read.line;

    // The same designator on two lines is almost always a mistake in the BOM.
    for (const ref of line.reference_designators ?? []) {
      const key = ref.toUpperCase();
      const owner = refOwners.get(key);
      if (owner === undefined) refOwners.set(key, sheetRow);
      else
        reader.issue(
          "reference_designators",
          "warning",
          `${ref} is also on row ${owner}`,
          column("reference_designators"),
        );
    }
    const metadata = line.metadata as Record<string, unknown>;
    for (const key in reader.metadata) metadata[key] = reader.metadata[key];
    metadata.source_row = sheetRow;
    const parts = read.dnpRefs
      ? splitPartialDnp(line, read.dnpRefs, reader, column("do_not_place"))
      : [line];
    for (const part of parts) {
      lines.push(part);
      lineRows.push(sheetRow);
    }
    issues.push(...reader.issues);
  }
  return { lines, lineRows, issues, skippedRows };
}

interface LineContext {
  /** Each field's column, looked up once per sheet rather than per row. */
  columns: Record<BomField, number | null>;
  skuColumns: number[];
  alternateColumns: number[];
  headerText: (column: number) => string;
  hasQuantity: boolean;
  hasRefdes: boolean;
}

function readLine(
  reader: RowReader,
  polarity: DnpPolarity,
  context: LineContext,
): { line: CreateRawBomLine; dnpRefs?: string[] } {
  const columns = context.columns;
  const text: Partial<Record<TextField, string | null>> = {};
  for (const field of TEXT_FIELDS) text[field] = reader.limited(field, columns[field]);

  // Reference designators.
  const refColumn = columns["reference_designators"];
  const refText = reader.text("reference_designators", refColumn);
  const writtenQuantity =
    columns["quantity"] === null ? null : parseQuantity(reader.raw(columns["quantity"]));
  const expansion =
    refText === null
      ? { refs: [], labels: [], problems: [] }
      : readDesignators(refText, writtenQuantity?.kind === "ok" ? writtenQuantity.value : null);
  if (expansion.labels.length > 0) {
    const labels = expansion.labels.map((label) => `"${label}"`).join(", ");
    reader.metadata.reference_labels = expansion.labels.join(", ");
    reader.issue(
      "reference_designators",
      "warning",
      `reference designators: ${labels} ${expansion.labels.length === 1 ? "is a label, not a designator" : "are labels, not designators"}; kept in metadata.reference_labels`,
      refColumn,
    );
  }
  for (const problem of expansion.problems)
    reader.issue(
      "reference_designators",
      "warning",
      `reference designators: ${problem}`,
      refColumn,
    );
  const refs = expansion.refs.map((ref) => {
    if (ref.length <= COFACTR_MAX_STRING) return ref;
    reader.issue(
      "reference_designators",
      "error",
      `a ${ref.length}-character reference designator is not a designator; it is shortened to ${COFACTR_MAX_STRING}`,
      refColumn,
    );
    return `${ref.slice(0, COFACTR_MAX_STRING - 1)}…`;
  });

  // Do not place: the DNP/fitted column, or "DNP" written in the value or as the MPN.
  let doNotPlace = false;
  const dnpColumn = columns["do_not_place"];
  const dnpText = reader.text("do_not_place", dnpColumn);
  // A DNP column that lists designators ("J9,J13"): those refs are not placed.
  const dnpRefs = dnpText === null ? null : listedDesignators(dnpText);
  let splitRefs: string[] | undefined;
  if (dnpRefs !== null) {
    const onLine = new Set(refs.map((ref) => ref.toUpperCase()));
    const listed = dnpRefs.filter((ref) => onLine.has(ref.toUpperCase()));
    const stray = dnpRefs.filter((ref) => !onLine.has(ref.toUpperCase()));
    if (stray.length > 0)
      reader.issue(
        "do_not_place",
        "warning",
        `do-not-place lists ${stray.join(", ")}, which ${stray.length === 1 ? "is" : "are"} not on this line`,
        dnpColumn,
      );
    if (refs.length === 0 || listed.length === refs.length)
      doNotPlace = listed.length > 0 || refs.length === 0;
    else if (listed.length > 0) splitRefs = listed;
  } else if (dnpText !== null) {
    const reading = readDnpCell(dnpText, polarity);
    doNotPlace = reading.dnp;
    // A notes column read for its DNP phrases: the note itself is still the line's comment.
    if (polarity === "marker" && columns["comments"] === null && !isDnpVocabulary(dnpText))
      text.comments = reader.limited("comments", dnpColumn);
    if (!reading.recognised) {
      reader.issue(
        "do_not_place",
        "warning",
        `${FIELD_LABELS.do_not_place}: "${dnpText}" is not a word this column uses; the part is read as ${reading.dnp ? "not placed" : "placed"}`,
        dnpColumn,
      );
    }
  }
  // "DNP" written as the MPN or in the value. A mapped DNP/fitted column has the last word:
  // a contradicting marker is then reported, not obeyed.
  const dnpHeader = dnpColumn === null ? null : context.headerText(dnpColumn);
  const marker =
    text.mpn && isDnpWord(text.mpn)
      ? { field: "mpn" as const, text: text.mpn }
      : text.value && hasDnpMarker(text.value)
        ? { field: "value" as const, text: text.value }
        : null;
  if (marker?.field === "mpn") text.mpn = null;
  if (marker && !doNotPlace) {
    const where = `${marker.field === "mpn" ? "MPN" : "value"} "${marker.text}"`;
    if (dnpColumn === null) {
      doNotPlace = true;
      reader.issue(
        "do_not_place",
        "info",
        `${where} marks the line do-not-place`,
        columns[marker.field],
      );
    } else {
      reader.issue(
        "do_not_place",
        "warning",
        `${where} suggests do-not-place, but the "${dnpHeader}" column ${dnpText === null ? "is empty" : `says "${dnpText}"`}; the line is read as placed`,
        columns[marker.field],
      );
    }
  } else if (marker?.field === "mpn") {
    reader.issue(
      "mpn",
      "info",
      `MPN "${marker.text}" is a do-not-place marker, not a part number; no MPN is sent`,
      columns["mpn"],
    );
  }

  // Quantity: as written; from the refdes count when empty; never silently changed.
  const quantityColumn = columns["quantity"];
  const reading =
    quantityColumn === null
      ? ({ kind: "empty" } as const)
      : parseQuantity(reader.raw(quantityColumn));
  let quantity: number;
  if (quantityColumn !== null && isErrorValue(reader.raw(quantityColumn))) {
    quantity = refs.length > 0 ? refs.length : 1;
    const source = refs.length > 0 ? "the number of reference designators" : "a default";
    const error = cellText(reader.raw(quantityColumn));
    reader.issue(
      "quantity",
      "error",
      `quantity: the cell's formula returned ${error}; ${quantity} is sent (${source})`,
      quantityColumn,
    );
  } else if (reading.kind === "ok") {
    quantity = reading.value;
    if (reading.warning)
      reader.issue("quantity", "warning", `quantity: ${reading.warning}`, quantityColumn);
  } else if (reading.kind === "invalid") {
    quantity = reading.value ?? (refs.length > 0 ? refs.length : 1);
    const why =
      reading.value !== null
        ? ""
        : refs.length > 0
          ? " (the number of reference designators)"
          : " (a default)";
    reader.issue(
      "quantity",
      "error",
      `quantity: ${reading.message}${reading.value === null ? `; ${quantity} is sent${why}` : ""}`,
      quantityColumn,
    );
  } else if (refs.length > 0) {
    quantity = refs.length;
  } else {
    quantity = 1;
    if (context.hasQuantity || context.hasRefdes) {
      reader.issue(
        "quantity",
        "warning",
        "no quantity and no reference designators; quantity 1 is sent",
        quantityColumn ?? refColumn,
      );
    }
  }
  if (reading.kind !== "empty" && refs.length > 0 && quantity !== refs.length) {
    reader.issue(
      "quantity",
      "warning",
      `quantity ${quantity} does not match the ${refs.length} reference designators`,
      quantityColumn,
    );
  }

  if (text.mpn === null && columns["mpn"] !== null) {
    reader.issue(
      "mpn",
      doNotPlace ? "info" : "warning",
      doNotPlace
        ? "no MPN (the line is do-not-place)"
        : "no MPN: Cofactr cannot match this line to a part",
      columns["mpn"],
    );
  }

  // Alternates: further MPN columns and lists ("A; B", "A, B").
  const alternatives: string[] = [];
  const seen = new Set<string>(text.mpn ? [text.mpn.toUpperCase()] : []);
  for (const c of context.alternateColumns) {
    const cell = reader.text("alternative_mpns", c);
    if (cell === null) continue;
    for (const part of cell.split(ALTERNATE_SEPARATORS)) {
      const mpn = part.trim();
      if (mpn === "" || isPlaceholder(mpn) || seen.has(mpn.toUpperCase())) continue;
      seen.add(mpn.toUpperCase());
      // Cofactr sets no length on alternates: a long one is sent as written, and said.
      if (mpn.length > COFACTR_MAX_STRING) {
        reader.issue(
          "alternative_mpns",
          "warning",
          `${FIELD_LABELS.alternative_mpns}: an alternate of ${mpn.length} characters is longer than any real MPN; it is sent as written`,
          c,
        );
      }
      alternatives.push(mpn);
    }
  }

  // Custom part: a yes/no column (Cofactr's importer reads one); left out when not mapped.
  const customColumn = columns["is_custom_part"];
  const customText = reader.text("is_custom_part", customColumn);
  const isCustomPart = customText === null ? null : readYesNo(customText);
  if (customText !== null && isCustomPart === null) {
    reader.issue(
      "is_custom_part",
      "warning",
      `${FIELD_LABELS.is_custom_part}: "${customText}" is neither yes nor no; the line is sent without it`,
      customColumn,
    );
  }

  // Distributor SKUs go to metadata: the first mapped one as distributor_sku, all by header.
  const metadata: Record<string, unknown> = {};
  const skus: Record<string, string> = {};
  for (const c of context.skuColumns) {
    const sku = reader.text("distributor_sku", c);
    if (sku === null) continue;
    if (metadata.distributor_sku === undefined) metadata.distributor_sku = sku;
    skus[context.headerText(c)] = sku;
  }
  if (Object.keys(skus).length > 1) metadata.distributor_skus = skus;

  // "Murata GRM188R71H104KA93D" under MPN on a line without a maker of its own: the maker is
  // read off the front; the cell as written stays in the metadata.
  const makerAndMpn = text.mpn && !text.manufacturer_name ? splitMakerAndMpn(text.mpn) : null;
  if (makerAndMpn) metadata.mpn_as_written = text.mpn;

  const line: CreateRawBomLine = {
    line_number: text.line_number ?? null,
    mpn: makerAndMpn?.mpn ?? text.mpn ?? null,
    manufacturer_name: makerAndMpn?.maker ?? text.manufacturer_name ?? null,
    custom_id: text.custom_id ?? null,
    alternative_mpns: alternatives,
    quantity,
    description: text.description ?? null,
    value: text.value ?? null,
    package: text.package ?? null,
    link: text.link ?? null,
    comments: text.comments ?? null,
    mount_type: text.mount_type ?? null,
    do_not_place: doNotPlace,
    metadata,
  };
  if (isCustomPart !== null) line.is_custom_part = isCustomPart;
  if (refs.length > 0) {
    line.reference_designators = refs;
    line.reference_designators_string = refdesString(refText as string, refs, reader, refColumn);
  }
  return splitRefs ? { line, dnpRefs: splitRefs } : { line };
}

/** The designators a DNP cell lists, or null when the cell is a mark (DNP, No, x…). */
function listedDesignators(text: string): string[] | null {
  const reading = readDesignators(text, null);
  return reading.refs.length > 0 && reading.labels.length === 0 ? reading.refs : null;
}

/**
 * A line only some of whose designators are not placed becomes two lines with the same part:
 * the placed refs, and the listed ones marked do-not-place (Cofactr marks whole lines).
 */
function splitPartialDnp(
  line: CreateRawBomLine,
  dnpRefs: readonly string[],
  reader: RowReader,
  dnpColumn: number | null,
): [CreateRawBomLine, CreateRawBomLine] {
  const listed = new Set(dnpRefs.map((ref) => ref.toUpperCase()));
  const all = line.reference_designators ?? [];
  const placed = all.filter((ref) => !listed.has(ref.toUpperCase()));
  const unplaced = all.filter((ref) => listed.has(ref.toUpperCase()));
  const quantityMatchedRefs = line.quantity === all.length;
  reader.issue(
    "do_not_place",
    "info",
    `${unplaced.join(", ")} ${unplaced.length === 1 ? "is" : "are"} not placed but ${placed.join(", ")} ${placed.length === 1 ? "is" : "are"}: the line is sent as two lines of the same part`,
    dnpColumn,
  );
  const placedLine: CreateRawBomLine = {
    ...line,
    reference_designators: placed,
    reference_designators_string: placed.join(", "),
    quantity: quantityMatchedRefs ? placed.length : line.quantity,
    metadata: { ...(line.metadata ?? {}) },
  };
  const dnpLine: CreateRawBomLine = {
    ...line,
    reference_designators: unplaced,
    reference_designators_string: unplaced.join(", "),
    quantity: unplaced.length,
    do_not_place: true,
    metadata: { ...(line.metadata ?? {}), split_from_line: line.line_number ?? null },
  };
  return [placedLine, dnpLine];
}

/** The designators as text within 255 characters: as written, else compressed, else cut. */
function refdesString(
  written: string,
  refs: string[],
  reader: RowReader,
  column: number | null,
): string {
  const tidy = written.replace(/\s*\n\s*/g, ", ").trim();
  if (tidy.length <= COFACTR_MAX_STRING) return tidy;
  const compressed = compressRefdes(refs);
  if (compressed.length <= COFACTR_MAX_STRING) return compressed;
  reader.issue(
    "reference_designators",
    "warning",
    `the ${refs.length} reference designators take ${compressed.length} characters even as ranges; Cofactr takes ${COFACTR_MAX_STRING}, so the text is cut (the full list is sent in reference_designators)`,
    column,
  );
  return shortenAtBoundary(compressed, COFACTR_MAX_STRING);
}
