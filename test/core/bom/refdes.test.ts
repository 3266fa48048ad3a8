import fc from "fast-check";
import { compressRefdes, expandRefdes, MAX_RANGE_SIZE } from "../../../src/core/bom/refdes";

describe("expandRefdes", () => {
  const cases: [string, string, string[]][] = [
    ["comma list", "R1, R2,R3", ["R1", "R2", "R3"]],
    ["semicolons", "C1;C2 ; C3", ["C1", "C2", "C3"]],
    ["spaces with a trailing space (Glasgow)", "C1 C14 C19 ", ["C1", "C14", "C19"]],
    ["newlines inside a cell", "U1\nU2\r\nU3", ["U1", "U2", "U3"]],
    ["range R1-R4", "R1-R4", ["R1", "R2", "R3", "R4"]],
    ["short range R1-4", "R1-4", ["R1", "R2", "R3", "R4"]],
    ["dotted range R1..R3", "R1..R3", ["R1", "R2", "R3"]],
    ["dotted short range D2..5", "D2..5", ["D2", "D3", "D4", "D5"]],
    ["'to' range", "R5 to R8", ["R5", "R6", "R7", "R8"]],
    ["'to' with bare end number", "R5 to 7", ["R5", "R6", "R7"]],
    ["spaced hyphen range", "R5 - R7", ["R5", "R6", "R7"]],
    ["arrow range", "R5->R7", ["R5", "R6", "R7"]],
    ["slash list C17/18", "C17/18", ["C17", "C18"]],
    ["backslash list", "C17\\18\\19", ["C17", "C18", "C19"]],
    ["slash list with prefixes", "C17/C18", ["C17", "C18"]],
    ["ranges and singles mixed", "R1-R3, R7, C2", ["R1", "R2", "R3", "R7", "C2"]],
    ["names without digits", "REC, RST, USR", ["REC", "RST", "USR"]],
    ["TP-1 is a name, not a range", "TP-1, TP-2", ["TP-1", "TP-2"]],
    ["CHG+1 and CHG-1 are names (ZSWatch)", "CHG+1, CHG-1", ["CHG+1", "CHG-1"]],
    ["Altium sub-numbering", "R2.1, R2.2", ["R2.1", "R2.2"]],
    ["lowercase range", "r1-r3", ["r1", "r2", "r3"]],
    ["zero padded range", "R08-R11", ["R08", "R09", "R10", "R11"]],
    ["prefix typed apart from its number", "R 1, R 2", ["R1", "R2"]],
    ["split prefixes in a range", "R 1 - R 3", ["R1", "R2", "R3"]],
    ["empty", "", []],
    ["only separators", " , ; ", []],
  ];
  it.each(cases)("%s: %j", (_name, text, refs) => {
    const result = expandRefdes(text);
    expect(result.refs).toEqual(refs);
    expect(result.problems).toEqual([]);
  });

  const broken: [string, string, string[], RegExp][] = [
    ["descending range", "R5-R2", ["R5-R2"], /descending/],
    ["mixed prefixes", "R1-C4", ["R1-C4"], /mixes prefixes R and C/],
    [
      "huge range",
      `R1-R${MAX_RANGE_SIZE + 5}`,
      [`R1-R${MAX_RANGE_SIZE + 5}`],
      /spans 1005 references/,
    ],
    ["dangling 'to'", "R1 to", ["R1"], /no reference on one side/],
    ["duplicate", "R1, R2, R1", ["R1", "R2"], /R1 is listed twice/],
    [
      "duplicate via a range, case-insensitive",
      "R1-R3, r2",
      ["R1", "R2", "R3"],
      /r2 is listed twice/,
    ],
    ["slash list with another prefix", "C17/R18", ["C17/R18"], /mixes prefixes/],
  ];
  it.each(broken)("reports %s without throwing", (_name, text, refs, problem) => {
    const result = expandRefdes(text);
    expect(result.refs).toEqual(refs);
    expect(result.problems.join("\n")).toMatch(problem);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = expandRefdes(text);
        expect(Array.isArray(result.refs)).toBe(true);
        expect(new Set(result.refs.map((r) => r.toUpperCase())).size).toBe(result.refs.length);
      }),
    );
  });
});

describe("compressRefdes", () => {
  it.each([
    [["R1", "R2", "R3", "R4"], "R1-R4"],
    [["R1", "R2"], "R1, R2"],
    [["C3", "C1", "C2", "R7", "C10"], "C1-C3, C10, R7"],
    [["U1", "FAN", "U2", "U3", "TP-1"], "FAN, TP-1, U1-U3"],
    [["R1", "R1", "R2"], "R1, R2"],
    [[], ""],
  ])("%j → %s", (refs, text) => {
    expect(compressRefdes(refs)).toBe(text);
  });

  const ref = fc.oneof(
    fc
      .tuple(fc.constantFrom("R", "C", "U", "LED", "SW"), fc.integer({ min: 0, max: 400 }))
      .map(([p, n]) => `${p}${n}`),
    fc.constantFrom("FAN", "REC", "TP-1", "CHG+1", "R2.1", "BOOT"),
  );

  it("expands back to the same set of references", () => {
    fc.assert(
      fc.property(fc.uniqueArray(ref, { maxLength: 80 }), (refs) => {
        const round = expandRefdes(compressRefdes(refs));
        expect(round.problems).toEqual([]);
        expect([...round.refs].sort()).toEqual([...refs].sort());
      }),
    );
  });

  it("is never longer than the plain list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(ref, { maxLength: 80 }), (refs) => {
        expect(compressRefdes(refs).length).toBeLessThanOrEqual(refs.join(", ").length);
      }),
    );
  });
});
