/**
 * Property tests: any bytes or text read without an unhandled error, and what a table reader
 * splits keeps every character of the line.
 */
import fc from "fast-check";
import {
  detectFixedWidth,
  readBomFileBytes,
  readTextTable,
  splitFixedWidthLine,
} from "../../../../src/core/bom/files";

/** Text made of the characters that steer the readers: delimiters, quotes, spaces, line ends. */
const tableText = fc
  .array(
    fc.constantFrom(
      ",",
      ";",
      "\t",
      "|",
      '"',
      " ",
      "  ",
      "\n",
      "\r",
      "\r\n",
      "R1",
      "10k",
      "sep=",
      "µ",
      "€",
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(""));

function expectWellFormedGrid(grid: unknown): void {
  expect(Array.isArray(grid)).toBe(true);
  for (const row of grid as unknown[]) {
    expect(Array.isArray(row)).toBe(true);
    for (const cell of row as unknown[]) expect(typeof cell).toBe("string");
  }
}

describe("reading hostile input", () => {
  it("any bytes give a text grid, a workbook or a refusal, never an exception", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const read = readBomFileBytes(bytes);
        expect(["text", "xlsx", "unsupported"]).toContain(read.kind);
        if (read.kind === "text") expectWellFormedGrid(read.grid);
        if (read.kind === "unsupported") expect(read.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 300 },
    );
  });

  it("bytes that start like a ZIP are sniffed as an archive, never parsed as text", () => {
    const zip = fc
      .uint8Array({ maxLength: 500 })
      .map((tail) => new Uint8Array([0x50, 0x4b, 3, 4, ...tail]));
    fc.assert(
      fc.property(zip, (bytes) => {
        expect(readBomFileBytes(bytes).kind).not.toBe("text");
      }),
    );
  });

  it("any text of delimiters, quotes and line ends reads into a grid of strings", () => {
    fc.assert(
      fc.property(tableText, (text) => {
        const sheet = readTextTable(text);
        expectWellFormedGrid(sheet.grid);
        for (const issue of sheet.issues) expect(issue.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("any unicode text reads without an exception", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 500 }), (text) => {
        expectWellFormedGrid(readTextTable(text).grid);
      }),
      { numRuns: 200 },
    );
  });
});

/** Rows of four cells as a fixed-width table: each column two wider than its longest cell. */
function padTable(rows: string[][]): string[] {
  const widths = [0, 1, 2, 3].map(
    (c) => Math.max(...rows.map((row) => (row[c] as string).length)) + 2,
  );
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c] as number)).join(""));
}

describe("fixed-width splitting loses nothing", () => {
  const word = fc.string({
    unit: fc.constantFrom(..."ACDRUXacfknpu0123456789(),.-_/"),
    minLength: 1,
    maxLength: 12,
  });
  const cellText = fc.oneof(
    word,
    fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
    fc.constant(""),
  );
  const table = fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), {
    minLength: 3,
    maxLength: 30,
  });

  it("a padded table's cells, joined, hold exactly the line's characters", () => {
    fc.assert(
      fc.property(table, (rows) => {
        const lines = padTable(rows);
        const layout = detectFixedWidth(lines);
        if (!layout) return;
        for (let i = layout.first; i <= layout.last; i++) {
          const line = lines[i] as string;
          const cells = splitFixedWidthLine(line, layout.starts);
          expect(cells.join("").replace(/ /g, "")).toBe(line.replace(/ /g, ""));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("finds the padded columns when every column has a value on most rows", () => {
    const full = fc.array(fc.array(word, { minLength: 4, maxLength: 4 }), {
      minLength: 3,
      maxLength: 30,
    });
    fc.assert(
      fc.property(full, (rows) => {
        const lines = padTable(rows);
        const layout = detectFixedWidth(lines);
        expect(layout).not.toBeNull();
        for (const [i, row] of rows.entries()) {
          expect(splitFixedWidthLine(lines[i] as string, layout?.starts ?? [])).toEqual(row);
        }
      }),
      { numRuns: 200 },
    );
  });
});
