import { manufacturerMatches } from "../../../src/server/lookup/manufacturer";

describe("manufacturerMatches", () => {
  it.each([
    ["Texas Instruments", "Texas Instruments"],
    ["texas instruments", "Texas Instruments Inc."],
    ["TI", "Texas Instruments"],
    ["Texas Instr.", "Texas Instruments"],
    ["Murata", "Murata Manufacturing Co., Ltd."],
    ["Wurth", "Würth Elektronik"],
    ["ADI", "Analog Devices Inc."],
    ["onsemi", "ON Semiconductor"],
    ["ST", "STMicroelectronics"],
    ["STMicro", "STMicroelectronics"],
    ["Yageo Corporation", "YAGEO"],
    ["TE", "TE Connectivity"],
  ])("%s matches %s", (given, known) => {
    expect(manufacturerMatches(given, known)).toBe(true);
  });

  it.each([
    ["Yageo", "Vishay"],
    ["TI", "Microchip Technology"],
    ["Murata", "Samsung Electro-Mechanics"],
    ["Kemet", null],
    ["", "Vishay"],
    ["Inc.", "Texas Instruments Inc."],
  ])("%s does not match %s", (given, known) => {
    expect(manufacturerMatches(given, known)).toBe(false);
  });
});
