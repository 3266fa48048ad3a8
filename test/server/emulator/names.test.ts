/** Tolerant manufacturer and MPN comparison used by search and BOM matching. */
import {
  compactMpn,
  manufacturerMatches,
  normalizeManufacturer,
} from "../../../src/server/emulator/catalogue/names";

describe("manufacturerMatches", () => {
  it.each([
    ["TI", "Texas Instruments"],
    ["Texas Instruments Inc.", "Texas Instruments"],
    ["ON Semiconductor", "onsemi"],
    ["Murata Electronics", "Murata"],
    ["Diodes Inc.", "Diodes Incorporated"],
    ["Littlefuse", "Littelfuse"],
    ["Cypress", "Infineon"],
    ["BL(Shanghai Belling)", "Shanghai Belling"],
    ["Lattice Semiconductor Corporation", "Lattice"],
    ["Samtec Inc.", "Samtec"],
    ["XKB", "XKB"],
    ["ADI", "Analog Devices"],
    ["ST", "STMicroelectronics"],
    ["alpha & omega", "Alpha & Omega Semiconductor"],
    ["mura", "Murata"],
  ])("%s names %s", (asked, catalogue) => {
    expect(manufacturerMatches(asked, catalogue)).toBe(true);
  });

  it.each([
    ["Samsung", "Murata"],
    ["TI", "STMicroelectronics"],
    ["Vishay", "Yageo"],
    ["", "Yageo"],
    ["Inc.", "Texas Instruments"],
    ["TI", "Würth Elektronik"],
    ["ON", "Foshan NationStar Optoelectronics"],
  ])("%s does not name %s", (asked, catalogue) => {
    expect(manufacturerMatches(asked, catalogue)).toBe(false);
  });

  it("normalises case, accents and corporate suffixes", () => {
    expect(normalizeManufacturer("Würth Elektronik GmbH")).toBe("wurth elektronik");
    expect(normalizeManufacturer("  NXP Semiconductors ")).toBe("nxp");
  });
});

describe("compactMpn", () => {
  it("keeps only letters and digits, upper case, so punctuation variants meet", () => {
    expect(compactMpn("cat24m01yi−gt3")).toBe(compactMpn("CAT24M01YI-GT3"));
    expect(compactMpn("RC0402FR-07 10KL")).toBe("RC0402FR0710KL");
  });
});
