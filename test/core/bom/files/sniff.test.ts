import ExcelJS from "exceljs";
import { readBomFileBytes, sniffFormat, sniffMarkup } from "../../../../src/core/bom/files";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(text: string): number[] {
  return [...Buffer.from(text, "utf16le")];
}

/** The first bytes of a ZIP whose first entry is named `name` (what a sniffer sees). */
function zipStartingWith(name: string, content = ""): Uint8Array {
  return new Uint8Array([
    0x50,
    0x4b,
    0x03,
    0x04,
    ...new Array(26).fill(0),
    ...Buffer.from(name + content),
  ]);
}

describe("sniffFormat", () => {
  it("recognises an XLSX written by exceljs from its bytes", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("BOM").addRow(["Designator", "Qty"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sniffFormat(bytes)).toEqual({ kind: "xlsx" });
    expect(readBomFileBytes(bytes)).toEqual({ kind: "xlsx" });
  });

  it.each([
    ["xls", new Uint8Array([...OLE2, ...new Array(500).fill(0), ...utf16le("Workbook")])],
    [
      "encrypted",
      new Uint8Array([...OLE2, ...new Array(500).fill(0), ...utf16le("EncryptedPackage")]),
    ],
    ["doc", new Uint8Array([...OLE2, ...new Array(500).fill(0), ...utf16le("WordDocument")])],
    ["ods", zipStartingWith("mimetype", "application/vnd.oasis.opendocument.spreadsheet")],
    ["xlsb", zipStartingWith("xl/workbook.bin")],
    ["zip", zipStartingWith("word/document.xml")],
    ["pdf", new Uint8Array([...Buffer.from("%PDF-1.7\n"), 0, 0, 0, 0, 0, 0])],
    ["binary", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 0, 0, 1, 2, 0, 0])],
  ])("refuses %s with a message saying what to do", (format, bytes) => {
    const sniffed = sniffFormat(bytes);
    expect(sniffed).toMatchObject({ kind: "unsupported", format });
    expect(sniffed.kind === "unsupported" && sniffed.message).toMatch(/\.xlsx|CSV/);
  });

  it("tells the legacy .xls user to save as .xlsx or CSV", () => {
    const sniffed = sniffFormat(new Uint8Array([...OLE2, ...utf16le("Workbook")]));
    expect(sniffed.kind === "unsupported" && sniffed.message).toBe(
      "This is a legacy Excel 97-2003 workbook (.xls), which cannot be read here. Open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV.",
    );
  });

  it("takes UTF-16 text, whose NUL bytes are not binary, as text", () => {
    expect(sniffFormat(Buffer.from("Part\tValue\nR1\t10k\n", "utf16le"))).toEqual({ kind: "text" });
    expect(sniffFormat(Buffer.from("Part,Value\n"))).toEqual({ kind: "text" });
    expect(sniffFormat(new Uint8Array())).toEqual({ kind: "text" });
  });
});

describe("sniffMarkup", () => {
  it("refuses a web page saved as .xls (as web tools export) and says how to convert it", () => {
    const page = `\r\n<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<body><table>\n<tr><td>Part</td><td>Qty</td></tr>\n<tr><td>LM358DR</td><td>2</td></tr>\n</table></body></html>`;
    const read = readBomFileBytes(Buffer.from(page));
    expect(read).toMatchObject({ kind: "unsupported", format: "html" });
    expect(read.kind === "unsupported" && read.message).toMatch(
      /web page \(HTML\).*\.xlsx\) or as CSV/,
    );
    expect(sniffMarkup("<table><tr><td>R1</td></tr></table>")?.format).toBe("html");
  });

  it("refuses an Excel 2003 XML spreadsheet", () => {
    const xml = `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`;
    expect(sniffMarkup(xml)?.format).toBe("xml-spreadsheet");
  });

  it("leaves text that merely starts with a bracket alone", () => {
    expect(sniffMarkup("<R1>,10k,0603\n<R2>,4k7,0603\n")).toBeNull();
    expect(sniffMarkup("Ref,Qty\nR1,1\n")).toBeNull();
  });
});
