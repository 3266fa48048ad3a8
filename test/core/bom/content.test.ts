import {
  contentAgrees,
  guessFromContent,
  isMpnLike,
  profileColumn,
} from "../../../src/core/bom/content";
import type { CellValue, Grid } from "../../../src/core/bom/types";

function profile(values: CellValue[]) {
  const grid: Grid = values.map((value) => [value]);
  return profileColumn(
    grid,
    values.map((_, i) => i),
    0,
  );
}

describe("isMpnLike", () => {
  it.each(["LM358DR", "RC0603FR-0710KL", "GRM188R71C104KA01D", "1PS79SB30,135", "BAT54C"])(
    "%s is",
    (text) => {
      expect(isMpnLike(text)).toBe(true);
    },
  );
  it.each(["C_Small", "R", "100nF", "4u7", "Buzzer", "R1", "Pololu Breakout", "10k"])(
    "%s is not",
    (text) => {
      expect(isMpnLike(text)).toBe(false);
    },
  );
});

describe("profileColumn and guessFromContent", () => {
  const best = (values: CellValue[]) => guessFromContent(profile(values))[0]?.field;

  it("recognises reference designator lists", () => {
    expect(best(["R1, R2", "C1 C2 C3", "U1", "R5-R8", "J1"])).toBe("reference_designators");
  });
  it("recognises quantities (whole numbers, not a sequence)", () => {
    expect(best([2, 1, 4, 4, 10, 1])).toBe("quantity");
  });
  it("recognises line numbers (1, 2, 3…)", () => {
    expect(best([1, 2, 3, 4, 5, 6])).toBe("line_number");
  });
  it("recognises MPNs", () => {
    expect(best(["LM358DR", "RC0603FR-0710KL", "GRM188R71C104KA01D", "BSS138"])).toBe("mpn");
  });
  it("recognises manufacturer names", () => {
    expect(best(["Texas Instruments", "Murata", "YAGEO", "Würth Elektronik", "Vishay Dale"])).toBe(
      "manufacturer_name",
    );
  });
  it("recognises DNP markers", () => {
    expect(best(["", "DNP", "", "", "DNP"])).toBe("do_not_place");
  });
  it("recognises URLs", () => {
    expect(best(["https://example.com/a.pdf", "http://x.y/z", "https://a.b"])).toBe("link");
  });
  it("recognises values", () => {
    expect(best(["100nF", "10k", "4u7", "1uF", "22pF"])).toBe("value");
  });
  it("guesses nothing for an empty or error-filled column", () => {
    expect(guessFromContent(profile([null, "", "~"]))).toEqual([]);
    expect(guessFromContent(profile(["#NAME?", "#NAME?", "#N/A"]))).toEqual([]);
  });

  it("counts fill, errors and placeholders", () => {
    const p = profile(["A1", "~", "", "#N/A"]);
    expect(p.filled).toBe(2);
    expect(p.fill).toBe(0.5);
    expect(p.errors).toBe(0.5);
  });
});

describe("contentAgrees (for ambiguous headers)", () => {
  it("accepts 'Part' as designators only when it holds designators (Eagle)", () => {
    expect(contentAgrees("reference_designators", profile(["R1", "C1", "U2"]))).toBe(true);
    expect(contentAgrees("reference_designators", profile(["C_Small", "R", "Buzzer"]))).toBe(false);
  });
  it("rejects KiCad symbol names as MPNs", () => {
    expect(
      contentAgrees(
        "mpn",
        profile(["C_Small", "R", "Pololu_Breakout_A4988", "Conn_01x08", "AO3400A"]),
      ),
    ).toBe(false);
    expect(contentAgrees("mpn", profile(["BAT165", "HDMIULC6-4SC6", "PRTR5V0U2X", "SS16"]))).toBe(
      true,
    );
  });
  it("accepts a lifecycle Status column as DNP only if it holds DNP words", () => {
    expect(
      contentAgrees("do_not_place", profile(["None", "Preferred", "Obsolete"]), "marker"),
    ).toBe(false);
    expect(contentAgrees("do_not_place", profile([" ", " ", " "]), "marker")).toBe(true);
    expect(contentAgrees("do_not_place", profile(["", "DNF", ""]), "marker")).toBe(true);
  });
  it("accepts 'Component' as a line number only for a 1, 2, 3 sequence", () => {
    expect(contentAgrees("line_number", profile([1, 2, 3, 4]))).toBe(true);
    expect(contentAgrees("line_number", profile(["U1", "U2"]))).toBe(false);
  });
});
