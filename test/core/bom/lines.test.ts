import { readBom } from "../../../src/core/bom";
import type { Grid } from "../../../src/core/bom/types";

const HEADER = ["Designator", "Qty", "MPN", "Manufacturer", "Value", "Description", "DNP"];

function read(rows: Grid) {
  return readBom([HEADER, ...rows]);
}

function issuesAt(result: ReturnType<typeof read>, row: number) {
  return result.issues.filter((issue) => issue.row === row);
}

describe("lines", () => {
  it("builds a raw bomline with null (never empty strings), integer quantity and metadata", () => {
    const result = read([["R1-R3", "3", "RC0603FR-0710KL", "Yageo", "10k", "", ""]]);
    expect(result.lines).toEqual([
      {
        line_number: null,
        mpn: "RC0603FR-0710KL",
        manufacturer_name: "Yageo",
        custom_id: null,
        alternative_mpns: [],
        quantity: 3,
        description: null,
        value: "10k",
        package: null,
        link: null,
        comments: null,
        mount_type: null,
        do_not_place: false,
        metadata: { source_row: 2 },
        reference_designators: ["R1", "R2", "R3"],
        reference_designators_string: "R1-R3",
      },
    ]);
    expect(result.lineRows).toEqual([2]);
    expect(result.issues).toEqual([]);
  });

  it("derives a missing quantity from the designators, silently (that is the documented rule)", () => {
    const result = read([["C1, C2, C5", "", "GRM188R71C104KA01D", "Murata", "", "", ""]]);
    expect(result.lines[0]?.quantity).toBe(3);
    expect(result.issues).toEqual([]);
  });

  it("reports a quantity that disagrees with the designators and keeps the quantity", () => {
    const result = read([["R1, R2", 5, "RC0603FR-0710KL", "Yageo", "", "", ""]]);
    expect(result.lines[0]?.quantity).toBe(5);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "quantity",
        severity: "warning",
        column: 2,
        message: expect.stringMatching(/5 does not match the 2/),
      }),
    ]);
  });

  it("reports an unreadable quantity with its row and field", () => {
    const result = read([["R1", "lots", "RC0603FR-0710KL", "Yageo", "", "", ""]]);
    expect(result.lines[0]?.quantity).toBe(1);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "quantity",
        severity: "error",
        message: expect.stringMatching(
          /"lots" is not a quantity; 1 is sent \(the number of reference designators\)/,
        ),
      }),
    ]);
  });

  it("reports formula errors by row and field, and sends the line with that field empty", () => {
    const result = read([
      ["R1", 1, "#N/A", "Yageo", "#NAME?", "", ""],
      ["R2", "#VALUE!", "RC0603FR-0710KL", "#REF!", "10k", "", ""],
    ]);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[0]).toMatchObject({ mpn: null, value: null });
    expect(result.lines[1]).toMatchObject({ manufacturer_name: null, quantity: 1 });
    const errors = result.issues.filter((issue) => issue.severity === "error");
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: "mpn", message: expect.stringContaining("#N/A") }),
        expect.objectContaining({
          row: 2,
          field: "value",
          message: expect.stringContaining("#NAME?"),
        }),
        expect.objectContaining({
          row: 3,
          field: "quantity",
          message: expect.stringContaining("#VALUE!"),
        }),
        expect.objectContaining({
          row: 3,
          field: "manufacturer_name",
          message: expect.stringContaining("#REF!"),
        }),
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it("shortens text over 255 characters with an issue and keeps the full text in metadata", () => {
    const long = "x".repeat(300);
    const result = read([["R1", 1, "RC0603FR-0710KL", "Yageo", "", long, ""]]);
    const line = result.lines[0]!;
    expect(line.description).toHaveLength(255);
    expect(line.metadata).toMatchObject({ description_full: long });
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "description",
        severity: "warning",
        message: expect.stringMatching(/300 characters/),
      }),
    ]);
  });

  it("compresses a long designator list to fit 255 characters", () => {
    const refs = Array.from({ length: 80 }, (_, i) => `C${i + 1}`).join(" ");
    const result = read([[refs, 80, "GRM188R71C104KA01D", "Murata", "", "", ""]]);
    expect(result.lines[0]?.reference_designators_string).toBe("C1-C80");
    expect(result.lines[0]?.reference_designators).toHaveLength(80);
    expect(result.issues).toEqual([]);
  });

  it("reports a designator list that cannot fit even as ranges", () => {
    const refs = Array.from({ length: 150 }, (_, i) => `C${i * 2 + 1}`).join(",");
    const result = read([[refs, 150, "GRM188R71C104KA01D", "Murata", "", "", ""]]);
    const text = result.lines[0]!.reference_designators_string!;
    expect(text.length).toBeLessThanOrEqual(255);
    expect(result.lines[0]?.reference_designators).toHaveLength(150);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "reference_designators",
        message: expect.stringMatching(/cut/),
      }),
    ]);
  });

  it("reports broken ranges and duplicates across lines", () => {
    const result = read([
      ["R5-R2", 1, "RC0603FR-0710KL", "Yageo", "", "", ""],
      ["R7, R8", 2, "RC0603FR-0710KL", "Yageo", "", "", ""],
      ["r8", 1, "RC0603FR-0710KL", "Yageo", "", "", ""],
    ]);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "reference_designators",
        message: expect.stringMatching(/descending/),
      }),
    ]);
    expect(issuesAt(result, 4)).toEqual([
      expect.objectContaining({ field: "reference_designators", message: "r8 is also on row 3" }),
    ]);
  });

  it("reads DNP from the DNP column with its polarity", () => {
    const result = read([
      ["R1", 1, "RC0603FR-0710KL", "Yageo", "", "", "DNP"],
      ["R2", 1, "RC0603FR-0710KL", "Yageo", "", "", "yes"],
      ["R3", 1, "RC0603FR-0710KL", "Yageo", "", "", "no"],
      ["R4", 1, "RC0603FR-0710KL", "Yageo", "", "", ""],
    ]);
    expect(result.lines.map((line) => line.do_not_place)).toEqual([true, true, false, false]);
  });

  it("reads a literal DNP in the value when there is no DNP column", () => {
    const result = readBom([
      ["Designator", "MPN", "Value"],
      ["R1", "RC0603FR-0710KL", "DNP"],
      ["R2", "RC0603FR-0710KL", "10k"],
      ["R3", "DNF", "0R"],
    ]);
    expect(result.lines.map((line) => line.do_not_place)).toEqual([true, false, true]);
    expect(result.lines[2]?.mpn).toBeNull();
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: "do_not_place", severity: "info" }),
        expect.objectContaining({ row: 4, field: "do_not_place", severity: "info" }),
      ]),
    );
  });

  it("lets a DNP column have the last word over a DNP in the value, with a warning", () => {
    const result = read([["R1", 1, "RC0603FR-0710KL", "Yageo", "DNP", "", "no"]]);
    expect(result.lines[0]?.do_not_place).toBe(false);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({
        field: "do_not_place",
        severity: "warning",
        message: expect.stringMatching(/says "no"/),
      }),
    ]);
  });

  it("reports an MPN missing from a line (info only for DNP lines)", () => {
    const result = read([
      ["R1", 1, "", "Yageo", "", "", ""],
      ["R2", 1, "", "", "", "", "DNP"],
    ]);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({ field: "mpn", severity: "warning" }),
    ]);
    expect(issuesAt(result, 3)).toEqual([
      expect.objectContaining({ field: "mpn", severity: "info" }),
    ]);
  });

  it("keeps numeric MPN cells as text and line numbers as strings", () => {
    const result = readBom([
      ["Item", "MPN", "Qty"],
      [1, 223878715636, 2.0],
    ]);
    expect(result.lines[0]).toMatchObject({ line_number: "1", mpn: "223878715636", quantity: 2 });
  });

  it("splits an alternates list on ; | and ', ' but not inside an MPN", () => {
    const result = readBom([
      ["MPN", "Alternatives", "Qty"],
      ["BC856AT,115", "BC856A,215; BC856B | BC857, BC858", 1],
    ]);
    expect(result.lines[0]?.alternative_mpns).toEqual(["BC856A,215", "BC856B", "BC857", "BC858"]);
  });

  it("keeps all distributor SKUs in metadata, the first as distributor_sku", () => {
    const result = readBom([
      ["Designator", "Digikey", "LCSC", "Mouser"],
      ["R1", "311-10.0KHRCT-ND", "C25804", ""],
    ]);
    expect(result.lines[0]?.metadata).toEqual({
      source_row: 2,
      distributor_sku: "311-10.0KHRCT-ND",
      distributor_skus: { Digikey: "311-10.0KHRCT-ND", LCSC: "C25804" },
    });
  });

  it("skips blank rows and summary footers and accounts for every row", () => {
    const result = readBom([
      ["Designator", "MPN", "Qty", "Owner"],
      ["R1", "RC0603FR-0710KL", 1],
      [],
      ["", "", ""],
      ["R2", "RC0603FR-0710KL", 1],
      ["Designator", "MPN", "Qty", "Owner"],
      ["", "", "", "a note in an unmapped column"],
      ["Component Count:", 2],
      ["Total", "", 2],
    ]);
    expect(result.lineRows).toEqual([2, 5]);
    expect(result.skippedRows).toEqual([
      { row: 3, reason: "blank" },
      { row: 4, reason: "blank" },
      { row: 6, reason: "repeated-header" },
      // Text only in an unmapped column: a remark, named in a note-level issue.
      { row: 7, reason: "note" },
      { row: 8, reason: "footer" },
      { row: 9, reason: "footer" },
    ]);
    expect(issuesAt(result, 7)).toEqual([
      expect.objectContaining({
        severity: "info",
        field: null,
        message: expect.stringContaining("a note in an unmapped column"),
      }),
    ]);
  });

  it("counts each line as 1 with a sheet-level note when there is no quantity or designator column", () => {
    const result = readBom([
      ["manf#", ""],
      ["LM358DR", ""],
      ["NE555DR", ""],
    ]);
    expect(result.lines.map((line) => line.quantity)).toEqual([1, 1]);
    expect(result.issues).toEqual([
      expect.objectContaining({ row: 1, field: "quantity", severity: "info" }),
    ]);
  });

  it("warns about a line with neither quantity nor designators", () => {
    const result = read([["", "", "RC0603FR-0710KL", "Yageo", "", "", ""]]);
    expect(result.lines[0]?.quantity).toBe(1);
    expect(issuesAt(result, 2)).toEqual([
      expect.objectContaining({ field: "quantity", severity: "warning" }),
    ]);
  });
});
