import { parseQuantity } from "../../../src/core/bom/quantity";

describe("parseQuantity", () => {
  it.each([
    [2, 2],
    [2.0, 2],
    ["2", 2],
    ["2.0", 2],
    [" 14 ", 14],
    ["1,000", 1000],
    ["12,345,678", 12345678],
    ["1 000", 1000],
    ["2 pcs", 2],
    ["2pcs", 2],
    ["3 ea", 3],
    ["x4", 4],
    ["4x", 4],
    ["0", 0],
  ])("%j → %d", (cell, value) => {
    expect(parseQuantity(cell)).toEqual({ kind: "ok", value });
  });

  it.each([
    ["qty: 3", 3],
    ["Qty 3", 3],
    ["3 St.", 3],
    ["3 pcs.", 3],
    ["1.000.000", 1000000],
  ])("%j → %d (labels, unit abbreviations, European thousands)", (cell, value) => {
    expect(parseQuantity(cell)).toEqual({ kind: "ok", value });
  });

  it("reads an ambiguous 1.000 as written and warns that it may mean a thousand", () => {
    expect(parseQuantity("1.000")).toEqual({
      kind: "ok",
      value: 1,
      warning: '"1.000" is read as 1; if the dot separates thousands, write 1000',
    });
    const half = parseQuantity("1.500");
    expect(half).toMatchObject({ kind: "invalid", value: 2 });
    if (half.kind === "invalid") expect(half.message).toMatch(/write 1500/);
  });

  it.each([null, undefined, "", "   "])("%j is empty", (cell) => {
    expect(parseQuantity(cell)).toEqual({ kind: "empty" });
  });

  it.each([
    ["abc", /"abc" is not a quantity/, null],
    ["-2", /negative/, null],
    [-1, /negative/, null],
    ["2.5", /not a whole number; 3 is sent/, 3],
    [1.2, /not a whole number; 2 is sent/, 2],
    ["2,5", /not a whole number; 3 is sent/, 3],
    ["1-2", /not a quantity/, null],
    [Number.NaN, /not a number/, null],
  ])("%j is invalid", (cell, message, value) => {
    const reading = parseQuantity(cell);
    expect(reading.kind).toBe("invalid");
    if (reading.kind !== "invalid") return;
    expect(reading.message).toMatch(message);
    expect(reading.value).toBe(value);
  });
});
