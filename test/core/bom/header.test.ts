import { detectHeaderRow, scoreHeaderRow } from "../../../src/core/bom/header";
import type { Grid } from "../../../src/core/bom/types";

describe("detectHeaderRow", () => {
  it("finds a header on row 1", () => {
    const grid: Grid = [
      ["Reference", "Qty", "MPN"],
      ["R1", 1, "RC0603FR-0710KL"],
    ];
    expect(detectHeaderRow(grid)).toBe(0);
  });

  it("skips a KiCad-style preamble and blank rows", () => {
    const grid: Grid = [
      ["Source:", "C:\\board.kicad_sch", "", ""],
      ["Date:", "1/16/2023", "", ""],
      ["Tool:", "Eeschema (6.0.7)", "", ""],
      ["Component Count:", 90, "", ""],
      ["", "", "", ""],
      ["Collated Components:", "", "", ""],
      [],
      ["Item", "Qty", "Reference(s)", "Value"],
      [1, 2, "C1, C2", "100n"],
    ];
    expect(detectHeaderRow(grid)).toBe(7);
  });

  it("prefers the real header to a title row that happens to contain a field word", () => {
    const grid: Grid = [
      ["Bill of materials — Description of board rev B"],
      ["Designator", "Quantity", "Manufacturer", "Manufacturer Part Number"],
      ["U1", "1", "TI", "LM358DR"],
    ];
    expect(detectHeaderRow(grid)).toBe(1);
  });

  it("copes with missing words: a header with only some known names", () => {
    const grid: Grid = [
      ["", "", ""],
      ["Thing", "MPN", "Whatever"],
      ["a", "LM358DR", "b"],
    ];
    expect(detectHeaderRow(grid)).toBe(1);
  });

  it("returns null for a sheet without a header (positional MPN list)", () => {
    const grid: Grid = [["LM358DR"], ["RC0603FR-0710KL"], ["GRM188R71C104KA01D"]];
    expect(detectHeaderRow(grid)).toBeNull();
  });

  it("does not take a data row of numbers for a header", () => {
    const grid: Grid = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(detectHeaderRow(grid)).toBeNull();
  });

  it("scores text above numbers and alias hits above unknown words", () => {
    const named = scoreHeaderRow([["Qty", "MPN", "Manufacturer"]], 0);
    const numbers = scoreHeaderRow([["Qty", 2, 3]], 0);
    const unknown = scoreHeaderRow([["Foo", "Bar", "Baz"]], 0);
    expect(named.strongHits).toBe(3);
    expect(named.score).toBeGreaterThan(numbers.score);
    expect(unknown.score).toBe(0);
  });

  it("handles empty and ragged grids", () => {
    expect(detectHeaderRow([])).toBeNull();
    expect(detectHeaderRow([[], [null, undefined], ["MPN"], ["X1", "extra", "cells"]])).toBe(2);
  });

  it("does not take a data row that names a shop for a header (headerless part list)", () => {
    const grid: Grid = [
      ["C1", "1uF", "CAP0603", "0603", "DigiKey", "399-3118-1-ND"],
      ["R1", "10K", "RES0603", "0603", "DigiKey", "P10KGTR-ND"],
      ["U1", "", "ATTINY44A-SSU", "SOIC-14", "DigiKey", "ATTINY44A-SSU-ND"],
    ];
    expect(detectHeaderRow(grid)).toBeNull();
    // The same words above the data are a header.
    expect(
      detectHeaderRow([["Ref", "Value", "Device", "Package", "DigiKey", "Order code"], ...grid]),
    ).toBe(0);
  });
});
