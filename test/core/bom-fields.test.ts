/** The BOM fields as the product names them, the custom-part field, and over-long alternates. */
import { BOM_FIELDS, readBom } from "../../src/core/bom";
import { FIELD_LABELS, FIELD_ORDER } from "../../src/core/field-labels";

describe("field labels", () => {
  it("name every field once, and the pane lists every field", () => {
    expect([...FIELD_ORDER].sort()).toEqual([...BOM_FIELDS].sort());
    expect(new Set(Object.values(FIELD_LABELS)).size).toBe(BOM_FIELDS.length);
  });

  it("are what the issue messages say", () => {
    const result = readBom([
      ["MPN", "Alternates", "Qty"],
      ["LM358", "#N/A", 1],
    ]);
    const issue = result.issues.find((i) => i.field === "alternative_mpns");
    expect(issue?.message).toMatch(/^Alternate MPNs: the cell's formula returned #N\/A/);
  });
});

describe("custom part", () => {
  const grid = [
    ["Designator", "MPN", "Qty", "Custom Part"],
    ["U1", "MY-ASIC-1", 1, "yes"],
    ["R1", "RC0603FR-0710KL", 1, "no"],
    ["R2", "RC0603FR-0710KL", 1, ""],
    ["U2", "MY-ASIC-2", 1, "maybe"],
  ];

  it("maps a custom-part column and reads it as yes or no", () => {
    const result = readBom(grid);
    expect(result.mapping.fields.is_custom_part.column).toBe(3);
    expect(result.lines.map((line) => line.is_custom_part)).toEqual([
      true,
      false,
      undefined,
      undefined,
    ]);
  });

  it("names the row and field of a cell that is neither yes nor no", () => {
    const issue = readBom(grid).issues.find((i) => i.field === "is_custom_part");
    expect(issue).toMatchObject({ row: 5, field: "is_custom_part", severity: "warning" });
    expect(issue?.message).toContain('"maybe"');
  });

  it("is left out of every line when the sheet has no such column", () => {
    const result = readBom([
      ["MPN", "Qty"],
      ["LM358", 1],
    ]);
    expect(result.mapping.fields.is_custom_part.column).toBeNull();
    expect(result.lines[0]).not.toHaveProperty("is_custom_part");
  });
});

describe("an alternate MPN over 255 characters", () => {
  it("is sent whole, with an issue naming its row and field", () => {
    const long = `ALT-${"X".repeat(300)}`;
    const result = readBom([
      ["MPN", "Alternates", "Qty"],
      ["LM358", `LM358N; ${long}`, 1],
    ]);
    expect(result.lines[0]?.alternative_mpns).toEqual(["LM358N", long]);
    const issue = result.issues.find((i) => i.field === "alternative_mpns");
    expect(issue).toMatchObject({ row: 2, field: "alternative_mpns", column: 2 });
    expect(issue?.message).toContain(`${long.length} characters`);
  });
});
