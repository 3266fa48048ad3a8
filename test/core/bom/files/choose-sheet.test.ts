import { chooseBomSheet, type NamedSheet } from "../../../../src/core/bom/files";

const BOM: NamedSheet = {
  name: "BOM",
  grid: [
    ["Item", "Qty", "Reference", "Value", "Manufacturer", "MPN"],
    [1, 2, "C1, C2", "100nF", "Murata", "GRM188R71H104KA93D"],
    [2, 1, "R1", "10k", "Yageo", "RC0603FR-0710KL"],
    [3, 1, "U1", "LM358", "Texas Instruments", "LM358DR"],
  ],
};
const COVER: NamedSheet = {
  name: "Cover",
  grid: [
    ["Sensor node, bill of materials"],
    ["Revision", "C"],
    ["Approved by", "J. Smith"],
    [],
    ["See the BOM sheet for the parts."],
  ],
};

describe("chooseBomSheet", () => {
  it("skips a cover sheet for the sheet that looks like a BOM, and says why", () => {
    const choice = chooseBomSheet([COVER, BOM]);
    expect(choice.index).toBe(1);
    expect(choice.note).toMatch(
      /^read sheet "BOM", which looks most like a BOM: "BOM" \(.*quantity.*mpn/,
    );
    expect(choice.note).toMatch(
      /"Cover" \(.*\) for the first sheet \(also in the workbook: Cover\)$/,
    );
  });

  it("keeps the first sheet when it is the BOM, naming the others", () => {
    const notes: NamedSheet = {
      name: "Notes",
      grid: [["Assembly notes"], ["Hand-solder J1 last."]],
    };
    expect(chooseBomSheet([BOM, notes])).toEqual({
      index: 0,
      note: 'read sheet "BOM" (also in the workbook: Notes)',
    });
  });

  it("never picks a hidden sheet by itself", () => {
    expect(chooseBomSheet([COVER, { ...BOM, hidden: true }]).index).toBe(0);
  });

  it("has nothing to say about a workbook of one sheet", () => {
    expect(chooseBomSheet([BOM])).toEqual({ index: 0, note: null });
  });
});
