/**
 * The evidence model on sheets written in the styles of real exporters and hand-made BOMs:
 * headers in other languages, misspelt or misleading headers, contents that overrule a
 * header, the quantity that agrees with the designator counts, and the whole mapping chosen
 * at once. Every field choice carries reasons.
 */
import { readBom, saveMapping, type Grid } from "../../../src/core/bom";
import { matchHeader } from "../../../src/core/bom/aliases";

function pick(grid: Grid, field: keyof ReturnType<typeof readBom>["mapping"]["fields"]) {
  return readBom(grid).mapping.fields[field];
}

describe("the evidence model", () => {
  it("maps a German hand-made sheet and says why, naming the language", () => {
    const grid: Grid = [
      [
        "Pos.",
        "Anzahl",
        "Bauteile",
        "Wert",
        "Gehäuse",
        "Hersteller",
        "Herstellernummer",
        "Bemerkung",
      ],
      [1, 2, "R1, R2", "10k", "0603", "Yageo", "RC0603FR-0710KL", ""],
      [2, 1, "C1", "100nF", "0402", "Murata", "GRM155R71C104KA88D", "X7R"],
      [3, 1, "U1", "", "SOIC-8", "Texas Instruments", "LM358DR", "Opamp"],
      [4, 3, "D1-D3", "", "0805", "Würth Elektronik", "150080RS75000", ""],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.quantity.column).toBe(1);
    expect(mapping.fields.reference_designators.column).toBe(2);
    expect(mapping.fields.value.column).toBe(3);
    expect(mapping.fields.package.column).toBe(4);
    expect(mapping.fields.manufacturer_name.column).toBe(5);
    expect(mapping.fields.mpn.column).toBe(6);
    expect(mapping.fields.quantity.reasons?.join(" ")).toMatch(/"Anzahl" = Quantity \(German/);
    expect(mapping.fields.quantity.reasons?.join(" ")).toMatch(/number of designators/);
  });

  it("reads Chinese headers (型号 / 位号 / 数量 / 备注)", () => {
    const grid: Grid = [
      ["型号", "位号", "数量", "备注"],
      ["RP2040", "U1", "1", "LQFN-56"],
      ["W25Q16JVSNIQ", "U2", "1", "SOP-8"],
      ["100nF 25V 0603电容", "C1,C2,C3", "3", ""],
      ["AMS1117-3.3", "U3", "1", "SOT-223"],
    ];
    const result = readBom(grid);
    expect(result.headerRow).toBe(1);
    expect(result.mapping.fields.mpn.column).toBe(0);
    expect(result.mapping.fields.reference_designators.column).toBe(1);
    expect(result.mapping.fields.quantity.column).toBe(2);
  });

  it("understands misspelt and abbreviated headers", () => {
    const grid: Grid = [
      ["Ref Des", "Qty.", "Manufacturrer", "Manufacter Part#", "Descripton"],
      ["R1", 1, "Yageo", "RC0603FR-0710KL", "Resistor 10k 1% 0603"],
      ["C1", 1, "Murata", "GRM155R71C104KA88D", "Capacitor 100nF X7R 0402"],
      ["U1", 1, "Texas Instruments", "LM358DR", "Dual operational amplifier"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.reference_designators.column).toBe(0);
    expect(mapping.fields.quantity.column).toBe(1);
    expect(mapping.fields.manufacturer_name.column).toBe(2);
    expect(mapping.fields.mpn.column).toBe(3);
    expect(mapping.fields.description.column).toBe(4);
    expect(mapping.fields.manufacturer_name.reasons?.[0]).toMatch(/misspelling/);
  });

  it("lets designators under 'Part No.' overrule the header", () => {
    const grid: Grid = [
      ["Part No.", "Order Qty.", "Mouser #", "Mfr. #", "Manufacturer", "Description"],
      ["R1-3", 3, "603-RC0603FR-0710KL", "RC0603FR-0710KL", "Yageo", "Thick film resistor"],
      ["C1, C2", 2, "81-GRM155R71C104KA8D", "GRM155R71C104KA88D", "Murata", "Ceramic capacitor"],
      ["U1", 1, "595-LM358DR", "LM358DR", "Texas Instruments", "Operational amplifier"],
      ["J1", 1, "855-M22-7131042", "M22-7131042", "Harwin", "Header 10 pin"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.reference_designators.column).toBe(0);
    expect(mapping.fields.reference_designators.source).toBe("content");
    expect(mapping.fields.mpn.column).toBe(3);
    expect(mapping.fields.distributor_sku.column).toBe(2);
    expect(mapping.fields.quantity.column).toBe(1);
  });

  it("reads Digi-Key codes under 'Part Number' as order codes, not MPNs", () => {
    const grid: Grid = [
      ["Description", "PCB Reference", "Part Number", "Quantity Required"],
      ["ATmega2560 MCU", "IC1", "ATMEGA2560-16AU-ND", 1],
      ["Hex inverter", "IC2", "296-1395-5-ND", 1],
      ["0.1uF capacitor", "C1,C2", "399-1168-1-ND", 2],
      ["10K resistor", "R1", "311-10.0KCRCT-ND", 1],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.distributor_sku.column).toBe(2);
    expect(mapping.fields.mpn.column).toBeNull();
  });

  it("picks the quantity column that agrees with the designator counts", () => {
    const grid: Grid = [
      ["Designator", "Pins", "Count", "MPN"],
      ["R1, R2, R3", 2, 3, "RC0603FR-0710KL"],
      ["C1", 2, 1, "GRM155R71C104KA88D"],
      ["U1, U2", 8, 2, "LM358DR"],
      ["J1", 10, 1, "M22-7131042"],
      ["D1, D2, D3, D4", 2, 4, "1N4148WS"],
    ];
    const quantity = pick(grid, "quantity");
    expect(quantity.column).toBe(2);
    expect(quantity.reasons?.join(" ")).toMatch(/100 % of rows hold the number of designators/);
  });

  it("chooses the whole mapping at once: a column goes where it is needed most", () => {
    // "Part Number" could be the MPN or an internal number; the MPN column is clearer, so the
    // assignment gives it to the MPN and "Part Number" to the internal id.
    const grid: Grid = [
      ["Part Number", "Manufacturer Part Number", "Qty", "Reference"],
      ["ACME-0001", "LM358DR", 1, "U1"],
      ["ACME-0002", "RC0603FR-0710KL", 2, "R1, R2"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.mpn.column).toBe(1);
    expect(mapping.fields.custom_id.column).toBe(0);
  });

  it("prefers the left-most of equally named columns and keeps the others as extras", () => {
    const grid: Grid = [
      ["References", "Qty", "Manufacturer", "MPN", "Manufacturer", "MPN", "Digikey", "Mouser"],
      [
        "C1",
        1,
        "Panasonic",
        "EEU-FC1V221",
        "Panasonic",
        "EEUFC1V221",
        "P10313-ND",
        "667-EEU-FC1V221",
      ],
      ["D1", 1, "Kingbright", "L-53HD", "Vishay", "VLCS5830", "754-1599-ND", ""],
      ["R1", 1, "Yageo", "RC0603FR-0710KL", "", "", "311-10.0KHRCT-ND", "603-RC0603FR-0710KL"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.manufacturer_name.column).toBe(2);
    expect(mapping.fields.mpn.column).toBe(3);
    expect(mapping.fields.alternative_mpns.column).toBe(5);
    expect(mapping.extraColumns.manufacturer_name).toEqual([4]);
    expect(mapping.fields.distributor_sku.column).toBe(6);
    expect(mapping.extraColumns.distributor_sku).toEqual([7]);
  });

  it("does not take an EDA library's device names for MPNs (Eagle part list)", () => {
    const grid: Grid = [
      ["Part", "Value", "Device", "Package", "Library", "Sheet"],
      ["C1", "100uF", "CPOL-EUE2.5-7", "E2,5-7", "rcl", 1],
      ["C2", "100nF", "C-EUC0805", "C0805", "rcl", 2],
      ["IC1", "LM2576S-5.0", "LM2576S", "TO263-5", "regulators", 1],
      ["IC2", "MAX3232CPE", "MAX3232CPE", "DIL16", "maxim", 2],
      ["R1", "10k", "R-EU_R0805", "R0805", "rcl", 1],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.reference_designators.column).toBe(0);
    expect(mapping.fields.value.column).toBe(1);
    expect(mapping.fields.mpn.column).toBeNull();
    expect(mapping.fields.package.column).toBe(3);
    // A sheet number is no quantity: it contradicts the one designator per row.
    expect(mapping.fields.quantity.column).toBeNull();
  });

  it("gives every mapped field reasons and a confidence below 1 when a rival came close", () => {
    const grid: Grid = [
      ["Ref", "Qty", "MPN", "MPN 2"],
      ["R1", 1, "RC0603FR-0710KL", "ERJ-3EKF1002V"],
      ["R2", 1, "RC0603FR-0710KL", ""],
    ];
    const { mapping } = readBom(grid);
    for (const assignment of Object.values(mapping.fields)) {
      if (assignment.column === null) continue;
      expect(assignment.reasons?.length).toBeGreaterThan(0);
      expect(assignment.confidence).toBeGreaterThan(0);
      expect(assignment.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("reads data shifted one column right of its header, and says so", () => {
    const grid: Grid = [
      ["Reference", "Qty", "Manufacturer", "MPN", "Description"],
      ["", "R1, R2", 2, "Yageo", "RC0603FR-0710KL", "Resistor 10k"],
      ["", "C1", 1, "Murata", "GRM155R71C104KA88D", "Capacitor 100nF"],
      ["", "U1, U2, U3", 3, "Texas Instruments", "LM358DR", "Opamp dual"],
      ["", "J1", 1, "Harwin", "M22-7131042", "Header 10 pin"],
    ];
    const result = readBom(grid);
    expect(result.mapping.headerShift).toBe(1);
    expect(result.mapping.fields.reference_designators).toMatchObject({
      column: 1,
      header: "Reference",
    });
    expect(result.mapping.fields.mpn).toMatchObject({ column: 4, header: "MPN" });
    expect(result.lines[2]).toMatchObject({ quantity: 3, mpn: "LM358DR" });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 1,
        severity: "warning",
        message: expect.stringMatching(/one column right/),
      }),
    );
    // The saved mapping names each field by the header written above its data.
    expect(saveMapping(result, grid).fields.mpn).toBe("MPN");
  });

  it("does not take a text shared by different values for an MPN (a CAD device name)", () => {
    // No header: one line per designator, as hand-kept part lists are.
    const grid: Grid = [
      ["C1", "1uF", "CAP0603-CAP", "0603-CAP", "DigiKey", "399-3118-1-ND"],
      ["C2", "1uF", "CAP0603-CAP", "0603-CAP", "DigiKey", "399-3118-1-ND"],
      ["C3", "100nF", "CAP0603-CAP", "0603-CAP", "DigiKey", "478-1239-1-ND"],
      ["C4", "100nF", "CAP0603-CAP", "0603-CAP", "DigiKey", "478-1239-1-ND"],
      ["R1", "10K", "RESISTOR0603-RES", "0603-RES", "DigiKey", "P10KGTR-ND"],
      ["R2", "1K", "RESISTOR0603-RES", "0603-RES", "DigiKey", "311-1.0KGRCT-ND"],
      ["R3", "100R", "RESISTOR0603-RES", "0603-RES", "DigiKey", "311-100GRCT-ND"],
      ["U1", "", "TINY44-SSU", "SOIC-14", "DigiKey", "ATTINY44A-SSU-ND"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.mpn.column).toBeNull();
    expect(mapping.fields.value.column).toBe(1);
    expect(mapping.fields.package.column).toBe(3);
    expect(mapping.fields.distributor_sku.column).toBe(5);
  });

  it("reads a generic 'Name' column as the value when passives hold values there", () => {
    const grid: Grid = [
      ["ID", "Name", "Designator", "Footprint", "Quantity", "Manufacturer Part"],
      [1, "100nF", "C1,C2", "0805", 2, "CL21B104KBCNNNC"],
      [2, "4.7k", "R1,R2,R3", "0603", 3, "RC0603FR-074K7L"],
      [3, "470", "R4", "AXIAL-0.3", 1, ""],
      [4, "10uF 25V", "C3", "CASE-B", 1, ""],
      [5, "MCP23017-E/SP", "U1", "DIP-28", 1, "MCP23017-E/SP"],
      [6, "HEADER 1X3", "J1", "HDR-1X3", 1, ""],
    ];
    const value = pick(grid, "value");
    expect(value.column).toBe(1);
    expect(value.reasons?.join(" ")).toMatch(/resistor, capacitor and inductor rows hold a value/);
    expect(pick(grid, "mpn").column).toBe(5);
  });

  it("does not read a 'Vendor' column of shop names as the manufacturer", () => {
    const rows = [
      ["ATmega2560 MCU", "U1", "556-ATMEGA2560-16AU", "mouser.com", 1],
      ["Capacitor", "C1,C2", "80-C0805X104K5R", "mouser.com", 2],
      ["SD socket", "J1", "S9337-ND", "digikey.com", 1],
      ["OLED display", "DS1", "", "eBay.com", 1],
      ["Header", "J2", "", "eBay.com", 1],
    ];
    const vendor: Grid = [["Description", "Reference", "Part Number", "Vendor", "Qty"], ...rows];
    const named: Grid = [
      ["Description", "Reference", "Part Number", "Manufacturer", "Qty"],
      ...rows,
    ];
    expect(pick(vendor, "manufacturer_name").column).toBeNull();
    expect(pick(vendor, "distributor_sku").column).toBe(2);
    // A header that says "Manufacturer" outright is taken at its word.
    expect(pick(named, "manufacturer_name").column).toBe(3);
  });

  it("reads do-not-place from a notes column and keeps every note as a comment", () => {
    const grid: Grid = [
      ["Ref", "Qty", "MPN", "Notes"],
      ["U1", 1, "ATTINY44A-SSU", "low power variety needed"],
      ["R1", 1, "RC0603FR-0710KL", ""],
      ["SG1", 1, "PS1240P02BT", "can be replaced with a cheaper one"],
      ["JP1", 1, "PH1-03-UA", "just a footprint, not populated"],
      ["C1", 1, "GRM188R71C104KA01D", ""],
    ];
    const result = readBom(grid);
    expect(result.mapping.fields.do_not_place.column).toBe(3);
    expect(result.mapping.dnpPolarity).toBe("marker");
    expect(result.lines.map((line) => line.do_not_place)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(result.lines[0]?.comments).toBe("low power variety needed");
    expect(result.lines[3]?.comments).toBe("just a footprint, not populated");
    expect(result.issues.filter((issue) => issue.field === "do_not_place")).toEqual([]);
  });

  it("takes the lowest numbered copy of an MPN column for the alternates, wherever it stands", () => {
    const grid: Grid = [
      ["Ref", "Qty", "MPN", "MPN3", "MPN2"],
      ["R1", 1, "RC0603FR-0710KL", "", "ERJ-3EKF1002V"],
      ["R2", 1, "RC0603FR-071KL", "CRCW06031K00FKEA", "ERJ-3EKF1001V"],
      ["C1", 1, "GRM188R71C104KA01D", "", "CL10B104KB8NNNC"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.alternative_mpns.column).toBe(4);
    expect(mapping.extraColumns.alternative_mpns).toEqual([3]);
  });

  it("of two columns a header names about equally well, takes the left-most", () => {
    const grid: Grid = [
      ["Qty", "MPN", "Octopart URL", "Ref", "URL"],
      [1, "LM358DR", "https://octopart.com/lm358dr", "U1", "https://www.digikey.com/p/1"],
      [2, "RC0603FR-0710KL", "https://octopart.com/rc0603", "R1,R2", ""],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.link.column).toBe(2);
    expect(mapping.extraColumns.link).toEqual([4]);
  });

  it("reads an order count as the quantity when the sheet has no other", () => {
    const grid: Grid = [
      ["value", "package", "distributor", "ID", "# order"],
      ["100nF", "0805", "Mouser", "77-VJ1206Y104KXXPBC", 20],
      ["10k", "0603", "Mouser", "71-CRCW060310K0FKEA", 15],
      ["TLC5947", "HTSSOP-32", "Mouser", "595-TLC5947DAP", 2],
    ];
    expect(pick(grid, "quantity").column).toBe(4);
  });

  it.each([
    ["# order", "Qty"],
    ["qty to buy", "Quantity"],
    ["Bestellmenge", "Menge"],
  ])("reads '%s' as a weaker quantity than '%s'", (orderHeader, quantityHeader) => {
    expect(matchHeader(orderHeader)[0]).toMatchObject({ field: "quantity" });
    const grid: Grid = [
      ["MPN", orderHeader, quantityHeader],
      ["LM358DR", 20, 2],
      ["RC0603FR-0710KL", 150, 12],
      ["GRM188R71C104KA01D", 40, 5],
    ];
    expect(pick(grid, "quantity").column).toBe(2);
  });

  it("sends no manufacturer found by contents alone when the sheet has no part numbers", () => {
    // Headerless: designator, value, EDA library, shop, order code.
    const rows: Grid = [
      ["C1", "100nF", "SparkFun", "DigiKey", "478-1239-1-ND"],
      ["R1", "10K", "SparkFun", "DigiKey", "P10KGTR-ND"],
      ["U1", "", "adafruit", "DigiKey", "ATTINY44A-SSU-ND"],
      ["Q1", "", "SparkFun", "DigiKey", "568-5818-1-ND"],
    ];
    expect(pick(rows, "manufacturer_name").column).toBeNull();
    // Beside part numbers the same column is the manufacturer.
    const withMpn = rows.map((row, i) => [
      ...row,
      ["CL10B104KB8NNNC", "RC0603FR-0710KL", "ATTINY44A-SSU", "2N7002P"][i] as string,
    ]);
    expect(pick(withMpn, "manufacturer_name").column).toBe(2);
  });
});
