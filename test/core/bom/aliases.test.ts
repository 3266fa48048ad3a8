import { matchHeader } from "../../../src/core/bom/aliases";
import { isUnlabelledHeader, normalizeHeader } from "../../../src/core/bom/normalize";

describe("normalizeHeader", () => {
  it.each([
    ["Mfr. Part #", "mfr part number"],
    ["MFR_PART_NO", "mfr part number"],
    ["  Manufacturer's Part Number ", "manufacturer part number"],
    ["Reference(s)", "reference"],
    ["P/N", "pn"],
    ["manf#", "manf number"],
    ["LCSC Part #", "lcsc part number"],
    ["Manufacturer1 Part Number", "manufacturer 1 part number"],
    ["LibPart", "lib part"],
    ["No Pop", "no pop"],
    ["Status", "status"],
    ["Qty.", "qty"],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeHeader(raw)).toBe(normalized);
  });

  it.each(["", "  ", "Field1", "Column 3", "Unnamed: 4"])("%j is unlabelled", (raw) => {
    expect(isUnlabelledHeader(raw)).toBe(true);
  });
  it("a real header is labelled", () => expect(isUnlabelledHeader("MPN")).toBe(false));
});

describe("matchHeader", () => {
  const best = (header: string) => matchHeader(header)[0];

  // Cofactr's own BOM-import names must all map (our table is a superset of theirs).
  const cofactr: [string, string][] = [
    ["line number", "line_number"],
    ["line", "line_number"],
    ["item", "line_number"],
    ["reference designator", "reference_designators"],
    ["refdes", "reference_designators"],
    ["designator", "reference_designators"],
    ["references", "reference_designators"],
    ["reference", "reference_designators"],
    ["quantity", "quantity"],
    ["quant", "quantity"],
    ["qty", "quantity"],
    ["manufacturer", "manufacturer_name"],
    ["mfg", "manufacturer_name"],
    ["manufacturer 1", "manufacturer_name"],
    ["manufacturer part number", "mpn"],
    ["mpn", "mpn"],
    ["part number", "mpn"],
    ["pn", "mpn"],
    ["p/n", "mpn"],
    ["manufacturer part no", "mpn"],
    ["part number 1", "mpn"],
    ["manufacturer part", "mpn"],
    ["custom part number", "custom_id"],
    ["ipn", "custom_id"],
    ["internal", "custom_id"],
    ["alternatives", "alternative_mpns"],
    ["alts", "alternative_mpns"],
    ["alt mpns", "alternative_mpns"],
    ["dnp", "do_not_place"],
    ["place", "do_not_place"],
    ["populate", "do_not_place"],
    ["fitted", "do_not_place"],
  ];
  it.each(cofactr)("Cofactr alias %j → %s", (header, field) => {
    expect(best(header)?.field).toBe(field);
  });

  const variants: [string, string][] = [
    ["Manufacturer_Part_Number", "mpn"],
    ["Mfr Part #", "mpn"],
    ["MFG P/N", "mpn"],
    ["mfg#", "mpn"],
    ["manf#", "mpn"],
    ["Mfr. #", "mpn"],
    ["Manufacturer_Name", "manufacturer_name"],
    ["Mfr", "manufacturer_name"],
    ["Reference(s)", "reference_designators"],
    ["Ref Des", "reference_designators"],
    ["Qnty", "quantity"],
    ["Quantity Per PCB", "quantity"],
    ["Qty per board", "quantity"],
    ["Footprint", "package"],
    ["PCB Package", "package"],
    ["Datasheet", "link"],
    ["Digi-Key Part Number", "distributor_sku"],
    ["Mouser Part Number", "distributor_sku"],
    ["LCSC Part #", "distributor_sku"],
    ["digikey_pn", "distributor_sku"],
    ["mouser-part#", "distributor_sku"],
    ["Supplier Part Number 1", "distributor_sku"],
    ["JLCPCB", "distributor_sku"],
    ["Characteristics", "description"],
    ["Val", "value"],
    ["Row", "line_number"],
    ["1b2-bom-key", "custom_id"],
    ["Notes", "comments"],
    ["Mounting Type", "mount_type"],
  ];
  it.each(variants)("%j → %s", (header, field) => {
    expect(best(header)?.field).toBe(field);
  });

  it.each([
    "Mouser Price/Stock",
    "MAXIMUM_PACKAGE_HEIGHT",
    "LibPart",
    "Pin Count",
    "Footprint Path",
    "Option other foot",
    "HelpURL",
    "Manufacturer1 Example",
    "Quantity Available",
  ])("%j names no field", (header) => {
    expect(matchHeader(header).map((m) => m.field)).not.toEqual(
      expect.arrayContaining(["mpn", "quantity", "package", "link", "alternative_mpns"]),
    );
  });

  it("gives DNP columns their polarity", () => {
    expect(best("DNP")?.polarity).toBe("dnp");
    expect(best("Do Not Fit")?.polarity).toBe("dnp");
    expect(best("Fitted")?.polarity).toBe("fitted");
    expect(best("Mounted")?.polarity).toBe("fitted");
    expect(best("Status")?.polarity).toBe("marker");
    expect(best("Status")?.ambiguous).toBe(true);
  });

  it("marks distractor headers as ambiguous so that contents decide", () => {
    expect(matchHeader("Part").every((m) => m.ambiguous)).toBe(true);
    expect(matchHeader("Device").every((m) => m.ambiguous)).toBe(true);
    expect(matchHeader("Comment").every((m) => m.ambiguous)).toBe(true);
  });

  it("scores numbered copies below the first and keeps their index", () => {
    const first = best("Manufacturer Part Number");
    const second = best("Manufacturer Part Number 2");
    expect(second?.field).toBe("mpn");
    expect(second?.index).toBe(2);
    expect(second!.score).toBeLessThan(first!.score);
  });

  it("scores 'Part Number' below a real MPN header and offers it as an internal number", () => {
    const fields = matchHeader("Part Number");
    expect(fields[0]?.field).toBe("mpn");
    expect(fields[0]!.score).toBeLessThan(1);
    expect(fields.map((m) => m.field)).toContain("custom_id");
  });
});
