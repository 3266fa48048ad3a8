/** Property tests: reading never throws, and every row below the header is accounted for. */
import fc from "fast-check";
import { readBom } from "../../../src/core/bom";
import { isBlankRow } from "../../../src/core/bom/cells";
import type { CellValue, Grid } from "../../../src/core/bom/types";

const HEADER_WORDS = [
  "MPN",
  "Qty",
  "Reference",
  "Designator",
  "Manufacturer",
  "Value",
  "DNP",
  "Fitted",
  "Part",
  "Part Number",
  "Description",
  "Footprint",
  "Item",
  "Comment",
  "Status",
  "Mouser",
  "Alternatives",
];
const ERRORS = ["#N/A", "#NAME?", "#VALUE!", "#REF!", "#DIV/0!"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 300 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(
    ...ERRORS,
    ...HEADER_WORDS,
    "",
    " ",
    "~",
    "DNP",
    "yes",
    "no",
    "Total",
    "Component Count:",
  ),
  fc.constantFrom(
    "R1-R4",
    "C1, C2",
    "R5-R2",
    "R1-C4",
    "TP-1",
    "U1..U3",
    "R1 to R9999999",
    "C17/18",
    "LM358DR",
    "GRM188R71C104KA01D",
  ),
);
const row = fc.array(cell, { maxLength: 9 });
const grid: fc.Arbitrary<Grid> = fc.array(row, { maxLength: 30 });

/** The rows readBom must account for: below the header, or from the first non-blank row. */
function dataRowNumbers(g: Grid, headerRow: number | null): number[] {
  let start = headerRow === null ? 0 : headerRow;
  if (headerRow === null) while (start < g.length && isBlankRow(g[start])) start++;
  const rows: number[] = [];
  for (let r = start; r < g.length; r++) rows.push(r + 1);
  return rows;
}

describe("readBom on random sheets", () => {
  it("never throws, and every data row is a line or an explained skip", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const result = readBom(g);
        const lineRows = new Set(result.lineRows);
        const skipped = new Map((result.skippedRows ?? []).map((s) => [s.row, s.reason]));
        expect(lineRows.size).toBe(result.lineRows.length);
        expect(result.lines).toHaveLength(result.lineRows.length);
        for (const rowNumber of dataRowNumbers(g, result.headerRow)) {
          const isLine = lineRows.has(rowNumber);
          const reason = skipped.get(rowNumber);
          // exactly one of the two
          expect(isLine !== (reason !== undefined)).toBe(true);
          if (reason === "blank") expect(isBlankRow(g[rowNumber - 1])).toBe(true);
          if (reason === "no-mapped-data") {
            expect(
              result.issues.some(
                (issue) => issue.row === rowNumber && issue.severity === "warning",
              ),
            ).toBe(true);
          }
        }
        expect(lineRows.size + skipped.size).toBe(dataRowNumbers(g, result.headerRow).length);
      }),
      { numRuns: 300 },
    );
  });

  it("produces lines Cofactr accepts: no empty strings, ≤255 characters, whole quantities", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const result = readBom(g);
        for (const line of result.lines) {
          for (const [key, value] of Object.entries(line)) {
            if (typeof value === "string") {
              expect(value).not.toBe("");
              expect(value.length).toBeLessThanOrEqual(255);
            }
            if (key === "alternative_mpns" || key === "reference_designators") {
              for (const item of value as string[]) {
                expect(item).not.toBe("");
                expect(item.length).toBeLessThanOrEqual(255);
              }
            }
          }
          expect(Number.isInteger(line.quantity)).toBe(true);
          expect(line.quantity).toBeGreaterThanOrEqual(0);
          expect(typeof line.do_not_place).toBe("boolean");
        }
        for (const issue of result.issues) {
          expect(issue.row).toBeGreaterThanOrEqual(1);
          expect(issue.row).toBeLessThanOrEqual(Math.max(1, g.length));
          expect(["error", "warning", "info"]).toContain(issue.severity);
        }
        expect(() => JSON.stringify(result)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("finds the header below any preamble of label rows and blanks", () => {
    const preambleRow = fc.oneof(
      fc.constant([] as CellValue[]),
      fc
        .tuple(
          fc.constantFrom("Source:", "Date:", "Tool:", "Generator:", "Project:"),
          fc.string({ maxLength: 20 }),
        )
        .map(([a, b]) => [a, b] as CellValue[]),
    );
    const dataRow = fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 }))
      .map(([n, q]) => [n, q, `R${n}`, `LM${n}00DR`] as CellValue[]);
    fc.assert(
      fc.property(
        fc.array(preambleRow, { maxLength: 12 }),
        fc.array(dataRow, { minLength: 1, maxLength: 10 }),
        (preamble, data) => {
          const result = readBom([...preamble, ["Item", "Qty", "Reference(s)", "MPN"], ...data]);
          expect(result.headerRow).toBe(preamble.length + 1);
          expect(result.lines).toHaveLength(data.length);
        },
      ),
    );
  });
});

describe("hostile input", () => {
  /** Text made of what value, quantity and designator patterns look for. */
  const hostileText = (maxLength: number) =>
    fc
      .array(fc.constantFrom(..."0123456789 /.,-kKMmunpµFRVΩ%xCRU#:;"), { maxLength })
      .map((chars) => chars.join(""));

  it("reads sheets whose cells run to 10,000 characters, accounting for every row", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(hostileText(10_000), fc.string({ maxLength: 40 })), { maxLength: 6 }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (body) => {
          const grid: Grid = [["Qty", "Reference", "Value", "MPN", "Description", "DNP"], ...body];
          const result = readBom(grid);
          const accounted = new Set([
            ...result.lineRows,
            ...(result.skippedRows ?? []).map((skip) => skip.row),
          ]);
          for (let row = 2; row <= grid.length; row++) expect(accounted.has(row)).toBe(true);
          for (const issue of result.issues) expect(issue.message.length).toBeLessThan(2_000);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("maps sheets of random text without a header, every row a line or a skip", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (grid) => {
          const result = readBom(grid);
          const accounted = new Set([
            ...result.lineRows,
            ...(result.skippedRows ?? []).map((skip) => skip.row),
          ]);
          const first = (result.headerRow ?? 0) + 1;
          for (let row = first; row <= grid.length; row++) {
            if (
              grid.slice(0, row - 1).every((r) => r.every((c) => c.trim() === "")) &&
              result.headerRow === null
            )
              continue; // leading blank rows of a headerless sheet are not data
            expect(accounted.has(row)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
