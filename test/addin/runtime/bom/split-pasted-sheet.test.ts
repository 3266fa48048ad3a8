import { splitSheetBaseName } from "../../../../src/addin/runtime/bom/split-pasted-sheet";

describe("the split sheet's name", () => {
  it("is the pasted sheet's name with (split)", () => {
    expect(splitSheetBaseName("BOM")).toBe("BOM (split)");
  });

  it("stays within Excel's 31 characters with room for a number, and valid", () => {
    const long = splitSheetBaseName("Main board BOM rev C 2026-11-30 x");
    expect(long).toBe("Main board BOM rev C (split)");
    expect(`${long} 99`.length).toBeLessThanOrEqual(31);
    // Cut before an apostrophe, which may not end a sheet name.
    expect(splitSheetBaseName("Bob's board's parts list's copy")).toBe(
      "Bob's board's parts (split)",
    );
    expect(splitSheetBaseName("ab'''''''''''''''''''''''''''")).toBe("ab (split)");
  });
});
