/**
 * Which sheet of a workbook holds the BOM when the user did not say: the first visible sheet,
 * unless another one reads clearly more like a BOM (a cover sheet, revision history or notes
 * often come first).
 */
import { readBom } from "../index";
import type { BomField, Grid } from "../types";

export interface NamedSheet {
  name: string;
  grid: Grid;
  /** Hidden sheets are never chosen on their own. */
  hidden?: boolean;
}

export interface SheetChoice {
  index: number;
  /** Why this sheet, for the user, when there was more than one to choose from. */
  note: string | null;
}

/** Fields whose columns say "this is a BOM"; the more of them map, the more BOM-like. */
const BOM_EVIDENCE: readonly BomField[] = [
  "reference_designators",
  "quantity",
  "mpn",
  "manufacturer_name",
  "value",
  "description",
  "package",
];
/** Rows read from each sheet to judge it: a header and a few lines are enough. */
const SAMPLE_ROWS = 200;
/** Another sheet must beat the first visible one by about one well-mapped field. */
const MARGIN = 1;

interface SheetScore {
  score: number;
  fields: BomField[];
}

function scoreSheet(grid: Grid): SheetScore {
  try {
    const result = readBom(grid.slice(0, SAMPLE_ROWS));
    const fields = BOM_EVIDENCE.filter((field) => result.mapping.fields[field].column !== null);
    const confidence = fields.reduce(
      (sum, field) => sum + result.mapping.fields[field].confidence,
      0,
    );
    // A few lines read count a little; a sheet with no lines is not a BOM whatever it maps.
    const lines = Math.min(result.lines.length, 20) / 20;
    return { score: result.lines.length === 0 ? 0 : confidence + lines, fields };
  } catch {
    return { score: 0, fields: [] };
  }
}

function describe(name: string, score: SheetScore): string {
  const fields = score.fields.length > 0 ? score.fields.join(", ") : "no BOM columns";
  return `"${name}" (${fields})`;
}

export function chooseBomSheet(sheets: NamedSheet[]): SheetChoice {
  const visible = sheets
    .map((sheet, index) => ({ sheet, index }))
    .filter(({ sheet }) => !sheet.hidden);
  const candidates =
    visible.length > 0 ? visible : sheets.map((sheet, index) => ({ sheet, index }));
  if (candidates.length <= 1) return { index: candidates[0]?.index ?? 0, note: null };
  const scored = candidates.map((candidate) => ({
    ...candidate,
    score: scoreSheet(candidate.sheet.grid),
  }));
  const first = scored[0] as (typeof scored)[number];
  let best = first;
  for (const entry of scored) if (entry.score.score > best.score.score) best = entry;
  const others = sheets.filter((_, index) => index !== best.index).map((sheet) => sheet.name);
  const choose = `also in the workbook: ${others.join(", ")}`;
  if (best === first || best.score.score < first.score.score + MARGIN) {
    return { index: first.index, note: `read sheet "${first.sheet.name}" (${choose})` };
  }
  return {
    index: best.index,
    note: `read sheet "${best.sheet.name}", which looks most like a BOM: ${describe(best.sheet.name, best.score)} against ${describe(first.sheet.name, first.score)} for the first sheet (${choose})`,
  };
}
