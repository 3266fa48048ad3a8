/**
 * Rows that are not lines: alternate-source rows joined to their line, section titles and
 * notes, summary rows; designator cells holding labels; DNP columns listing designators.
 * Every row below the header ends as a line or a skipped row, and nothing is lost.
 */
import { readBom, type BomReadResult, type Grid } from "../../../src/core/bom";

function rowsAccounted(result: BomReadResult, header: number, total: number): void {
  const seen = new Set([...result.lineRows, ...(result.skippedRows ?? []).map((s) => s.row)]);
  for (let row = header + 1; row <= total; row++) expect(seen.has(row)).toBe(true);
}

describe("row roles", () => {
  it("joins an alternate-source row (no quantity, no designators) to the line above", () => {
    // OrCAD-style: Item/Qty/Reference merged down over the alternates, so empty there.
    const grid: Grid = [
      ["Item", "Qty", "Reference", "Part Number", "Manufacturer", "Note"],
      [1, 1, "Q1", "AOSS21311C", "AOS", ""],
      ["", "", "", "AO3401A", "AOS", "alternative"],
      ["", "", "", "AP2301B", "Diodes Incorporated", "alternative"],
      [2, 2, "R1,R2", "RC0603FR-0710KL", "Yageo", ""],
    ];
    const result = readBom(grid);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[0]?.mpn).toBe("AOSS21311C");
    expect(result.lines[0]?.alternative_mpns).toEqual(["AO3401A", "AP2301B"]);
    const sources = result.lines[0]?.metadata?.alternate_sources as {
      manufacturer_name?: string;
    }[];
    expect(sources.map((s) => s.manufacturer_name)).toEqual(["AOS", "Diodes Incorporated"]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 3,
        severity: "info",
        message: expect.stringMatching(/alternate AO3401A/),
      }),
    );
    expect(result.skippedRows).toContainEqual({ row: 3, reason: "continuation" });
    rowsAccounted(result, 1, grid.length);
  });

  it("keeps another source without an MPN (a URL, an order code) in the line's metadata", () => {
    const grid: Grid = [
      ["Item", "Qty", "Reference(s)", "Value", "Footprint", "RS-Components"],
      [1, 7, "C1-C7", "100n", "C_0805", "103-4121"],
      ["", "", "", "", "https://www.mouser.com/ProductDetail/1234", "485-3341 (Mouser)"],
      [2, 1, "U1", "ATmega328P", "TQFP-32", "131-8122"],
    ];
    const result = readBom(grid);
    expect(result.lines).toHaveLength(2);
    const sources = result.lines[0]?.metadata?.alternate_sources as { row: number }[];
    expect(sources).toEqual([expect.objectContaining({ row: 3 })]);
  });

  it("reads section titles and change-log text as notes, not parts", () => {
    const grid: Grid = [
      ["Qty", "Reference", "MPN", "Manufacturer"],
      ["", "Connectors", "", ""],
      [1, "J1", "M22-7131042", "Harwin"],
      ["", "", "", ""],
      ["", "", "Changes V1.1 > V1.2: increase the reservoir capacitor", ""],
    ];
    const result = readBom(grid);
    expect(result.lines).toHaveLength(1);
    expect(result.skippedRows).toEqual(
      expect.arrayContaining([
        { row: 2, reason: "note" },
        { row: 5, reason: "note" },
      ]),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        message: expect.stringMatching(/note or section title.*Connectors/),
      }),
    );
    rowsAccounted(result, 1, grid.length);
  });

  it("skips summary rows labelled in any column and language", () => {
    const grid: Grid = [
      ["Place", "Designator", "Manufacturer", "MPN", "Description", "Qty"],
      ["Yes", "R1, R2", "Yageo", "RC0805FR-0775KL", "75k resistor", 2],
      ["Yes", "C1", "Murata", "GRM21BR61A106KE19L", "10uF capacitor", 1],
      ["", "", "", "", "Total Placements:", 3],
      ["", "", "", "", "Summe", 3],
    ];
    const result = readBom(grid);
    expect(result.lines).toHaveLength(2);
    expect(result.skippedRows).toEqual(
      expect.arrayContaining([
        { row: 4, reason: "footer" },
        { row: 5, reason: "footer" },
      ]),
    );
  });

  it("keeps label text in a designator cell apart from the designators", () => {
    const grid: Grid = [
      ["Description", "PCB Reference", "Qty"],
      ["OLED display", "OLED", 1],
      ["Capacitors", "C1,C2", 2],
      ["Heatsink", "无", 3],
    ];
    const result = readBom(grid);
    expect(result.lines[0]?.reference_designators).toBeUndefined();
    expect(result.lines[0]?.metadata?.reference_labels).toBe("OLED");
    expect(result.lines[1]?.reference_designators).toEqual(["C1", "C2"]);
    expect(result.lines[2]?.reference_designators).toBeUndefined();
    expect(result.issues).toContainEqual(
      expect.objectContaining({ row: 2, field: "reference_designators", severity: "warning" }),
    );
  });

  it("reads a slash pair as one part or two, as the line's quantity says", () => {
    const grid: Grid = [
      ["Ref", "Qty", "MPN"],
      ["TB1/2, TB3/4", 2, "1984633"],
      ["C17/18", 2, "GRM155R71C104KA88D"],
    ];
    const result = readBom(grid);
    expect(result.lines[0]?.reference_designators).toEqual(["TB1/2", "TB3/4"]);
    expect(result.lines[1]?.reference_designators).toEqual(["C17", "C18"]);
  });

  it("splits a line only some of whose designators a DNP column lists", () => {
    const grid: Grid = [
      ["Item#", "Quantity", "Reference", "ManufacturerPartNumber", "MASTER DNP"],
      [1, 4, "J11,J12,J15,J6", "5017", "J6"],
      [2, 2, "J9,J13", "22102021", "J9,J13"],
      [3, 2, "R1,R2", "RC0603JR-070RL", ""],
    ];
    const result = readBom(grid);
    const summary = result.lines.map((line) => [
      line.reference_designators,
      line.do_not_place,
      line.quantity,
    ]);
    expect(summary).toEqual([
      [["J11", "J12", "J15"], false, 3],
      [["J6"], true, 1],
      [["J9", "J13"], true, 2],
      [["R1", "R2"], false, 2],
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: "do_not_place",
        message: expect.stringMatching(/two lines/),
      }),
    );
  });

  it("keeps a remark in brackets apart from the designator it follows", () => {
    const grid: Grid = [
      ["Qty", "Reference", "MPN"],
      [1, "JP1", "2211S-02G"],
      [1, "JP2 (closed jumper)", "SPC20480"],
    ];
    const result = readBom(grid);
    expect(result.lines[1]?.reference_designators).toEqual(["JP2"]);
    expect(result.lines[1]?.metadata?.reference_labels).toBe("closed jumper");
  });

  it("reads rows below the totals that have no designator as footer notes", () => {
    const grid: Grid = [
      ["C1", "100nF", "DigiKey", "478-1239-1-ND", 0.01],
      ["R1", "10K", "DigiKey", "P10KGTR-ND", 0.01],
      ["U1", "", "DigiKey", "ATTINY44A-SSU-ND", 0.5],
      ["", "", "", "Parts total:", 0.52],
      ["PCB", "", "Seeed", "", 0.82],
      ["", "", "", "Total:", 1.34],
    ];
    const result = readBom(grid);
    expect(result.lines.map((line) => line.reference_designators)).toEqual([
      ["C1"],
      ["R1"],
      ["U1"],
    ]);
    expect(result.skippedRows).toContainEqual({ row: 5, reason: "note" });
  });
});
