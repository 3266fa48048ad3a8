/** `cofactr-bom map FILE`: how the BOM was understood, as JSON (stable format) or a summary. */
import { BOM_FIELDS, type BomField, type BomIssue, type MappingSource } from "../core/bom";
import type { CreateRawBomLine } from "../core/cofactr";
import type { CliIo } from "./io";
import { loadBom, type LoadedBom } from "./load-bom";
import { columnLetters } from "../core/column-letters";
import type { SheetFile } from "./read-sheet";

/** The `map --json` document. Other tools read it: keep its shape stable. */
export interface MapJson {
  file: string;
  /** 1-based row of the header in the file (the sheet row for XLSX), null without a header. */
  header_row: number | null;
  delimiter: SheetFile["delimiter"];
  /** Header text of each field's column ("column N" for a column without one), or null. */
  columns: Record<BomField, string | null>;
  /** How each field was mapped and why (added after `columns`, which keeps its shape). */
  mapping: Record<BomField, FieldMappingJson>;
  lines: CreateRawBomLine[];
  issues: BomIssue[];
}

/** One field of `map --json`'s `mapping`. */
export interface FieldMappingJson {
  /** 1-based column in the file (as issues number columns), or null when not mapped. */
  column: number | null;
  /** The column's header text as written, or null (unmapped, or a column without one). */
  header: string | null;
  /** 0..1: how sure the mapper is; 0 when not mapped. */
  confidence: number;
  source: MappingSource | null;
  /** Why this column: its header, its contents, and the runner-up it beat. */
  reasons: string[];
}

export function toMapJson(loaded: LoadedBom): MapJson {
  const { result } = loaded;
  const columns = {} as Record<BomField, string | null>;
  const mapping = {} as Record<BomField, FieldMappingJson>;
  for (const field of BOM_FIELDS) {
    const assignment = result.mapping.fields[field];
    const mapped = assignment.column !== null;
    columns[field] =
      assignment.column === null ? null : (assignment.header ?? `column ${assignment.column + 1}`);
    mapping[field] = {
      column: assignment.column === null ? null : assignment.column + 1,
      header: mapped ? assignment.header : null,
      confidence: mapped ? assignment.confidence : 0,
      source: mapped ? assignment.source : null,
      reasons: mapped ? (assignment.reasons ?? []) : [],
    };
  }
  return {
    file: loaded.file,
    header_row: result.headerRow,
    delimiter: loaded.sheet.delimiter,
    columns,
    mapping,
    lines: result.lines,
    issues: loaded.issues,
  };
}

const SHOWN_ISSUES = 40;

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + " ".repeat(width - text.length);
}

export function mapSummary(loaded: LoadedBom): string {
  const { result, sheet } = loaded;
  const out: string[] = [];
  const dnp = result.lines.filter((line) => line.do_not_place).length;
  const placedRefs = result.lines
    .filter((line) => !line.do_not_place)
    .reduce((sum, line) => sum + (line.reference_designators?.length ?? 0), 0);
  const where =
    sheet.delimiter === "xlsx"
      ? `sheet "${sheet.sheetName}"`
      : `delimiter ${JSON.stringify(sheet.delimiter)}`;
  out.push(`${loaded.file} (${where})`);
  out.push(
    result.headerRow === null
      ? "No header row: columns mapped by their contents."
      : `Header on row ${result.headerRow}.`,
  );
  out.push(
    `${result.lines.length} lines, ${dnp} do-not-place, ${placedRefs} placed reference designators.`,
  );
  for (const note of sheet.notes) out.push(`Note: ${note}`);
  out.push("");
  out.push(pad("Field", 24) + pad("Column", 34) + pad("Confidence", 12) + "Source");
  for (const field of BOM_FIELDS) {
    const assignment = result.mapping.fields[field];
    const column =
      assignment.column === null
        ? "—"
        : `${columnLetters(assignment.column + 1)} ${JSON.stringify(assignment.header ?? "")}`;
    const polarity =
      field === "do_not_place" && result.mapping.dnpPolarity
        ? ` (${result.mapping.dnpPolarity})`
        : "";
    out.push(
      pad(field, 24) +
        pad(column, 34) +
        pad(assignment.column === null ? "" : assignment.confidence.toFixed(2), 12) +
        (assignment.source ?? "") +
        polarity,
    );
    // The strongest reason; the rest are in --json.
    const reason = assignment.column === null ? undefined : assignment.reasons?.[0];
    if (reason) out.push(`  why: ${reason}`);
  }
  const extras = Object.entries(result.mapping.extraColumns).filter(
    ([, columns]) => columns && columns.length > 0,
  );
  if (extras.length > 0) {
    out.push("");
    out.push("Further columns:");
    const header =
      result.mapping.headerRow === null ? [] : (sheet.grid[result.mapping.headerRow] ?? []);
    for (const [field, columns] of extras) {
      const names = (columns ?? []).map(
        (c) => `${columnLetters(c + 1)} ${JSON.stringify(String(header[c] ?? "").trim())}`,
      );
      out.push(`  ${field}: ${names.join(", ")}`);
    }
  }
  const bySeverity = (severity: string) =>
    loaded.issues.filter((issue) => issue.severity === severity).length;
  out.push("");
  out.push(
    `Issues: ${bySeverity("error")} errors, ${bySeverity("warning")} warnings, ${bySeverity("info")} notes.`,
  );
  for (const issue of loaded.issues.slice(0, SHOWN_ISSUES)) {
    const cell = issue.column ? `${columnLetters(issue.column)}${issue.row}` : `row ${issue.row}`;
    out.push(
      `  ${pad(issue.severity, 8)}${pad(cell, 9)}${issue.field ? `${issue.field}: ` : ""}${issue.message}`,
    );
  }
  if (loaded.issues.length > SHOWN_ISSUES) {
    out.push(`  … and ${loaded.issues.length - SHOWN_ISSUES} more (all of them with --json)`);
  }
  return out.join("\n");
}

export async function mapCommand(
  file: string,
  options: { sheet?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const loaded = await loadBom(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  if (options.json) io.out(JSON.stringify(toMapJson(loaded)));
  else io.out(mapSummary(loaded));
  return 0;
}
