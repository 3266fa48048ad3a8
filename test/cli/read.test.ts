import os from "node:os";
import path from "node:path";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { decodeText, parseCsv } from "../../src/cli/read-csv";
import { readXlsx, toCellValue } from "../../src/cli/read-xlsx";
import { readSheetFile } from "../../src/cli/read-sheet";
import { FIXTURES } from "./helpers";

describe("parseCsv", () => {
  it("keeps quoted commas and backslash-escaped commas as the parser gives them (KiCost)", () => {
    const sheet = parseCsv('manf#,\n"BT136S-600D\\,118",\n"LPC4320FBD144,551",\n');
    expect(sheet.grid).toEqual([
      ["manf#", ""],
      ["BT136S-600D\\,118", ""],
      ["LPC4320FBD144,551", ""],
    ]);
  });

  it("keeps blank padded rows (they are part of the sheet) but not the final newline", () => {
    expect(parseCsv("a,b\n,\n1,2\n").grid).toEqual([
      ["a", "b"],
      ["", ""],
      ["1", "2"],
    ]);
  });

  it("reports a broken quote as a warning on its row", () => {
    const sheet = parseCsv('a,b\n1,"unterminated\n');
    expect(sheet.issues[0]).toMatchObject({
      severity: "warning",
      field: null,
      message: expect.stringMatching(/^CSV: /),
    });
  });
});

describe("Excel's hints and encodings", () => {
  it("obeys a sep= first line even when the data would suggest another delimiter", async () => {
    const sheet = await readSheetFile(path.join(FIXTURES, "sep-hint-comma.csv"));
    expect(sheet.delimiter).toBe(",");
    // The hint line stays as an empty row, so row numbers still match the file.
    expect(sheet.grid[0]).toEqual([]);
    expect(sheet.grid[1]).toEqual(["Designator", "Quantity", "MPN", "Description"]);
    expect(sheet.grid[2]).toEqual(["R1", "1", "RC0603FR-0710KL;ALT", "10k; 1%; 0603; 50V"]);
    expect(sheet.grid).toHaveLength(4);
  });

  it("numbers parser complaints by file row after a sep= line", () => {
    const sheet = parseCsv('sep=;\na;b\n1;"open\n');
    expect(sheet.delimiter).toBe(";");
    expect(sheet.issues[0]?.row).toBe(3);
  });

  it("reads Excel's UTF-16 'Unicode text' export", async () => {
    const sheet = await readSheetFile(path.join(FIXTURES, "utf16le-unicode-text.txt"));
    expect(sheet.delimiter).toBe("\t");
    expect(sheet.grid[0]).toEqual(["Designator", "Quantity", "MPN", "Manufacturer", "Description"]);
    expect(sheet.grid[1]).toEqual([
      "R1, R2",
      "2",
      "RC0603FR-0710KL",
      "Würth Elektronik",
      "10 kΩ ±1 %",
    ]);
    const bigEndian = new Uint8Array([0xfe, 0xff, 0x00, 0x52, 0x00, 0x31]);
    expect(decodeText(bigEndian)).toBe("R1");
  });
});

describe("decodeText", () => {
  it("strips a UTF-8 BOM", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
  });
  it("falls back to Latin-1 for bytes that are not UTF-8", () => {
    expect(decodeText(new Uint8Array([0x31, 0xb5, 0x46]))).toBe("1µF");
  });
});

