import { detectFixedWidth, readTextTable } from "../../../../src/core/bom/files";

/** Eagle 9 "File › Export › Partlist" of a schematic: one part per line, padded columns. */
const EAGLE_SCHEMATIC = [
  "Partlist",
  "",
  "Exported from sensor-node.sch at 3/4/2024 10:11 AM",
  "",
  "EAGLE Version 9.6.2 Copyright (c) 1988-2020 Autodesk, Inc.",
  "",
  "Assembly variant: ",
  "",
  "Part     Value          Device             Package            Library  Sheet",
  "",
  "C1       10uF           C-EUC1206          C1206              rcl      1",
  "C2       100nF          C-EUC0603          C0603              rcl      1",
  "IC1      ATMEGA328P-AUR ATMEGA328P-AU      TQFP32-08          atmel    1",
  "JP1      Boot Mode Sel  PINHD-1X3          1X03               pinhead  1",
  "LED1                    LEDCHIP-LED0805    CHIP-LED0805       led      2",
  "R1       4k7            R-EU_R0603         R0603              rcl      1",
  "R2       4k7            R-EU_R0603         R0603              rcl      1",
  "U2                      PHOTOCELL020-017X  PHOTOCELL-020-017X sensors  2",
  "X1       USB Micro B    USB-MICRO-B-SMD    USB-MICRO-B-SMD-5P con-usb  2",
  "",
].join("\r\n");

/** Eagle's board part list: a header with a space inside ("Position (mil)"). */
const EAGLE_BOARD = `Partlist

Exported from sensor-node.brd at 3/4/2024 10:12 AM

EAGLE Version 7.7.0 Copyright (c) 1988-2016 CadSoft

Assembly variant: 

Part     Value          Package           Library      Position (mil)        Orientation

C1       100nF          C0603             rcl          (1250 1800)           R0
C2       10uF 16V       C1206             rcl          (1400 1800)           R90
IC1      LM1117-3.3     SOT223            linear       (2000 950)            MR180
R1       10k            R0603             rcl          (300 450)             R270
SW1      Reset          B3F-10XX          switch-omron (3100 2550)           R0
`;

/** Eagle's bom.ulp text output, grouped by value: a quantity and a list of parts per line. */
const EAGLE_GROUPED = `Partlist exported from C:/eagle/sensor-node/sensor-node.sch at 02.03.2018 14:22

Qty Value          Device              Package      Parts                                                                      Description
3   100nF          C-EUC0603           C0603        C1, C2, C5                                                                 CAPACITOR, European symbol
2   10k            R-EU_R0603          R0603        R1, R4                                                                     RESISTOR, European symbol
1   ATMEGA328P-AU  ATMEGA328P-AU       TQFP32-08    IC1
12  LED red        LEDCHIP-LED0603     CHIP-LED0603 LED1, LED2, LED3, LED4, LED5, LED6, LED7, LED8, LED9, LED10, LED11, LED12  LED
1                  PINHD-1X6           1X06         JP1                                                                        PIN HEADER
`;

