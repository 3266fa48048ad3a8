import { splitPastedColumn } from "../../../../src/core/bom/files";

describe("splitPastedColumn", () => {
  it("splits a CSV pasted into column A, one row per sheet row", () => {
    const split = splitPastedColumn([
      ["Designator,Qty,MPN,Manufacturer"],
      ['"R1,R2",2,RC0603FR-0710KL,Yageo'],
      [null],
      ["U1,1,LM358DR,Texas Instruments"],
    ]);
    expect(split).toEqual({
      delimiter: ",",
      columns: 4,
      grid: [
        ["Designator", "Qty", "MPN", "Manufacturer"],
        ["R1,R2", "2", "RC0603FR-0710KL", "Yageo"],
        [""],
        ["U1", "1", "LM358DR", "Texas Instruments"],
      ],
    });
  });

  it("splits an Eagle part list pasted as text by its aligned columns", () => {
    const split = splitPastedColumn([
      ["Partlist"],
      [],
      ["Part     Value          Package   Library"],
      ["C1       100nF          C0603     rcl"],
      ["JP1      Supply Select  1X03      pinhead"],
      ["R1       10k            R0603     rcl"],
    ]);
    expect(split?.delimiter).toBe("fixed-width");
    expect(split?.grid[4]).toEqual(["JP1", "Supply Select", "1X03", "pinhead"]);
    expect(split?.grid).toHaveLength(6);
  });

  it("offers nothing for a sheet that already has columns, or text that does not split", () => {
    expect(
      splitPastedColumn([
        ["Ref", "Qty"],
        ["R1", 1],
      ]),
    ).toBeNull();
    expect(splitPastedColumn([["LM358DR"], ["NE555P"], ["TL072CP"]])).toBeNull();
    expect(
      splitPastedColumn([["Notes, see below"], ["Order early"], ["Hand-solder J1"]]),
    ).toBeNull();
    expect(splitPastedColumn([[42], [43]])).toBeNull();
    expect(splitPastedColumn([])).toBeNull();
  });
});
