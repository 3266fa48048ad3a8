/** Messy sheets a user really has: each gets a clear issue, nothing dropped or silently changed. */
import { readBom, saveMapping } from "../../../src/core/bom";
import type { Grid } from "../../../src/core/bom/types";

describe("sheets without parts", () => {
  it("says an empty sheet is empty instead of listing missing columns", () => {
    for (const grid of [[], [[]], [["", null], [" "]]] as Grid[]) {
      const result = readBom(grid);
      expect(result.lines).toEqual([]);
      expect(result.issues).toEqual([
        {
          row: 1,
          field: null,
          severity: "warning",
          message: "the sheet is empty: there are no BOM lines to read",
        },
      ]);
    }
  });

  it("says a sheet with only a header has no part rows", () => {
    const result = readBom([["Designator", "Quantity", "MPN"], [], ["", ""]], { firstRow: 3 });
    expect(result.headerRow).toBe(3);
    expect(result.lines).toEqual([]);
    expect(result.issues).toEqual([
      {
        row: 3,
        field: null,
        severity: "warning",
        message: "the sheet has a header on row 3 but no part rows below it",
      },
    ]);
  });
});

describe("two-row headers (a merged group cell over its labels)", () => {
  const grid: Grid = [
    ["Manufacturer", "", "Qty", "Designator"],
    ["Name", "Part Number", "", ""],
    ["Texas Instruments", "LM358DR", "2", "U1, U2"],
  ];

  it("joins the rows, so the labels are not read as a part", () => {
    const result = readBom(grid);
    expect(result.headerRow).toBe(2);
    expect(result.mapping.fields.manufacturer_name).toMatchObject({
      column: 0,
      header: "Manufacturer Name",
    });
    expect(result.mapping.fields.mpn).toMatchObject({
      column: 1,
      header: "Manufacturer Part Number",
    });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({
      manufacturer_name: "Texas Instruments",
      mpn: "LM358DR",
      quantity: 2,
    });
    expect(result.lineRows).toEqual([3]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 1,
        severity: "info",
        message: expect.stringContaining('"Manufacturer Part Number"'),
      }),
    );
  });

  it("saves a mapping that applies again to the same sheet", () => {
    const saved = saveMapping(readBom(grid), grid);
    expect(saved.fields.mpn).toBe("Manufacturer Part Number");
    const again = readBom(grid, { saved });
    expect(again.mapping.fields.mpn).toMatchObject({ column: 1, source: "saved" });
  });

  it("leaves a one-row header followed by a text-only part row alone", () => {
    const single: Grid = [
      ["Ref", "MPN", "", "Manufacturer"],
      ["R1", "RC0603FR-0710KL", "note", "Yageo"],
      ["R2", "RC0603FR-071KL", "", "Yageo"],
    ];
    const result = readBom(single);
    expect(result.headerRow).toBe(1);
    expect(result.lines.map((line) => line.mpn)).toEqual(["RC0603FR-0710KL", "RC0603FR-071KL"]);
  });
});

describe("quantities as people write them", () => {
  it("reports a quantity that may carry a European thousands dot, naming row and column", () => {
    const result = readBom([
      ["Designator", "Quantity", "MPN"],
      ["", "1.000", "GRM188R71H104KA93D"],
      ["", "qty: 3", "RC0603FR-0710KL"],
    ]);
    expect(result.lines.map((line) => line.quantity)).toEqual([1, 3]);
    expect(result.issues).toEqual([
      {
        row: 2,
        column: 2,
        field: "quantity",
        severity: "warning",
        message: 'quantity: "1.000" is read as 1; if the dot separates thousands, write 1000',
      },
    ]);
  });
});

describe("totals at the bottom", () => {
  it("skips an unlabelled sums row as a summary, with a note, not as a part", () => {
    const result = readBom([
      ["Designator", "Quantity", "MPN", "Unit Price", "Ext Price"],
      ["R1", "1", "RC0603FR-0710KL", "0.10", "0.10"],
      ["R2, R3", "2", "RC0805FR-0710KL", "0.20", "0.40"],
      ["", "3", "", "", "0.50"],
    ]);
    expect(result.lines.map((line) => line.mpn)).toEqual(["RC0603FR-0710KL", "RC0805FR-0710KL"]);
    expect(result.skippedRows).toEqual([{ row: 4, reason: "footer" }]);
    expect(result.issues).toContainEqual({
      row: 4,
      field: null,
      severity: "info",
      message: "row 4: 1 summary row(s) skipped",
    });
  });

  it("keeps a last part whose quantity happens to equal the sum above", () => {
    const result = readBom([
      ["Item", "Qty", "MPN"],
      ["1", "1", "885012206071"],
      ["2", "1", "885012206072"],
      ["3", "2", "885012206073"],
    ]);
    expect(result.lines).toHaveLength(3);
  });
});

describe("designators typed with a space", () => {
  it("reads R 1, R 2 as R1 and R2", () => {
    const result = readBom([
      ["Designator", "Qty", "MPN"],
      ["R 1, R 2", "2", "RC0603FR-0710KL"],
    ]);
    expect(result.lines[0]?.reference_designators).toEqual(["R1", "R2"]);
    expect(result.issues).toEqual([]);
  });
});

describe("numbers from Excel", () => {
  it("keeps a 12-digit numeric MPN exactly, with no issue", () => {
    const result = readBom([
      ["Designator", "Qty", "MPN"],
      ["J1", 1, 223878715636],
    ]);
    expect(result.lines[0]?.mpn).toBe("223878715636");
    expect(result.issues).toEqual([]);
  });

  it("warns that a numeric MPN of more than 15 digits may have lost digits", () => {
    const result = readBom([
      ["Designator", "Qty", "MPN"],
      ["J1", 1, 12345678901234567000], // what Excel kept of 12345678901234567890
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 3,
        field: "mpn",
        severity: "warning",
        message: expect.stringMatching(/only 15 digits.*format the column as Text/),
      }),
    ]);
  });

  it("reads a formula's float noise (3.0000000000000004) as the whole number", () => {
    const result = readBom([
      ["Designator", "Qty", "MPN"],
      ["R1, R2, R3", 0.1 * 3 * 10, "RC0603FR-0710KL"],
    ]);
    expect(result.lines[0]?.quantity).toBe(3);
    expect(result.issues).toEqual([]);
  });
});

describe("a labelled totals row", () => {
  it("is skipped as a summary wherever its label sits", () => {
    const result = readBom([
      ["Designator", "Qty", "MPN", "Manufacturer", "Ext"],
      ["R1", "1", "RC0603FR-0710KL", "Yageo", "0.1"],
      ["C1", "1", "GRM188R71H104KA93D", "Murata", "0.2"],
      ["", "2", "", "TOTAL", "0.3"],
    ]);
    expect(result.lines).toHaveLength(2);
    expect(result.skippedRows).toEqual([{ row: 4, reason: "footer" }]);
  });
});
