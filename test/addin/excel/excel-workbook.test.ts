import { createExcelWorkbook } from "../../../src/addin/excel/excel-workbook";
import type {
  BomSheetSettings,
  ResultsBlock,
  WorkbookAccess,
} from "../../../src/addin/excel/workbook-access";
import { WorkbookError } from "../../../src/addin/excel/workbook-access";
import {
  legacySettingsKey,
  serializeBomSheetSettings,
  sheetSettingsKey,
} from "../../../src/addin/excel/settings-schema";
import { installExcelFake, WorkbookData } from "../../support/excelFake";
import { installExcelApiSupport } from "../../support/officeRequirements";

const FIVE_MB = 5 * 1024 * 1024;
const DETAILS = { name: "Main", version: "", partNumber: "", buildQuantity: 1 };

let data: WorkbookData;
let uninstall: () => void;
let workbook: WorkbookAccess;

beforeEach(() => {
  data = new WorkbookData();
  uninstall = installExcelFake(data);
  workbook = createExcelWorkbook();
});

afterEach(() => uninstall());

function bomGrid(lines: number, width = 4, cellText = (r: number, c: number) => `r${r}c${c}`) {
  const header = ["Ref", "Qty", "MPN", "Manufacturer", "Notes", "Extra", "More", "X", "Y", "Z"];
  return [
    header.slice(0, width),
    ...Array.from({ length: lines }, (_, r) =>
      Array.from({ length: width }, (_, c) => cellText(r, c)),
    ),
  ];
}

function simpleBlock(rows: number, extra: Partial<ResultsBlock> = {}): ResultsBlock {
  return {
    preamble: [],
    tableName: "CofactrResults",
    header: ["Row", "MPN", "Price"],
    rows: Array.from({ length: rows }, (_, i) => [
      i + 2,
      `='BOM'!C${i + 2}`,
      `=COFACTR.PRICE(B${i})`,
    ]),
    numberFormats: [null, null, "0.0000"],
    ...extra,
  };
}

describe("reading the BOM region", () => {
  it("reads the used range with its position on the sheet", async () => {
    data.addSheet("BOM");
    data.setValues("BOM", "B3", [
      ["Qty", "MPN"],
      [2, "RC0402"],
      [1, "LM358"],
    ]);
    const region = await workbook.readBomRegion();
    expect(region).toEqual({
      sheetName: "BOM",
      firstRow: 3,
      firstColumn: 2,
      values: [
        ["Qty", "MPN"],
        [2, "RC0402"],
        [1, "LM358"],
      ],
      tableName: null,
    });
  });

  it("reads only the table under the selection", async () => {
    data.addSheet("BOM", [["Notes above the table"]]);
    data.setValues("BOM", "A3", [
      ["Qty", "MPN"],
      [4, "X1"],
    ]);
    data.setValues("BOM", "F10", [["unrelated"]]);
    const setup = createExcelWorkbook();
    await setup.activeSheetName(); // a run to check the fake is installed
    const excel = (globalThis as unknown as { Excel: typeof Excel }).Excel;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("BOM").tables.add("A3:B4", true);
      context.workbook.worksheets.getItem("BOM").getRange("B4").select();
      await context.sync();
    });
    const region = await workbook.readBomRegion();
    expect(region?.tableName).toBe("Table1");
    expect(region?.firstRow).toBe(3);
    expect(region?.values).toEqual([
      ["Qty", "MPN"],
      [4, "X1"],
    ]);
  });

  it("returns null for an empty sheet", async () => {
    data.addSheet("Empty");
    await expect(workbook.readBomRegion()).resolves.toBeNull();
  });

  it("reads a sheet above 5 MB in several syncs, each within the limit", async () => {
    const long = "x".repeat(30);
    data.addSheet(
      "Big",
      bomGrid(20_000, 10, (r, c) => `${long}${r}-${c}`),
    );
    data.resetStats();
    const region = await workbook.readBomRegion();
    expect(region?.values).toHaveLength(20_001);
    expect(region?.values[20_000]?.[9]).toBe(`${long}19999-9`);
    expect(data.stats.syncs).toBeGreaterThan(2);
    expect(data.stats.maxResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(data.stats.maxResponseBytes).toBeGreaterThan(FIVE_MB / 4);
  });

  it("shrinks the slice and retries when a slice turns out too heavy", async () => {
    const heavy = "y".repeat(200);
    data.addSheet(
      "Heavy",
      bomGrid(3000, 10, () => heavy),
    );
    data.resetStats();
    const region = await workbook.readBomRegion();
    expect(data.stats.payloadRejections).toBeGreaterThanOrEqual(1);
    expect(region?.values).toHaveLength(3001);
    expect(region?.values.slice(1).every((row) => row.every((cell) => cell === heavy))).toBe(true);
  });

  it("refuses a used range above 5 million cells before loading any value", async () => {
    data.addSheet("Huge", [["MPN"]]);
    data.setValues("Huge", "J600000", [["stray"]]);
    data.resetStats();
    const error = await workbook.readBomRegion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("too_large");
    expect((error as Error).message).toMatch(/600000 rows × 10 columns/);
    expect(data.stats.maxResponseBytes).toBeLessThan(1000);
  });
});

