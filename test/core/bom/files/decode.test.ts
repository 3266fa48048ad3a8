import { decodeBytes, decodeText } from "../../../../src/core/bom/files";

const HEADER = "Designator\tQty\tMPN\tManufacturer\n";
const LINE = "R1, R2\t2\tRC0603FR-0710KL\tWürth Elektronik 10 kΩ\n";

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const be = new Uint8Array(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return be;
}

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    const plain = Buffer.from(HEADER + LINE, "utf8");
    expect(decodeBytes(plain)).toEqual({
      text: HEADER + LINE,
      encoding: "utf-8",
      byteOrderMark: false,
    });
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeBytes(marked)).toEqual({
      text: HEADER + LINE,
      encoding: "utf-8",
      byteOrderMark: true,
    });
  });

  it("reads UTF-16 LE and BE by their byte-order mark", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER + LINE, "utf16le")]);
    expect(decodeBytes(le)).toMatchObject({ text: HEADER + LINE, encoding: "utf-16le" });
    const be = new Uint8Array([0xfe, 0xff, ...utf16be(HEADER + LINE)]);
    expect(decodeBytes(be)).toMatchObject({ text: HEADER + LINE, encoding: "utf-16be" });
  });

  it("recognises UTF-16 without a byte-order mark by its NUL bytes", () => {
    expect(decodeBytes(Buffer.from(HEADER + LINE, "utf16le"))).toEqual({
      text: HEADER + LINE,
      encoding: "utf-16le",
      byteOrderMark: false,
    });
    expect(decodeBytes(utf16be(HEADER + LINE))).toMatchObject({
      text: HEADER + LINE,
      encoding: "utf-16be",
    });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8 (£ µ ° ± € as single bytes)", () => {
    // "C1;1µF ±10%;£0.12;€0,10;-40°C" as an old Windows tool writes it.
    const bytes = new Uint8Array([
      ...Buffer.from("C1;1"),
      0xb5,
      ...Buffer.from("F "),
      0xb1,
      ...Buffer.from("10%;"),
      0xa3,
      ...Buffer.from("0.12;"),
      0x80,
      ...Buffer.from("0,10;-40"),
      0xb0,
      ...Buffer.from("C"),
    ]);
    expect(decodeBytes(bytes)).toEqual({
      text: "C1;1µF ±10%;£0.12;€0,10;-40°C",
      encoding: "windows-1252",
      byteOrderMark: false,
    });
  });

  it("keeps valid UTF-8 with non-Latin text as UTF-8", () => {
    const text = "位号,数量,型号\nR1,1,0603WAF1002T5E\n";
    expect(decodeBytes(Buffer.from(text, "utf8"))).toMatchObject({ text, encoding: "utf-8" });
  });

  it("reads an empty file as empty text", () => {
    expect(decodeText(new Uint8Array())).toBe("");
  });
});
