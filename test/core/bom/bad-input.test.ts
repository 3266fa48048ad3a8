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
