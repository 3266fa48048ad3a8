import fc from "fast-check";
import {
  DISTRIBUTOR_NAMES,
  distributorNamed,
  matchDistributor,
  sellerTaggedCode,
  skuSeller,
  skuShape,
} from "../../../../src/core/bom/lexicon/distributors";

describe("skuSeller", () => {
  it.each([
    ["296-1395-5-ND", "Digi-Key"],
    ["LM358DRCT-ND", "Digi-Key"],
    ["LM358DRTR-ND", "Digi-Key"],
    ["LM358DRDKR-ND", "Digi-Key"],
    ["311-10.0KHRCT-ND", "Digi-Key"],
    ["P5555-ND", "Digi-Key"],
    ["1276-1000-1-nd", "Digi-Key"],
    ["595-LM358DR", "Mouser"],
    ["81-GRM155R71C104KA8D", "Mouser"],
    ["71-CRCW060310K0FKEA", "Mouser"],
    ["667-ERJ-3EKF1002V", "Mouser"],
    ["579-MCP1700T3302ETT", "Mouser"],
    ["C25804", "LCSC"],
    ["C1525", "LCSC"],
    ["c17414", "LCSC"],
    ["1469722", "Farnell"],
    ["2101452RL", "Farnell"],
    ["94AK6874", "Newark"],
    ["38K0328", "Newark"],
    ["123-4567", "RS"],
    ["405337", "Conrad"],
    ["405337 - 62", "Conrad"],
  ])("%j → %s", (text, seller) => {
    expect(skuSeller(`  ${text} `)).toBe(seller);
  });

  it("tells distinct shapes from plain numbers that other things share", () => {
    expect(skuShape("296-1395-5-ND")?.strength).toBe("distinct");
    expect(skuShape("595-LM358DR")?.strength).toBe("distinct");
    expect(skuShape("C25804")).toEqual({
      seller: "LCSC",
      strength: "distinct",
      alsoPossible: ["JLCPCB"],
    });
    expect(skuShape("1469722")).toEqual({
      seller: "Farnell",
      strength: "weak",
      alsoPossible: ["RS"],
    });
    expect(skuShape("24LC1025")?.strength).toBe("weak");
    expect(skuShape("C1206")?.strength).toBe("weak");
    expect(skuShape("123-4567")?.strength).toBe("weak");
  });

  it.each([
    "LM358DR",
    "GRM155R71C104KA88D",
    "STM32F103C8T6",
    "1N4148W-7-F",
    "2N7002-7-F",
    "10-89-7102",
    "22-23-2021",
    "RC0603FR-0710KL",
    "ERJ-3EKF1002V",
    "MCP1700T-3302E/TT",
    "SN74LVC1G08DBVR",
    "TPS62130RGTR",
    "C1",
    "C12",
    "C100",
    "C0402",
    "C0603",
    "C012345",
    "R1",
    "0805",
    "100nF",
    "10k",
    "12345",
    "12345678",
    "",
    "ND",
    "-ND",
    `${"1".repeat(70)}-ND`,
  ])("%j has no distributor shape", (text) => {
    expect(skuSeller(text)).toBeNull();
  });

  it("never throws and stays bounded on long hostile cells", () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 10_000 }),
      fc
        .array(fc.constantFrom("1", "2", "-", "N", "D", "C", " ", "RL"), { maxLength: 5_000 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const seller = skuSeller(text);
        expect(seller === null || typeof seller === "string").toBe(true);
        expect(matchDistributor(text) === null || text.length <= 80).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("matchDistributor", () => {
  it.each([
    ["Digi-Key", "Digi-Key"],
    ["Digikey Part Number", "Digi-Key"],
    ["digikey_pn", "Digi-Key"],
    ["DIGI KEY", "Digi-Key"],
    ["Mouser #", "Mouser"],
    ["Mouser Electronics", "Mouser"],
    ["LCSC Part #", "LCSC"],
    ["JLCPCB Part", "JLCPCB"],
    ["RS Stock No.", "RS"],
    ["Farnell Order Code", "Farnell"],
    ["element14", "Farnell"],
    ["TME", "TME"],
    ["Reichelt Bestellnummer", "Reichelt"],
    ["Conrad Best.-Nr.", "Conrad"],
    ["Arrow", "Arrow"],
    ["Bürklin", "Bürklin"],
    ["立创商城", "LCSC"],
  ])("%j → %s", (text, name) => {
    expect(matchDistributor(text)).toBe(name);
  });

  it.each(["Arrowhead", "Manufacturer", "Murata", "Quantity", "RSVP", ""])("%j is none", (text) => {
    expect(matchDistributor(text)).toBeNull();
  });

  it("names each distributor once", () => {
    const names = DISTRIBUTOR_NAMES.map((distributor) => distributor.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("distributorNamed", () => {
  it.each([
    ["Mouser", "Mouser"],
    ["mouser.com", "Mouser"],
    ["www.digikey.com", "Digi-Key"],
    ["eBay.com", "eBay"],
  ])("%j is the shop %j", (text, name) => {
    expect(distributorNamed(text)).toBe(name);
  });
  it.each(["Mouser Part Number", "Murata", "", "x".repeat(500)])("%j is no shop's name", (text) => {
    expect(distributorNamed(text)).toBeNull();
  });
});

describe("sellerTaggedCode", () => {
  it.each([
    ["Rapid: 21-4709", "Rapid Electronics"],
    ["Mouser 485-3341", "Mouser"],
    ["485-3341 (Mouser)", "Mouser"],
    ["B00I97P5NI (Amazon)", "Amazon"],
  ])("%j is a code tagged with %j", (text, seller) => {
    expect(sellerTaggedCode(text)).toBe(seller);
  });
  it.each(["Mouser", "Mouser:", "Digi-Key Part Number", "10k (Yageo)", "Mouser 10k Resistor"])(
    "%j is not",
    (text) => {
      expect(sellerTaggedCode(text)).toBeNull();
    },
  );
});
