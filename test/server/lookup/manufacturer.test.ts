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
    // Company forms of any country, as the BOM lexicon knows them.
    ["Nordic", "Nordic Semiconductor ASA"],
    ["Würth Elektronik eiSos GmbH & Co. KG", "Wurth Elektronik"],
    ["The Siemon Company", "Siemon"],
    // Names in other scripts are compared too.
    ["村田", "村田"],
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
    // A name's first word is its own even where it is also a company form (Swedish "AB").
    ["AB Connectors", "Cinch Connectors"],
    ["村田", "TDK"],
  ])("%s does not match %s", (given, known) => {
    expect(manufacturerMatches(given, known)).toBe(false);
  });
});
