import { readBom } from "../../../../src/core/bom";
import type { BomResponse } from "../../../../src/core/api";
import type { Grid } from "../../../../src/core/bom/types";
import {
  buildResultsBlock,
  RESULT_COLUMNS,
} from "../../../../src/addin/runtime/results/results-table";

// The BOM starts at B3, so the formulas must point at sheet columns, not grid indexes.
const GRID: Grid = [
  ["Ref", "Qty", "MPN", "Manufacturer", "DNP"],
  ["R1 R2", 2, "RC0402FR-0710KL", "Yageo", ""],
  ["C1", 1, "=cap", "Murata", "DNP"],
];
const read = readBom(GRID, { firstRow: 3, firstColumn: 2 });

const bom: BomResponse = {
  id: "bom-1",
  name: "Main",
  version: null,
  part_number: null,
  integration_record_id: "rec",
  approved: false,
  archived: false,
  line_count: 2,
  created_at: "",
  updated_at: "",
  lines: [
    {
      id: "l1",
      line_number: null,
      mpn: "RC0402FR-0710KL",
      manufacturer_name: "Yageo",
      quantity: 2,
      reference_designators: ["R1", "R2"],
      do_not_place: false,
      part: { cpid: "CP-123", mpn: "RC0402FR-0710KL", manufacturer: "Yageo", description: null },
      match_status: "matched",
    },
    {
      id: "l2",
      line_number: null,
      mpn: "=cap",
      manufacturer_name: "Murata",
      quantity: 1,
      reference_designators: ["C1"],
      do_not_place: true,
      part: null,
      match_status: "unmatched",
    },
  ],
};

describe("results table", () => {
  it("on its own sheet, refers to the BOM's cells and the build quantity cell", () => {
    expect(read.lineRows).toEqual([4, 5]);
    const block = buildResultsBlock(
      {
        bomSheetName: "My BOM",
        firstRow: 3,
        firstColumn: 2,
        grid: GRID,
        read,
        bom,
        buildQuantity: 25,
        currency: "EUR",
        bomLabel: "Main",
      },
      { sheetName: "Cofactr results", tableRow: 5, tableColumn: 1 },
    );
    expect(block.header).toEqual([...RESULT_COLUMNS]);
    expect(block.preamble).toEqual([
      ["Cofactr results for", "Main"],
      ["Build quantity", 25],
      ["Currency", "EUR"],
    ]);
    expect(block.rows[0]).toEqual([
      4,
      "='My BOM'!D4",
      "='My BOM'!E4",
      "='My BOM'!C4*$B$2",
      "Matched",
      "CP-123",
      "=COFACTR.DESCRIPTION('My BOM'!D4,'My BOM'!E4)",
      "=COFACTR.LIFECYCLE('My BOM'!D4,'My BOM'!E4)",
      "=COFACTR.PRICE('My BOM'!D4,'My BOM'!E4,D6,$B$3)",
      "=I6*D6",
      "=COFACTR.STOCK('My BOM'!D4,'My BOM'!E4)",
      "=COFACTR.LEADTIME('My BOM'!D4,'My BOM'!E4)",
      "=COFACTR.DATASHEET('My BOM'!D4,'My BOM'!E4)",
    ]);
    // A do-not-place line is listed but not priced.
    expect(block.rows[1]?.slice(3, 6)).toEqual([0, "Do not place", ""]);
    expect(block.rows[1]?.[8]).toBe("");
    expect(block.numberFormats[8]).toBe("#,##0.0000");
  });

  it("beside the data, puts the build quantity and currency into the formulas", () => {
    const block = buildResultsBlock(
      {
        bomSheetName: "My BOM",
        firstRow: 3,
        firstColumn: 2,
        grid: GRID,
        read,
        bom,
        buildQuantity: 3,
        currency: "USD",
        bomLabel: "Main",
      },
      { sheetName: "My BOM", tableRow: 3, tableColumn: 8 },
    );
    expect(block.preamble).toEqual([]);
    expect(block.rows[0]?.[3]).toBe("='My BOM'!C4*3");
    expect(block.rows[0]?.[8]).toBe("=COFACTR.PRICE('My BOM'!D4,'My BOM'!E4,K4,\"USD\")");
    expect(block.rows[0]?.[9]).toBe("=P4*K4");
  });
});