describe("settings", () => {
  it("merges, stores JSON under a per-sheet key and reads it back", async () => {
    data.addSheet("BOM");
    await workbook.saveSettings("BOM", { integrationRecordId: "rec-1" });
    const merged = await workbook.saveSettings("BOM", {
      lastJob: { id: "job-9", startedAt: "2026-01-01T00:00:00Z", finished: false },
    });
    expect(merged.integrationRecordId).toBe("rec-1");
    const id = data.sheet("BOM")?.id ?? "";
    expect(typeof data.settings.get(sheetSettingsKey(id))).toBe("string");
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({
      integrationRecordId: "rec-1",
      lastJob: { id: "job-9", startedAt: "2026-01-01T00:00:00Z", finished: false },
    });
    await expect(workbook.loadSettings("Other")).resolves.toEqual({});
  });

  it("treats an unreadable stored value as nothing stored", async () => {
    const id = data.addSheet("BOM").id;
    data.settings.set(sheetSettingsKey(id), "{not json");
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({});
    data.settings.set(sheetSettingsKey(id), JSON.stringify({ details: { buildQuantity: -3 } }));
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({});
  });

  it("follows the sheet when it is renamed, so re-uploads update the same BOM", async () => {
    data.addSheet("BOM");
    await workbook.saveSettings("BOM", { integrationRecordId: "rec-1", bomId: "bom-1" });
    data.renameSheet("BOM", "BOM rev B");
    await expect(workbook.loadSettings("BOM rev B")).resolves.toEqual({
      integrationRecordId: "rec-1",
      bomId: "bom-1",
    });
    // A new sheet given the old name is a different BOM.
    data.addSheet("BOM");
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({});
    await workbook.saveSettings("BOM rev B", { details: DETAILS });
    expect(data.settings.size).toBe(1);
  });

  it("moves settings stored by sheet name (older versions) to the sheet's id", async () => {
    const id = data.addSheet("BOM").id;
    data.settings.set(
      legacySettingsKey("BOM"),
      serializeBomSheetSettings({ integrationRecordId: "rec-old" }),
    );
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({ integrationRecordId: "rec-old" });
    await workbook.saveSettings("BOM", { bomId: "bom-7" });
    expect([...data.settings.keys()]).toEqual([sheetSettingsKey(id)]);
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({
      integrationRecordId: "rec-old",
      bomId: "bom-7",
    });
  });

  it("adopts settings of a same-named sheet whose id no longer exists", async () => {
    data.addSheet("Other");
    data.addSheet("BOM");
    const saved = serializeBomSheetSettings({ integrationRecordId: "rec-9" }, "BOM");
    data.settings.set(sheetSettingsKey("{gone}"), saved);
    // Another sheet's live entry is never taken, even if its recorded name matches.
    data.settings.set(sheetSettingsKey(data.sheet("Other")?.id ?? ""), saved.replace("9", "8"));
    await expect(workbook.loadSettings("BOM")).resolves.toEqual({ integrationRecordId: "rec-9" });
  });

  it("stores only the settings' own fields, never anything else handed in", async () => {
    data.addSheet("BOM");
    await workbook.saveSettings("BOM", {
      integrationRecordId: "rec-1",
      apiKey: "secret-key",
    } as Partial<BomSheetSettings>);
    expect(JSON.stringify([...data.settings.values()])).not.toContain("secret-key");
  });

  it("refuses to save for a sheet that no longer exists", async () => {
    data.addSheet("BOM");
    await expect(workbook.saveSettings("Gone", { bomId: "x" })).rejects.toMatchObject({
      code: "no_sheet",
    });
  });
});

