/**
 * Failure classes found on real BOMs outside the labelled corpus, each shown on a small
 * synthetic sheet: compound headers, headers of properties that are no BOM field, "+"-joined
 * designators, "-" as "none" in a totals row, and item rows that name themselves.
 */
import { readBom, type Grid } from "../../../src/core/bom";
import { matchHeader } from "../../../src/core/bom/aliases";
import { expandRefdes } from "../../../src/core/bom/refdes";
import { isNoneMark } from "../../../src/core/bom/cells";
import { readDesignators } from "../../../src/core/bom/designators";
import { detectFixedWidth, splitFixedWidthLine } from "../../../src/core/bom/files/fixed-width";
import type { BomField } from "../../../src/core/bom/types";

const columnOf = (grid: Grid, field: BomField) => readBom(grid).mapping.fields[field].column;
const best = (header: string) => matchHeader(header)[0]?.field ?? null;

describe("compound headers", () => {
  it("reads a header that offers alternatives at '/' by its parts", () => {
    expect(best("Manufacturer / Source")).toBe("manufacturer_name");
    expect(best("Part Number / Identifier")).toBe("mpn");
    expect(best("型号 / 规格")).toBe("mpn");
    // Each alternative counts a little less than the plain word.
    expect(matchHeader("Manufacturer / Source")[0]?.score).toBeLessThan(
      matchHeader("Manufacturer")[0]?.score ?? 0,
    );
  });

  it("takes a maker word at the end of the header as the manufacturer", () => {
    expect(best("PART MANUFACTURER")).toBe("manufacturer_name");
    expect(best("Component Mfr")).toBe("manufacturer_name");
    // The maker word first and a number word after it is still the part number.
    expect(best("Manufacturer Part")).toBe("mpn");
  });

  it("reads '<seller> Link' as a link and never a picture's URL", () => {
    expect(best("LCSC Link")).toBe("link");
    expect(best("Product Page URL")).toBe("link");
    expect(matchHeader("Image URL").some((m) => m.field === "link")).toBe(false);
  });

  it("reads a part's name as its description, not as a misspelt 'part num'", () => {
    expect(best("Part Name")).toBe("description");
    expect(best("Item Name")).toBe("description");
    expect(best("模块名称")).toBe("description");
  });

  it("maps a hand-made purchase list whose headers are all compound", () => {
    const grid: Grid = [
      ["Item Name", "Qty", "PART MANUFACTURER", "PART CODE", "Product Link"],
      ["Mirror mount", 1, "Thorlabs", "KCB1", "https://example.com/kcb1"],
      ["Cage plate", 2, "Thorlabs", "CP42", "https://example.com/cp42"],
      ["Objective 4x", 1, "Nikon", "MRD00045", "https://example.com/obj"],
      ["Relay module", 1, "Songle", "SRD-05VDC-SL-C", "https://example.com/relay"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.description.column).toBe(0);
    expect(mapping.fields.manufacturer_name.column).toBe(2);
    expect(mapping.fields.mpn.column).toBe(3);
    expect(mapping.fields.custom_id.column).toBeNull();
    expect(mapping.fields.link.column).toBe(4);
  });
});

describe("headers of properties that are no BOM field", () => {
  it("does not read an 'Orientation' column of R0/R90 as designators", () => {
    const grid: Grid = [
      ["Part", "Value", "Package", "Orientation"],
      ["+", "9V", "1X01", "R90"],
      ["C1+", "220uF", "E3,5-8", "R180"],
      ["OPA", "DUAL-OPAMP", "DIP-8", "R180"],
      ["R1-", "4.7K", "0309V", "R0"],
    ];
    expect(columnOf(grid, "reference_designators")).not.toBe(3);
  });

  it("does not read an 'Optional?' Yes/No column as do-not-place", () => {
    const grid: Grid = [
      ["Identifier", "Plain Name", "Optional?", "Part Number"],
      ["U1", "Microcontroller", "No", "PIC16F1459-I/P"],
      ["D1", "Power LED", "Yes", "LTL-307EE"],
      ["D2", "Status LED", "Yes", "LTL-307GE"],
      ["R1", "LED resistor", "Yes", "CF14JT470R"],
    ];
    const result = readBom(grid);
    expect(result.mapping.fields.do_not_place.column).toBeNull();
    expect(result.lines.filter((line) => line.do_not_place)).toHaveLength(0);
  });

  it("does not read a 'Lead Time' of '12w' as a component value", () => {
    const grid: Grid = [
      ["MPN", "Qty", "Schematic Reference", "Lead Time"],
      ["AP3012KTR-G1", 1, "U2", "48w"],
      ["RT5750BHGJ5", 1, "U3", "12w"],
      ["DS3231M+TRL", 1, "U4", "52w"],
    ];
    expect(columnOf(grid, "value")).toBeNull();
  });

  it("does not take a column of picture URLs for the part's link", () => {
    const grid: Grid = [
      ["Part Name", "Image", "Quantity", "Source"],
      ["M3-hex-nut", "https://example.com/nut.png", 11, "https://example.com/90592A085"],
      ["spring", "https://example.com/spring.jpg", 1, "https://example.com/LC026C06M"],
      ["frame", "", 1, ""],
    ];
    expect(columnOf(grid, "link")).toBe(3);
  });
});

describe("designators joined with '+'", () => {
  it("splits 'C5+C9+C10' into three references", () => {
    expect(expandRefdes("C5+C9+C10").refs).toEqual(["C5", "C9", "C10"]);
  });

  it("keeps a name with a '+' inside ('CHG+1') whole", () => {
    expect(expandRefdes("CHG+1, CHG-1").refs).toEqual(["CHG+1", "CHG-1"]);
  });

  it("counts them on a sheet and confirms the designator column by them", () => {
    const grid: Grid = [
      ["group", "ref", "qty_per_unit"],
      ["pcb", "TP1+TP2", 2],
      ["pcb", "R1+R3+R4", 3],
      ["pcb", "U1", 1],
    ];
    const result = readBom(grid);
    expect(result.mapping.fields.reference_designators.column).toBe(1);
    expect(result.lines.map((line) => line.reference_designators?.length)).toEqual([2, 3, 1]);
  });
});

describe("rows that are no part, and items that name themselves", () => {
  it("reads '-', '—' and 'n/a' as marks of nothing", () => {
    for (const text of ["-", "—", "--", "n/a", "N/A", "none"]) expect(isNoneMark(text)).toBe(true);
    for (const text of ["R1-", "-9V", "0", "NA555"]) expect(isNoneMark(text)).toBe(false);
  });

  it("skips a totals row whose MPN and quantity cells say '-'", () => {
    const grid: Grid = [
      ["名称", "型号", "数量", "小计"],
      ["主控 MCU", "STM32F407ZGT6", 1, "85.00"],
      ["蜂鸣器", "PKM13EPYH4000", 1, "5.00"],
      ["合计", "-", "-", "90.00"],
    ];
    expect(readBom(grid).lines).toHaveLength(2);
  });

  it("keeps a row with a name in the designator column as an item, not an alternate source", () => {
    const grid: Grid = [
      ["Identifier", "Plain Name", "Part Number", "Link"],
      ["U1", "Microcontroller", "PIC16F1459-I/P", "https://example.com/u1"],
      ["R1", "LED resistor", "CF14JT470R", "https://example.com/r1"],
      ["Cables", "Alligator clip cables", "", "https://example.com/cables"],
    ];
    const result = readBom(grid);
    expect(result.lines).toHaveLength(3);
    expect(result.lines[2]?.description).toBe("Alligator clip cables");
  });
});

describe("columns a header names although the data barely fill them", () => {
  it("splits a fixed-width column the header names even where one row runs up to it", () => {
    const lines = [
      "Qty Value  Device   Parts      Description      MF               MPN",
      "1          C2.5/2   C2         CAPACITOR",
      "9   BNC    BNC-227  J1, J2     JACK, BNC        TYCO ELECTRONICS 1-227161",
      "4   10k    R-US     R1, R2     RESISTOR",
      "2   BSS138 MOSFET   Q2, Q3     N-CHANNEL FET",
    ];
    const layout = detectFixedWidth(lines);
    expect(layout).not.toBeNull();
    const row = splitFixedWidthLine(lines[2] as string, layout?.starts ?? []);
    expect(row.slice(-2)).toEqual(["TYCO ELECTRONICS", "1-227161"]);
  });

  it("reads descriptions under a 'Footprint' header as the description", () => {
    const grid: Grid = [
      ["Reference", "Quantity", "Value", "Footprint", "Mouser P/N"],
      ["C1 C2", 2, ".1", "Cap MLCC 0.1uF 50V X7R P5.08mm Radial", "80-C322C104K5R5TA"],
      ["C3", 1, "10uF", "Cap Alu 10uF 25V 5x5mm P2.5mm Radial", "667-ECE-A1EKS100I"],
      ["R1 R2", 2, "3K3", "Resistor 3K3 0207 Axial", "594-MBB02070C3301FC1"],
      ["Q1", 1, "2SC1815", "Bipolar Transistor TO-92 Vce=60V 400mA", "757-2SC1815"],
      ["U1", 1, "74LS258", "Quadruple 2-line to 1-line data selectors", "595-SN74LS258BN"],
    ];
    const { mapping } = readBom(grid);
    expect(mapping.fields.description.column).toBe(3);
    expect(mapping.fields.package.column).toBeNull();
  });
});

describe("designators written as schematic names", () => {
  it("reads upper-case names joined by '_' as designators, other words as labels", () => {
    expect(readDesignators("C_HSW_IN, C_P3V3_1, LED_PWR", 3).refs).toEqual([
      "C_HSW_IN",
      "C_P3V3_1",
      "LED_PWR",
    ]);
    expect(readDesignators("OLED", 1).refs).toEqual([]);
    expect(readDesignators("ICSP Header", 1).refs).toEqual([]);
    expect(readDesignators("Power_Select", 1).refs).toEqual([]);
  });
});

describe("advice about substitutes", () => {
  it("is not an alternates column when its cells are sentences, but part numbers there are", () => {
    const grid = (cells: string[]): Grid => [
      ["Ref", "Qty", "MPN", "Manufacturer", "Substitution"],
      ...cells.map((cell, i) => [`U${i + 1}`, 1, `LM358DR${i}`, "TI", cell]),
    ];
    const advice = [
      "any part meeting the spec",
      "not the HV5522PG-G (different package)",
      "same ratings or better only",
      "none without re-checking the design",
    ];
    expect(columnOf(grid(advice), "alternative_mpns")).toBeNull();
    expect(columnOf(grid(["LM358DT", "LM358PWR", "", "LM2904DR"]), "alternative_mpns")).toBe(4);
  });
});

describe("an 'Item' column of names", () => {
  it("is no line number, while an 'Item' column counting 1, 2, 3 is", () => {
    const grid = (items: (string | number)[]): Grid => [
      ["Item", "MPN", "Manufacturer", "Qty"],
      ...items.map((item, i) => [item, `LM358DR${i}`, "TI", 1]),
    ];
    const names = [
      "ESP32-S3 development board",
      "RS-485 transceiver",
      "Temperature humidity sensor",
      "Solar power manager",
    ];
    expect(columnOf(grid(names), "line_number")).toBeNull();
    expect(columnOf(grid([1, 2, 3, 4]), "line_number")).toBe(0);
  });
});

describe("a part number written after its maker", () => {
  const grid: Grid = [
    ["Ref", "Part", "Qty", "Code / Standard"],
    ["C1", "Capacitor", 1, "Nichicon LGU2G471MELC45"],
    ["C2", "Capacitor", 2, "Panasonic EEU-FC1H471L"],
    ["D1", "Diode", 1, "ON Semi MBR2045CT"],
    ["BR1", "Bridge", 1, "KBPC606"],
    ["C3", "Capacitor", 1, "Murata GRM188R71H104KA93D"],
  ];

  it("makes the column the MPN, and each line gets the maker apart with the cell kept", () => {
    const { mapping, lines } = readBom(grid);
    expect(mapping.fields.mpn.column).toBe(3);
    expect(lines.map((line) => [line.manufacturer_name, line.mpn])).toEqual([
      ["Nichicon", "LGU2G471MELC45"],
      ["Panasonic", "EEU-FC1H471L"],
      ["ON Semi", "MBR2045CT"],
      [null, "KBPC606"],
      ["Murata", "GRM188R71H104KA93D"],
    ]);
    expect(lines[0]?.metadata).toMatchObject({ mpn_as_written: "Nichicon LGU2G471MELC45" });
  });

  it("leaves the cell whole when the line has a maker of its own", () => {
    const withMaker: Grid = [
      ["Ref", "Qty", "MPN", "Manufacturer"],
      ["C1", 1, "Nichicon LGU2G471MELC45", "Nichicon"],
      ["C2", 1, "GRM188R71H104KA93D", "Murata"],
      ["C3", 1, "EEU-FC1H471L", "Panasonic"],
    ];
    expect(readBom(withMaker).lines[0]?.mpn).toBe("Nichicon LGU2G471MELC45");
  });
});
