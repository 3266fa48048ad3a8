import { readBom, type Grid } from "../../../src/core/bom";
import { hasDnpMarker, isDnpWord, mentionsDnp, readDnpCell } from "../../../src/core/bom/dnp";

describe("readDnpCell polarity", () => {
  // [cell, reading under a DNP column, reading under a Fitted column]
  const table: [string, boolean, boolean][] = [
    ["yes", true, false],
    ["Y", true, false],
    ["x", true, false],
    ["1", true, false],
    ["TRUE", true, false],
    ["no", false, true],
    ["N", false, true],
    ["0", false, true],
    ["false", false, true],
    ["", false, false],
    ["DNP", true, true],
    ["DNF", true, true],
    ["do not place", true, true],
    ["Not Fitted", true, true],
    ["Fitted", false, false],
    ["populate", false, false],
  ];
  it.each(table)("%j: dnp column → %s, fitted column → %s", (cell, underDnp, underFitted) => {
    expect(readDnpCell(cell, "dnp")).toEqual({ dnp: underDnp, recognised: true });
    expect(readDnpCell(cell, "fitted")).toEqual({ dnp: underFitted, recognised: true });
  });

  it("reads an unknown word in a DNP column as not placed (KiCost's rule), flagged", () => {
    expect(readDnpCell("see note", "dnp")).toEqual({ dnp: true, recognised: false });
  });

  it("reads an unknown word in a fitted column as placed, flagged", () => {
    expect(readDnpCell("maybe", "fitted")).toEqual({ dnp: false, recognised: false });
  });

  it("marker columns (KiBot Status) only react to DNP words", () => {
    expect(readDnpCell("DNF", "marker").dnp).toBe(true);
    expect(readDnpCell("DNC", "marker")).toEqual({ dnp: false, recognised: true });
    expect(readDnpCell("yes", "marker")).toEqual({ dnp: false, recognised: false });
  });

  it("marker columns read DNP phrases inside notes, and other notes as placed", () => {
    expect(readDnpCell("just a footprint, not populated", "marker")).toEqual({
      dnp: true,
      recognised: true,
    });
    expect(readDnpCell("Nicht bestücken (Variante B)", "marker").dnp).toBe(true);
    expect(readDnpCell("can be replaced with a cheaper one", "marker")).toEqual({
      dnp: false,
      recognised: true,
    });
  });
});

describe("DNP phrases in free text", () => {
  it.each([
    "footprint only, not populated",
    "DNP for rev B",
    "do not fit",
    "don't place",
    "nicht bestückt",
    "ne pas monter",
    "no montar en serie",
    "不贴",
  ])("%j says do-not-place", (text) => {
    expect(mentionsDnp(text)).toBe(true);
  });
  it.each(["NP0 capacitor", "DNPX", "must be populated", "populate with 10k", "Optional"])(
    "%j does not",
    (text) => {
      expect(mentionsDnp(text)).toBe(false);
    },
  );
  it("reads only the start of a 10,000-character note", () => {
    expect(mentionsDnp(`${"x ".repeat(5000)}not populated`)).toBe(false);
  });
});

describe("DNP markers in other cells", () => {
  it.each(["DNP", "10k DNP", "DNF", "(DNP)", "dnp"])("value %j carries a marker", (text) => {
    expect(hasDnpMarker(text)).toBe(true);
  });
  it.each(["PinSocket_1x08_Vertical_DNP", "10k", "DNPX", "ADNP1"])("value %j does not", (text) => {
    expect(hasDnpMarker(text)).toBe(false);
  });
  it("recognises a cell that is only a DNP word", () => {
    expect(isDnpWord("DNP")).toBe(true);
    expect(isDnpWord("Do Not Place")).toBe(true);
    expect(isDnpWord("LM358")).toBe(false);
  });
});

describe("yes/no columns and placement", () => {
  const sheet = (header: string, marks: string[]): Grid => [
    ["Ref", "Qty", "MPN", "Manufacturer", header],
    ...marks.map((mark, i) => [`R${i + 1}`, 1, `RC0402FR-07${10 + i}KL`, "Yageo", mark]),
  ];
  const dnpColumn = (grid: Grid) => readBom(grid).mapping.fields.do_not_place.column;
  const ANSWERS = ["yes", "no", "no", "yes", "no", "no"];

  it("does not read yes/no under a header that asks something else as placement", () => {
    expect(dnpColumn(sheet("safety_critical", ANSWERS))).toBeNull();
    expect(dnpColumn(sheet("Verified", ANSWERS))).toBeNull();
    expect(readBom(sheet("Tested", ANSWERS)).lines.every((line) => !line.do_not_place)).toBe(true);
  });

  it("still reads yes/no under a header about placement, and placement words under any header", () => {
    expect(dnpColumn(sheet("DNP", ANSWERS))).toBe(4);
    expect(dnpColumn(sheet("Fitted", ANSWERS))).toBe(4);
    expect(dnpColumn(sheet("Status", ["", "DNP", "", "", "DNP", ""]))).toBe(4);
  });
});