describe("fixed-width part lists", () => {
  it("reads an Eagle schematic part list: preamble as single cells, values with spaces kept whole", () => {
    const sheet = readTextTable(EAGLE_SCHEMATIC);
    expect(sheet.delimiter).toBe("fixed-width");
    expect(sheet.grid.slice(0, 10)).toEqual([
      ["Partlist"],
      [""],
      ["Exported from sensor-node.sch at 3/4/2024 10:11 AM"],
      [""],
      ["EAGLE Version 9.6.2 Copyright (c) 1988-2020 Autodesk, Inc."],
      [""],
      ["Assembly variant:"],
      [""],
      ["Part", "Value", "Device", "Package", "Library", "Sheet"],
      [""],
    ]);
    expect(sheet.grid.slice(10)).toEqual([
      ["C1", "10uF", "C-EUC1206", "C1206", "rcl", "1"],
      ["C2", "100nF", "C-EUC0603", "C0603", "rcl", "1"],
      // A full-width value leaves one space before the next column.
      ["IC1", "ATMEGA328P-AUR", "ATMEGA328P-AU", "TQFP32-08", "atmel", "1"],
      ["JP1", "Boot Mode Sel", "PINHD-1X3", "1X03", "pinhead", "1"],
      ["LED1", "", "LEDCHIP-LED0805", "CHIP-LED0805", "led", "2"],
      ["R1", "4k7", "R-EU_R0603", "R0603", "rcl", "1"],
      ["R2", "4k7", "R-EU_R0603", "R0603", "rcl", "1"],
      ["U2", "", "PHOTOCELL020-017X", "PHOTOCELL-020-017X", "sensors", "2"],
      ["X1", "USB Micro B", "USB-MICRO-B-SMD", "USB-MICRO-B-SMD-5P", "con-usb", "2"],
    ]);
    expect(sheet.notes[0]).toMatch(
      /fixed-width table: 6 columns starting at characters 0, 9, 24, 43, 62, 71/,
    );
  });

  it("keeps a header with a space inside one column and single-spaced values whole", () => {
    const sheet = readTextTable(EAGLE_BOARD);
    expect(sheet.delimiter).toBe("fixed-width");
    expect(sheet.grid[8]).toEqual([
      "Part",
      "Value",
      "Package",
      "Library",
      "Position (mil)",
      "Orientation",
    ]);
    expect(sheet.grid[11]).toEqual(["C2", "10uF 16V", "C1206", "rcl", "(1400 1800)", "R90"]);
    expect(sheet.grid[14]).toEqual([
      "SW1",
      "Reset",
      "B3F-10XX",
      "switch-omron",
      "(3100 2550)",
      "R0",
    ]);
    expect(sheet.grid).toHaveLength(15);
  });

  it("reads a grouped part list whose header has one space between its first columns", () => {
    const sheet = readTextTable(EAGLE_GROUPED);
    expect(sheet.delimiter).toBe("fixed-width");
    expect(sheet.grid[0]).toEqual([
      "Partlist exported from C:/eagle/sensor-node/sensor-node.sch at 02.03.2018 14:22",
    ]);
    expect(sheet.grid[2]).toEqual(["Qty", "Value", "Device", "Package", "Parts", "Description"]);
    expect(sheet.grid[3]).toEqual([
      "3",
      "100nF",
      "C-EUC0603",
      "C0603",
      "C1, C2, C5",
      "CAPACITOR, European symbol",
    ]);
    expect(sheet.grid[5]).toEqual(["1", "ATMEGA328P-AU", "ATMEGA328P-AU", "TQFP32-08", "IC1", ""]);
    expect(sheet.grid[6]?.[4]).toBe(
      "LED1, LED2, LED3, LED4, LED5, LED6, LED7, LED8, LED9, LED10, LED11, LED12",
    );
    expect(sheet.grid[7]).toEqual(["1", "", "PINHD-1X6", "1X06", "JP1", "PIN HEADER"]);
  });

  it("prefers fixed-width when commas appear only inside a few values (European decimals)", () => {
    const text = [
      "Part     Value     Package      Library",
      "C1       100uF     E2,5-7       rcl",
      "C2       1000uF    E5-10,5      rcl",
      "C3       100nF     C0805        rcl",
      "X1                 MKDSN1,5/2   con-phoenix",
      "R1       1k        M0805        rcl",
    ].join("\n");
    const sheet = readTextTable(text);
    expect(sheet.delimiter).toBe("fixed-width");
    expect(sheet.grid[4]).toEqual(["X1", "", "MKDSN1,5/2", "con-phoenix"]);
  });

  it("splits a right-aligned number column at the gutter before it", () => {
    const text = [
      "Item   Qty  Reference           Value",
      "   1     4  C1,C2,C3,C4         100n",
      "   2    12  R1-R12              10k",
      "  10     1  U1                  NE555",
    ].join("\n");
    expect(readTextTable(text).grid).toEqual([
      ["Item", "Qty", "Reference", "Value"],
      ["1", "4", "C1,C2,C3,C4", "100n"],
      ["2", "12", "R1-R12", "10k"],
      ["10", "1", "U1", "NE555"],
    ]);
  });

  it("does not take prose, a single column or a short list for a table", () => {
    const prose = [
      "This board needs the following parts.  Order them early.",
      "The regulator runs warm, so keep the copper pour around it.",
      "See the assembly notes for the orientation of D1 and D2.",
      "Questions go to the project forum.",
    ];
    expect(detectFixedWidth(prose)).toBeNull();
    expect(detectFixedWidth(["R1", "R2", "C1", "C2"])).toBeNull();
    expect(detectFixedWidth(["Part  Value", "R1    10k"])).toBeNull();
    expect(readTextTable(prose.join("\n")).delimiter).not.toBe("fixed-width");
  });
});
