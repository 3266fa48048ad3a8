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