describe("readSheetFile", () => {
  it("reads a Latin-1, semicolon, CRLF file", async () => {
    const sheet = await readSheetFile(path.join(FIXTURES, "latin1-semicolon.csv"));
    expect(sheet.delimiter).toBe(";");
    expect(sheet.grid[2]).toEqual(["C1", "1", "1µF", "Murata", "GRM188R61C105KA93D", ""]);
    expect(sheet.grid).toHaveLength(4);
  });

  it("refuses a legacy .xls by its bytes, and --sheet on text, with a clear message", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cofactr-bom-xls-"));
    try {
      const xls = path.join(dir, "bom.xls");
      const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      await writeFile(xls, Buffer.from([...ole2, ...new Array(504).fill(0)]));
      await expect(readSheetFile(xls)).rejects.toThrow(
        /legacy Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\) or as CSV/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(
      readSheetFile(path.join(FIXTURES, "eagle-semicolon.csv"), { sheet: "x" }),
    ).rejects.toThrow(/--sheet applies to Excel workbooks only/);
  });

  it("reads text saved under a workbook's name, and says so", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cofactr-bom-txt-"));
    try {
      const file = path.join(dir, "bom.xlsx");
      await writeFile(file, "Ref\tQty\tMPN\nR1\t1\tRC0603FR-0710KL\n");
      const sheet = await readSheetFile(file);
      expect(sheet.delimiter).toBe("\t");
      expect(sheet.grid).toEqual([
        ["Ref", "Qty", "MPN"],
        ["R1", "1", "RC0603FR-0710KL"],
      ]);
      expect(sheet.notes).toEqual(["the file is text despite its .xlsx extension"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("XLSX", () => {
  it("converts exceljs cell values to what Excel shows", () => {
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(42)).toBe(42);
    expect(toCellValue("x")).toBe("x");
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue({ richText: [{ text: "LM" }, { text: "358" }] })).toBe("LM358");
    expect(toCellValue({ formula: "A1*2", result: 4 } as ExcelJS.CellFormulaValue)).toBe(4);
    expect(
      toCellValue({ formula: "Value", result: { error: "#NAME?" } } as ExcelJS.CellFormulaValue),
    ).toBe("#NAME?");
    expect(toCellValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(toCellValue({ text: "datasheet", hyperlink: "https://x" })).toBe("datasheet");
    expect(toCellValue(new Date(Date.UTC(2011, 8, 27)))).toBe("2011-09-27");
  });

  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "cofactr-bom-xlsx-"));
    file = path.join(dir, "bom.xlsx");
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet("Notes");
    notes.addRow(["not a BOM"]);
    const bom = workbook.addWorksheet("BOM");
    bom.addRow(["Designator", "Qty", "MPN", "Value", "Datasheet"]);
    bom.addRow([
      "R1, R2",
      2,
      "RC0603FR-0710KL",
      { formula: 'CONCAT("10","k")', result: "10k" },
      { text: "ds", hyperlink: "https://example.com/ds.pdf" },
    ]);
    bom.addRow([
      "U1",
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { richText: [{ text: "LM" }, { text: "358DR" }] },
      null,
      null,
    ]);
    await workbook.xlsx.writeFile(file);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the most BOM-like sheet by default, and a named one with --sheet", async () => {
    const chosen = await readXlsx(await readFile(file));
    expect(chosen.sheetName).toBe("BOM");
    const notes = await readSheetFile(file, { sheet: "Notes" });
    expect(notes.grid).toEqual([["not a BOM"]]);
    const named = await readSheetFile(file, { sheet: "BOM" });
    expect(named.delimiter).toBe("xlsx");
    expect(named.grid).toEqual([
      ["Designator", "Qty", "MPN", "Value", "Datasheet"],
      ["R1, R2", 2, "RC0603FR-0710KL", "10k", "ds"],
      ["U1", "#DIV/0!", "LM358DR"],
    ]);
    const other = await readSheetFile(file);
    expect(other.sheetName).toBe("BOM");
    expect(other.notes).toEqual([
      expect.stringMatching(
        /^read sheet "BOM", which looks most like a BOM: .* against "Notes" \(no BOM columns\) for the first sheet \(also in the workbook: Notes\); choose with --sheet$/,
      ),
    ]);
  });

  it("reads an XLSX saved under a .csv name as a workbook", async () => {
    const misnamed = path.join(dir, "bom.csv");
    await writeFile(misnamed, await readFile(file));
    const sheet = await readSheetFile(misnamed, { sheet: "BOM" });
    expect(sheet.delimiter).toBe("xlsx");
    expect(sheet.grid[1]).toEqual(["R1, R2", 2, "RC0603FR-0710KL", "10k", "ds"]);
    expect(sheet.notes).toEqual(["the file is an Excel workbook despite its .csv extension"]);
  });

  it("leaves the other cells of a merged range empty, as Excel does", async () => {
    const merged = path.join(dir, "merged.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("BOM");
    sheet.addRow(["Manufacturer", null, "Qty"]);
    sheet.addRow(["Name", "Part Number", null]);
    sheet.addRow(["TI", "LM358DR", 2]);
    sheet.mergeCells("A1:B1");
    await workbook.xlsx.writeFile(merged);
    const read = await readXlsx(await readFile(merged));
    expect(read.grid[0]).toEqual(["Manufacturer", null, "Qty"]);
  });

  it("names the sheets when --sheet does not match", async () => {
    await expect(readSheetFile(file, { sheet: "Nope" })).rejects.toThrow(
      'no sheet named "Nope" (sheets: Notes, BOM)',
    );
  });
});