describe("selecting a cell", () => {
  it("activates the sheet and selects the cell", async () => {
    data.addSheet("Other");
    data.addSheet("BOM");
    await workbook.selectCell("BOM", 7, 3);
    expect(data.activeSheet?.name).toBe("BOM");
    expect(data.selection?.coords).toEqual({ row: 6, column: 2, rows: 1, columns: 1 });
  });

  it("explains a sheet that no longer exists", async () => {
    data.addSheet("BOM");
    await expect(workbook.selectCell("Gone", 1, 1)).rejects.toMatchObject({ code: "no_sheet" });
  });
});

describe("writing results", () => {
  it("writes a new sheet with a named table, formulas, formats and preamble", async () => {
    data.addSheet("BOM", bomGrid(3));
    const written = await workbook.writeResults(
      { kind: "newSheet", baseName: "Cofactr results", tableRow: 4 },
      (origin) => {
        expect(origin).toEqual({ sheetName: "Cofactr results", tableRow: 4, tableColumn: 1 });
        return simpleBlock(2, { preamble: [["Build quantity", 100]] });
      },
    );
    expect(written).toMatchObject({
      sheetName: "Cofactr results",
      tableName: "CofactrResults",
      address: "'Cofactr results'!A4:C6",
    });
    expect(data.formulas("Cofactr results", "A1:C6")).toEqual([
      ["Build quantity", 100, ""],
      ["", "", ""],
      ["", "", ""],
      ["Row", "MPN", "Price"],
      [2, "='BOM'!C2", "=COFACTR.PRICE(B0)"],
      [3, "='BOM'!C3", "=COFACTR.PRICE(B1)"],
    ]);
    expect(data.numberFormats("Cofactr results", "C5:C6")).toEqual([["0.0000"], ["0.0000"]]);
    expect(data.tables.map((t) => t.name)).toEqual(["CofactrResults"]);
    expect(data.activeSheet?.name).toBe("Cofactr results");
    expect(data.stats.writeSyncs).toBeGreaterThan(0);
    expect(data.stats.calculationSuspendedWriteSyncs).toBe(data.stats.writeSyncs);
    expect(data.stats.screenUpdatingSuspensions).toBe(1);
  });

  it("never reuses a sheet or table name", async () => {
    data.addSheet("BOM", bomGrid(1));
    const target = { kind: "newSheet", baseName: "Cofactr results", tableRow: 2 } as const;
    await workbook.writeResults(target, () => simpleBlock(1));
    const second = await workbook.writeResults(target, () => simpleBlock(1));
    expect(second.sheetName).toBe("Cofactr results 2");
    expect(second.tableName).toBe("CofactrResults2");
    expect(data.sheets.map((s) => s.name)).toEqual(["BOM", "Cofactr results", "Cofactr results 2"]);
  });

  it("writes a block above 5 MB in slices, each within the limit", async () => {
    data.addSheet("BOM");
    const description = "d".repeat(300);
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      i,
      `${description}${i}`,
      `=A${i + 2}*2`,
    ]);
    data.resetStats();
    await workbook.writeResults({ kind: "newSheet", baseName: "R", tableRow: 1 }, () => ({
      ...simpleBlock(0),
      rows,
    }));
    expect(data.stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(data.stats.writeSyncs).toBeGreaterThan(2);
    expect(data.formulas("R", "A20001:C20001")).toEqual([
      [19_999, `${description}19999`, "=A20001*2"],
    ]);
    expect(data.stats.calculationSuspendedWriteSyncs).toBe(data.stats.writeSyncs);
  });

  it("writes beside the data only into empty cells", async () => {
    data.addSheet("BOM", bomGrid(2));
    await expect(workbook.isBlockEmpty("BOM", 1, 6, 3, 3)).resolves.toBe(true);
    const written = await workbook.writeResults(
      { kind: "besideData", sheetName: "BOM", firstRow: 1, firstColumn: 6 },
      () => simpleBlock(2),
    );
    expect(written.address).toBe("'BOM'!F1:H3");
    expect(data.formulas("BOM", "F1:H1")).toEqual([["Row", "MPN", "Price"]]);
    expect(data.formulas("BOM", "A2:D2")).toEqual([["r0c0", "r0c1", "r0c2", "r0c3"]]);
  });

  it("refuses to write over a user's cells and leaves them as they were", async () => {
    data.addSheet("BOM", bomGrid(2));
    data.setValues("BOM", "G3", [["user note"]]);
    await expect(workbook.isBlockEmpty("BOM", 1, 6, 3, 3)).resolves.toBe(false);
    const error = await workbook
      .writeResults({ kind: "besideData", sheetName: "BOM", firstRow: 1, firstColumn: 6 }, () =>
        simpleBlock(2),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not_empty" });
    expect((error as Error).message).toContain("F1:H3");
    expect(data.formulas("BOM", "F1:H3")).toEqual([
      ["", "", ""],
      ["", "", ""],
      ["", "user note", ""],
    ]);
    expect(data.tables).toHaveLength(0);
  });

  it("refuses to write beside the data into a table whose empty rows reach the block", async () => {
    data.addSheet("BOM", bomGrid(2));
    data.setValues("BOM", "G1", [["Owner", "Due"]]);
    const excel = (globalThis as unknown as { Excel: typeof Excel }).Excel;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("BOM").tables.add("G1:H4", true).name = "Actions";
      await context.sync();
    });
    await expect(workbook.isBlockEmpty("BOM", 3, 6, 3, 3)).resolves.toBe(true);
    const error = await workbook
      .writeResults({ kind: "besideData", sheetName: "BOM", firstRow: 3, firstColumn: 6 }, () =>
        simpleBlock(2),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not_empty" });
    expect((error as Error).message).toMatch(/F3:H5 overlaps the table Actions/);
    expect(
      data
        .formulas("BOM", "F2:H5")
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    expect(data.tables.map((table) => table.name)).toEqual(["Actions"]);
  });

  it.each([
    // With ExcelApi 1.13 the merged areas are found before writing; below it the write itself
    // fails on them, and what it wrote is undone.
    ["1.13", /F1:H3 contains merged cells \('BOM'!E3:F3\)/],
    ["1.12", /merged cell/],
  ])("refuses to write beside the data over merged cells (ExcelApi %s)", async (set, reason) => {
    const uninstall = installExcelApiSupport(set);
    data.addSheet("BOM", bomGrid(2));
    data.merge("BOM", "E3:F3");
    const error = await workbook
      .writeResults({ kind: "besideData", sheetName: "BOM", firstRow: 1, firstColumn: 6 }, () =>
        simpleBlock(2),
      )
      .catch((e: unknown) => e);
    uninstall();
    expect((error as Error).message).toMatch(reason);
    expect(data.tables).toEqual([]);
    expect(
      data
        .formulas("BOM", "F1:H3")
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
  });

  it("removes the new sheet when a write fails halfway", async () => {
    data.addSheet("BOM", bomGrid(1));
    const rows = Array.from({ length: 20_000 }, (_, i) => [i, "d".repeat(300), `=A${i + 2}*2`]);
    let writes = 0;
    data.failSync = ({ writesCells }) =>
      writesCells && ++writes === 2 ? new Error("GeneralException: the host went away") : null;
    await expect(
      workbook.writeResults({ kind: "newSheet", baseName: "R", tableRow: 1 }, () => ({
        ...simpleBlock(0),
        rows,
      })),
    ).rejects.toThrow(/host went away/);
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["BOM"]);
    expect(data.tables).toHaveLength(0);
  });

  it("empties the block beside the data again when the last step of a write fails", async () => {
    data.addSheet("BOM", bomGrid(2));
    let writes = 0;
    data.failSync = ({ writesCells }) =>
      writesCells && ++writes === 2 ? new Error("GeneralException: sync failed") : null;
    await expect(
      workbook.writeResults(
        { kind: "besideData", sheetName: "BOM", firstRow: 1, firstColumn: 6 },
        () => simpleBlock(2),
      ),
    ).rejects.toThrow(/sync failed/);
    expect(
      data
        .formulas("BOM", "F1:H3")
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    expect(data.formulas("BOM", "A2:D2")).toEqual([["r0c0", "r0c1", "r0c2", "r0c3"]]);
    expect(data.tables).toHaveLength(0);
  });

  it("rejects a block whose rows do not match the header", async () => {
    data.addSheet("BOM");
    await expect(
      workbook.writeResults({ kind: "newSheet", baseName: "R", tableRow: 1 }, () => ({
        ...simpleBlock(0),
        rows: [[1, 2]],
      })),
    ).rejects.toThrow(/Results row 1 has 2 cells; the header has 3/);
  });
});

describe("adding a sheet of text", () => {
  const tricky = [
    ["Ref", "Qty", "MPN", "Value", "Note"],
    ["R1", "0603", "00123-4", "1e3", "=SUM(A1:A2)"],
    ["C1", "2", "123456789012345678901", "1/2", "+5V"],
    ["J1"],
    ["U1", "-12", "M".repeat(300), "TRUE", "'quoted"],
  ];

  it("writes every cell as text on a new sheet, so Excel changes none of them", async () => {
    data.addSheet("BOM", [["Ref,Qty,MPN"], ["R1,0603,00123-4"]]);
    const before = data.formulas("BOM", "A1:A2");
    const written = await workbook.addTextSheet("BOM (split)", tricky);
    expect(written.sheetName).toBe("BOM (split)");
    expect(written.address).toBe("'BOM (split)'!A1:E5");
    const values = data.values("BOM (split)", "A1:E5");
    // Short rows are padded with empty cells; nothing else is changed, not even the type.
    expect(values).toEqual(tricky.map((row) => [...row, ...Array(5 - row.length).fill("")]));
    expect(data.formulas("BOM (split)", "E2")).toEqual([["=SUM(A1:A2)"]]);
    expect(
      data
        .numberFormats("BOM (split)", "A1:E5")
        .flat()
        .every((f) => f === "@"),
    ).toBe(true);
    // The new sheet is the active one, the pasted sheet is as it was.
    expect(data.activeSheet?.name).toBe("BOM (split)");
    expect(data.formulas("BOM", "A1:A2")).toEqual(before);
    expect(data.numberFormats("BOM", "A1:A2")).toEqual([["General"], ["General"]]);
  });

  it("never writes over a sheet: a second split gets its own name", async () => {
    data.addSheet("BOM", [["a,b"]]);
    await workbook.addTextSheet("BOM (split)", [["a", "b"]]);
    data.setValues("BOM (split)", "C1", [["the user's note"]]);
    const second = await workbook.addTextSheet("BOM (split)", [["x", "y"]]);
    expect(second.sheetName).toBe("BOM (split) 2");
    expect(data.values("BOM (split)", "A1:C1")).toEqual([["a", "b", "the user's note"]]);
    expect(data.values("BOM (split) 2", "A1:B1")).toEqual([["x", "y"]]);
  });

  it("writes a large paste in slices within the 5 MB limit, even of cells JSON makes longer", async () => {
    data.addSheet("BOM");
    // Quotes and backslashes double in JSON: sliced by their length, these would overflow.
    const rows = Array.from({ length: 12_000 }, (_, i) => [
      `R${i}`,
      '"'.repeat(200),
      "\\".repeat(200),
      String(i).padStart(6, "0"),
    ]);
    data.resetStats();
    await workbook.addTextSheet("Big", rows);
    expect(data.stats.payloadRejections).toBe(0);
    expect(data.stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(data.stats.writeSyncs).toBeGreaterThan(2);
    expect(data.stats.calculationSuspendedWriteSyncs).toBeGreaterThanOrEqual(
      data.stats.writeSyncs - 1,
    );
    expect(data.values("Big", "A12000:D12000")).toEqual([
      ["R11999", '"'.repeat(200), "\\".repeat(200), "011999"],
    ]);
  });

  it("removes the new sheet when a write fails halfway, and leaves the others alone", async () => {
    data.addSheet("BOM", [["a,b"]]);
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i), "d".repeat(300)]);
    let writes = 0;
    data.failSync = ({ writesCells }) =>
      writesCells && ++writes === 2 ? new Error("GeneralException: the host went away") : null;
    await expect(workbook.addTextSheet("BOM (split)", rows)).rejects.toThrow(/host went away/);
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["BOM"]);
    expect(data.values("BOM", "A1")).toEqual([["a,b"]]);
  });

  it("refuses nothing to write and more columns than a sheet has", async () => {
    data.addSheet("BOM");
    await expect(workbook.addTextSheet("X", [])).rejects.toThrow(/nothing to write/);
    await expect(workbook.addTextSheet("X", [Array(16_385).fill("a")])).rejects.toMatchObject({
      code: "too_large",
    });
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["BOM"]);
  });
});
