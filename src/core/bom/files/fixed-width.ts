/**
 * Fixed-width text tables (Eagle "Export › Partlist", report-style BOMs): columns padded with
 * spaces so that each starts at the same character offset on every row.
 *
 * A value may hold single spaces ("Supply Select", "C1, C2") and a full cell may leave only one
 * space before the next column, so splitting on whitespace fails. Instead:
 * 1. Anchors: offsets where many lines start a field after two or more spaces.
 * 2. Table lines: lines with a wide gap whose text never runs across an anchor shared by most
 *    lines (the left edge of a well-filled column); the table spans
 *    from the first to the last of them (a preamble of free text above stays one cell a line).
 * 3. Gutters: offsets blank on every table line. A gutter two or more wide separates columns;
 *    a one-space gutter only when an anchor or a name in the first (header) line follows it
 *    (else it is a space inside values).
 */

export interface FixedWidthLayout {
  /** 0-based indexes of the table's first and last line. */
  first: number;
  last: number;
  /** Character offset where each column starts; the first is 0. */
  starts: number[];
  /** How many lines fit the columns: the evidence for this reading. */
  tableLines: number;
}

/** Lines longer than this are not rows of a part list (and would make the scan costly). */
const MAX_LINE_WIDTH = 2000;
/** Lines that decide the layout: a part list's header and plenty of rows; bounded on big files. */
const SAMPLE_LINES = 2000;
/** Share of table-like lines that must start a field at an offset for it to be an anchor. */
const ANCHOR_SHARE = 0.3;
/**
 * Share for an anchor that lines must not run across: left edges of well-filled columns. (A
 * right-aligned number column starts at a different offset on each line: no such anchor.)
 */
const EDGE_SHARE = 0.6;

/** Offsets where a field starts: the first text of the line, or text after two spaces. */
function fieldStarts(line: string): number[] {
  const starts: number[] = [];
  let blanks = 0;
  let seenText = false;
  for (let p = 0; p < line.length; p++) {
    if (line[p] === " ") {
      blanks++;
      continue;
    }
    if (!seenText || blanks >= 2) starts.push(p);
    seenText = true;
    blanks = 0;
  }
  return starts;
}

function fitsAnchors(line: string, anchors: number[]): boolean {
  return anchors.every(
    (anchor) => anchor === 0 || anchor > line.length || line[anchor - 1] === " ",
  );
}

function findAnchors(startsByLine: Map<number, number[]>, share: number): number[] {
  const counts = new Map<number, number>();
  for (const starts of startsByLine.values()) {
    for (const start of starts) counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(startsByLine.size * share));
  return [...counts]
    .filter(([, count]) => count >= needed)
    .map(([offset]) => offset)
    .sort((a, b) => a - b);
}

function columnStarts(tableLines: string[], anchors: Set<number>): number[] {
  const width = tableLines.reduce((widest, line) => Math.max(widest, line.length), 0);
  const filled = new Uint8Array(width);
  for (const line of tableLines) {
    for (let p = 0; p < line.length; p++) if (line[p] !== " ") filled[p] = 1;
  }
  const starts = [0];
  let p = 0;
  while (p < width) {
    if (filled[p]) {
      p++;
      continue;
    }
    const gutterStart = p;
    while (p < width && !filled[p]) p++;
    // p is now the first offset after the gutter (or the end of every line).
    if (gutterStart === 0 || p >= width) continue;
    if (p - gutterStart >= 2 || anchors.has(p)) starts.push(p);
  }
  return starts;
}

/** The column layout of a fixed-width table in `lines`, or null when they do not form one. */
/** Whether the line has a second field after a gap of two or more spaces (no allocation). */
function isTableLike(line: string): boolean {
  if (line.length > MAX_LINE_WIDTH) return false;
  const gap = line.indexOf("  ", line.length - line.trimStart().length);
  return gap >= 0 && line.slice(gap).trim() !== "";
}

export function detectFixedWidth(lines: string[]): FixedWidthLayout | null {
  const startsByLine = new Map<number, number[]>();
  for (let index = 0; index < lines.length && index < SAMPLE_LINES; index++) {
    const line = lines[index] as string;
    if (!isTableLike(line)) continue;
    startsByLine.set(index, fieldStarts(line));
  }
  if (startsByLine.size < 3) return null;
  const edges = findAnchors(startsByLine, EDGE_SHARE);
  if (!edges.some((edge) => edge > 0)) return null;
  const fitting: number[] = [];
  lines.forEach((line, index) => {
    if (isTableLike(line) && fitsAnchors(line, edges)) fitting.push(index);
  });
  if (fitting.length < 3) return null;
  const anchors = new Set(findAnchors(startsByLine, ANCHOR_SHARE));
  // The header names every column, however sparse: where it starts a name after a gap, a
  // one-space gutter in the data is a column edge too ("MF" and "MPN" filled on one row).
  for (const start of fieldStarts(lines[fitting[0] as number] as string)) anchors.add(start);
  const starts = columnStarts(
    fitting.map((index) => lines[index] as string),
    anchors,
  );
  if (starts.length < 2) return null;
  return {
    first: fitting[0] as number,
    last: fitting[fitting.length - 1] as number,
    starts,
    tableLines: fitting.length,
  };
}

/** One line into its cells by the layout's column starts; the last column takes the rest. */
export function splitFixedWidthLine(line: string, starts: number[]): string[] {
  return starts.map((start, k) => line.slice(start, starts[k + 1]).trim());
}

/**
 * Every line as a grid row: table lines split into columns, lines above and below the table
 * (preamble, footer) as one cell, blank lines as one empty cell.
 */
export function fixedWidthRows(lines: string[], layout: FixedWidthLayout): string[][] {
  return lines.map((line, index) => {
    if (line.trim() === "") return [""];
    if (index < layout.first || index > layout.last) return [line.trim()];
    return splitFixedWidthLine(line, layout.starts);
  });
}
