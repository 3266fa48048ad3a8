import { readBom, saveMapping } from "../../../src/core/bom";
import type { BomField, Grid } from "../../../src/core/bom/types";

const columnOf = (grid: Grid, field: BomField, options = {}) =>
  readBom(grid, options).mapping.fields[field].column;

describe("column auto-mapping", () => {
  it("maps an Altium default export", () => {
    const grid: Grid = [
      ["Comment", "Description", "Designator", "Footprint", "LibRef", "Quantity"],
      ["10k", "Resistor", "R1, R2", "0603", "RES", 2],
      ["100n", "Capacitor", "C1", "0603", "CAP", 1],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.value.column).toBe(0);
    expect(mapping.fields.description.column).toBe(1);
    expect(mapping.fields.reference_designators.column).toBe(2);
    expect(mapping.fields.package.column).toBe(3);
    expect(mapping.fields.quantity.column).toBe(5);
    expect(mapping.fields.mpn.column).toBeNull();
  });

  it("does not take KiCad's 'Part' (the symbol) for an MPN", () => {
    const grid: Grid = [
      ["Part", "References", "Value", "Quantity Per PCB"],
      ["C_Small", "C1 C2", "100n", 2],
      ["R", "R1", "10k", 1],
      ["Conn_01x08", "J1", "Conn", 1],
    ];
    expect(columnOf(grid, "mpn")).toBeNull();
  });

  it("takes Eagle's 'Part' column for designators when it holds them", () => {
    const grid: Grid = [
      ["Part", "Value", "Device", "Package"],
      ["R1", "10k", "R-US_0603", "0603"],
      ["C1", "100n", "C-US_0603", "0603"],
      ["U1", "LM358", "LM358D", "SO8"],
    ];
    expect(columnOf(grid, "reference_designators")).toBe(0);
  });

  it("reads 'Part Number' as an internal id when a real MPN column exists", () => {
    const grid: Grid = [
      ["Part Number", "Manufacturer Part Number", "Manufacturer", "Qty"],
      ["ACME-0001", "LM358DR", "Texas Instruments", 1],
      ["ACME-0002", "RC0603FR-0710KL", "Yageo", 4],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.mpn.column).toBe(1);
    expect(mapping.fields.custom_id.column).toBe(0);
  });

  it("reads 'Part Number' as the MPN when nothing better exists (Cofactr's rule)", () => {
    const grid: Grid = [
      ["Part Number", "Qty"],
      ["LM358DR", 1],
    ];
    expect(columnOf(grid, "mpn")).toBe(0);
  });

  it("turns a second MPN column into alternates and keeps a third as an extra", () => {
    const grid: Grid = [
      ["MPN", "MPN 2", "MPN 3", "Qty"],
      ["LM358DR", "LM358DGKR", "LM2904DR", 1],
    ];
    const result = readBom(grid);
    expect(result.mapping.fields.mpn.column).toBe(0);
    expect(result.mapping.fields.alternative_mpns.column).toBe(1);
    expect(result.mapping.extraColumns.alternative_mpns).toEqual([2]);
    expect(result.lines[0]?.alternative_mpns).toEqual(["LM358DGKR", "LM2904DR"]);
  });

  it("keeps several manufacturer columns: the fullest as the field, others as extras", () => {
    const grid: Grid = [
      ["MANUFACTURER", "Manufacturer_Name", "MPN"],
      ["", "Texas Instruments", "LM358DR"],
      ["", "Murata", "GRM188R71C104KA01D"],
      ["", "Yageo", "RC0603FR-0710KL"],
      ["TI", "Texas Instruments", "TPS61023DRLT"],
      ["", "Yageo", "RC0603FR-071KL"],
      ["", "Yageo", "RC0603FR-072KL"],
      ["", "Yageo", "RC0603FR-073KL"],
      ["", "Yageo", "RC0603FR-074KL"],
      ["", "Yageo", "RC0603FR-075KL"],
      ["", "Yageo", "RC0603FR-076KL"],
      ["", "Yageo", "RC0603FR-077KL"],
      ["", "Yageo", "RC0603FR-078KL"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.manufacturer_name.column).toBe(1);
    expect(mapping.extraColumns.manufacturer_name).toEqual([0]);
  });

  it("maps unlabelled columns by their contents (HackRF-style Field1..Field4)", () => {
    const grid: Grid = [
      ["ref", "value", "Field1", "Field2", "Field3", "Field4"],
      ["C1", "10uF", "Murata", "GRM21BR61A106KE19L", "CAP CER 10UF 10V X5R 0805", ""],
      ["C2", "100nF", "Murata", "GRM188R71C104KA01D", "CAP CER 0.1UF 16V X7R 0603", "DNP"],
      ["R1", "10k", "Yageo", "RC0603FR-0710KL", "RES SMD 10K OHM 1% 1/10W 0603", ""],
      ["U1", "LM358", "Texas Instruments", "LM358DR", "IC OPAMP GP 2 CIRCUIT 8SOIC", ""],
    ];
    const { mapping, lines } = readBom(grid);
    expect(mapping.fields.reference_designators.column).toBe(0);
    expect(mapping.fields.value.column).toBe(1);
    expect(mapping.fields.manufacturer_name).toMatchObject({ column: 2, source: "content" });
    expect(mapping.fields.mpn).toMatchObject({ column: 3, source: "content" });
    expect(mapping.fields.description.column).toBe(4);
    expect(mapping.fields.do_not_place.column).toBe(5);
    expect(mapping.fields.mpn.confidence).toBeLessThan(1);
    expect(lines.map((line) => line.do_not_place)).toEqual([false, true, false, false]);
  });

  it("maps a headerless MPN, refs list by contents", () => {
    const grid: Grid = [
      ["LM358DR", "U1-2"],
      ["RC0603FR-0710KL", "R1, R2, R3"],
      ["GRM188R71C104KA01D", "C1-C4"],
    ];
    const result = readBom(grid);
    expect(result.headerRow).toBeNull();
    expect(result.mapping.fields.mpn.column).toBe(0);
    expect(result.mapping.fields.reference_designators.column).toBe(1);
    expect(result.lines.map((line) => line.quantity)).toEqual([2, 3, 4]);
    expect(result.issues.some((issue) => /no header row/.test(issue.message))).toBe(true);
  });

  it("notices MPNs under a 'Manufacturer name' header and the maker under 'brand' (ubertooth)", () => {
    const grid: Grid = [
      ["ref", "brand", "Manufacturer name", "amount"],
      ["Q1", "NXP", "BC856AT,115", 1],
      ["U1", "NXP", "LPC1754FBD80,551", 1],
      ["C1", "Murata", "GRM188R71C104KA01D", 1],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.manufacturer_name.column).toBe(1);
    expect(mapping.fields.mpn.column).toBe(2);
    expect(mapping.fields.quantity.column).toBe(3);
  });

  it("gives a fitted-polarity column its polarity", () => {
    const grid: Grid = [
      ["Designator", "MPN", "Populate"],
      ["R1", "RC0603FR-0710KL", "Yes"],
      ["R2", "RC0603FR-0710KL", "No"],
    ];
    const result = readBom(grid);
    expect(result.mapping.dnpPolarity).toBe("fitted");
    expect(result.lines.map((line) => line.do_not_place)).toEqual([false, true]);
  });

  it("lets a user override win, including pinning a field to nothing", () => {
    const grid: Grid = [
      ["Part Number", "Manufacturer Part Number", "Qty"],
      ["ACME-1", "LM358DR", 1],
    ];
    const result = readBom(grid, { overrides: { mpn: 0, quantity: null } });
    expect(result.mapping.fields.mpn).toEqual({
      column: 0,
      header: "Part Number",
      confidence: 1,
      source: "user",
    });
    expect(result.mapping.fields.quantity.column).toBeNull();
    expect(result.lines[0]?.mpn).toBe("ACME-1");
    // The displaced column is free for another field.
    expect(result.mapping.fields.alternative_mpns.column).toBe(1);
  });

  it("reports an override that cannot be applied", () => {
    const grid: Grid = [
      ["MPN", "Qty"],
      ["LM358DR", 1],
    ];
    const result = readBom(grid, { overrides: { mpn: 7, description: 1, quantity: 1 } });
    expect(result.mapping.fields.mpn.column).toBeNull();
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "mpn",
          severity: "warning",
          message: expect.stringMatching(/column H for MPN could not be used/),
        }),
        expect.objectContaining({ field: "quantity", severity: "warning" }),
      ]),
    );
    expect(result.mapping.fields.description.column).toBe(1);
  });

  it("saves a mapping and reuses it on a sheet with the same header, not on another", () => {
    const grid: Grid = [
      ["Part Number", "Manufacturer Part Number", "Qty", "Notes"],
      ["ACME-1", "LM358DR", 1, "n"],
    ];
    const first = readBom(grid, { overrides: { mpn: 0, comments: null } });
    const saved = saveMapping(first, grid);
    expect(saved.version).toBe(1);
    expect(saved.fields.mpn).toBe("Part Number");
    expect(saved.fields.comments).toBeNull();
    const roundTrip = JSON.parse(JSON.stringify(saved));

    const sameHeader: Grid = [
      ["part number", "Manufacturer Part Number", "QTY", "Notes"],
      ["ACME-2", "NE555DR", 3, "m"],
    ];
    const again = readBom(sameHeader, { saved: roundTrip });
    expect(again.mapping.fields.mpn).toMatchObject({ column: 0, source: "saved" });
    expect(again.mapping.fields.comments.column).toBeNull();
    expect(again.lines[0]?.mpn).toBe("ACME-2");

    const otherHeader: Grid = [
      ["Part Number", "Manufacturer Part Number", "Qty", "Notes", "Extra"],
      ["ACME-2", "NE555DR", 3, "m", "x"],
    ];
    expect(readBom(otherHeader, { saved: roundTrip }).mapping.fields.mpn.source).toBe("header");
  });

  it("reuses a positional mapping of a headerless sheet only on one of the same width", () => {
    const grid: Grid = [
      ["LM358DR", "U1", "x"],
      ["NE555DR", "U2", "y"],
    ];
    const saved = saveMapping(readBom(grid, { overrides: { comments: 2 } }), grid);
    expect(saved.fields.comments).toBe("@2");
    expect(readBom(grid, { saved }).lines[0]?.comments).toBe("x");
    const wider: Grid = grid.map((row) => [...row, "z"]);
    expect(readBom(wider, { saved }).mapping.fields.comments.source).not.toBe("saved");
  });

  it("applies the grid's offset to header and issue rows", () => {
    const grid: Grid = [
      ["Designator", "MPN", "Qty"],
      ["R1", "", 1],
    ];
    const result = readBom(grid, { firstRow: 5, firstColumn: 3 });
    expect(result.headerRow).toBe(5);
    expect(result.lineRows).toEqual([6]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ row: 6, column: 4, field: "mpn" }),
    );
  });
});
