/**
 * Write-back end to end on the in-memory workbook: the real workbook reads a BOM that does not
 * start at A1 on a sheet whose name needs quoting, the BOM is uploaded to the scripted API, the
 * results table is written and its formulas calculated. What the user sees must line up with
 * the BOM's own rows and cells.
 */
import { createExcelWorkbook } from "../../../../src/addin/excel/excel-workbook";
import type { WorkbookAccess } from "../../../../src/addin/excel/workbook-access";
import { readBom } from "../../../../src/core/bom";
import type { BomReadResult } from "../../../../src/core/bom/types";
import {
  RESULT_COLUMNS,
  RESULTS_SHEET_NAME,
} from "../../../../src/addin/runtime/results/results-table";
import { writeResults } from "../../../../src/addin/runtime/results/write-results";
import { buildUpsertBody } from "../../../../src/addin/runtime/upload/run-upload";
import { FakeApiClient } from "../../../support/fakeApiClient";
import {
  installExcelFake,
  recalculateWorkbook,
  WorkbookData,
  type FakeCellValue,
} from "../../../support/excelFake";

const SHEET = "Bob's BOM";
const DETAILS = { name: "Board", version: "A", partNumber: "", buildQuantity: 10 };

let data: WorkbookData;
let uninstall: () => void;
let workbook: WorkbookAccess;
let api: FakeApiClient;

beforeEach(() => {
  data = new WorkbookData();
  uninstall = installExcelFake(data);
  workbook = createExcelWorkbook();
  api = new FakeApiClient();
  data.addSheet(SHEET);
  // The BOM's header is on row 5 and its first column is C.
  data.setValues(SHEET, "C5", [
    ["Ref", "Qty", "MPN", "Manufacturer", "DNP"],
    ["R1 R2", 2, "RC0402FR-0710KL", "Yageo", ""],
    ["C1 C2 C3", "", "GRM155R71C104KA88D", "", ""],
    ["U1", "1 pc", "LM358DR", "Texas Instruments", ""],
    ["J1", 1, "", "Molex", ""],
    ["D1", 1, "LTST-C190KRKT", "Lite-On", "DNP"],
  ]);
});

afterEach(() => uninstall());

/** Reads the sheet as the pane does and uploads it; returns the read and the BOM's id. */
async function readAndUpload(): Promise<{ read: BomReadResult; bomId: string }> {
  const region = await workbook.readBomRegion();
  if (!region) throw new Error("no region");
  const read = readBom(region.values, {
    firstRow: region.firstRow,
    firstColumn: region.firstColumn,
  });
  const { job_id } = await api.upsertBom(
    buildUpsertBody(
      { sheetName: SHEET, grid: region.values, read, details: DETAILS, settings: {} },
      "rec-1",
      new Date(),
    ),
  );
  api.jobStates = ["success"];
  const job = await api.job(job_id);
  return { read, bomId: job.bom_id ?? "" };
}

/** Stand-ins for the COFACTR functions that show which arguments reached them. */
const calls: unknown[][] = [];
const FUNCTIONS = {
  "COFACTR.DESCRIPTION": (mpn: unknown, maker: unknown) => `${String(mpn)}|${String(maker)}`,
  "COFACTR.LIFECYCLE": () => "Active",
  "COFACTR.PRICE": (...args: unknown[]) => {
    calls.push(args);
    return 0.5;
  },
  "COFACTR.STOCK": () => 100,
  "COFACTR.LEADTIME": () => 7,
  "COFACTR.DATASHEET": () => "https://example.com/ds.pdf",
};

function column(name: (typeof RESULT_COLUMNS)[number]): number {
  return RESULT_COLUMNS.indexOf(name);
}

describe("writing results for a BOM that starts at C5 on 'Bob''s BOM'", () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it("on a new sheet, each result refers to its own BOM row and shows what the user typed", async () => {
    const { read, bomId } = await readAndUpload();
    expect(read.headerRow).toBe(5);
    expect(read.lineRows).toEqual([6, 7, 8, 9, 10]);
    const written = await writeResults(
      api,
      workbook,
      { region: (await workbook.readBomRegion())!, read, details: DETAILS, bomId },
      "newSheet",
    );
    expect(written.address).toBe(`'${RESULTS_SHEET_NAME}'!A5:M10`);
    await recalculateWorkbook(data, FUNCTIONS);

    const formulas = data.formulas(RESULTS_SHEET_NAME, "A6:M10");
    expect(formulas[0]?.[column("MPN")]).toBe("='Bob''s BOM'!E6");
    expect(formulas[0]?.[column("Unit price")]).toBe(
      "=COFACTR.PRICE('Bob''s BOM'!E6,'Bob''s BOM'!F6,D6,$B$3)",
    );

    const rows = data.values(RESULTS_SHEET_NAME, "A6:M10");
    const pick = (name: (typeof RESULT_COLUMNS)[number]) => rows.map((row) => row[column(name)]);
    expect(pick("BOM row")).toEqual([6, 7, 8, 9, 10]);
    expect(pick("MPN")).toEqual([
      "RC0402FR-0710KL",
      "GRM155R71C104KA88D",
      "LM358DR",
      "",
      "LTST-C190KRKT",
    ]);
    // An empty manufacturer cell is shown empty, not as 0.
    expect(pick("Manufacturer")).toEqual(["Yageo", "", "Texas Instruments", "Molex", "Lite-On"]);
    // Empty quantity: 3 designators were sent; "1 pc" was sent as 1; DNP lines buy nothing.
    expect(pick("Build qty")).toEqual([20, 30, 10, 10, 0]);
    expect(pick("Match")).toEqual(["Matched", "Matched", "Matched", "Unmatched", "Do not place"]);
    expect(pick("Description")).toEqual([
      "RC0402FR-0710KL|Yageo",
      "GRM155R71C104KA88D|",
      "LM358DR|Texas Instruments",
      "",
      "LTST-C190KRKT|Lite-On",
    ]);
    // Priced lines only: not the line without an MPN, not the do-not-place line.
    expect(pick("Unit price")).toEqual([0.5, 0.5, 0.5, "", ""]);
    expect(pick("Extended price")).toEqual([10, 15, 5, "", ""]);
    expect(calls.map((args) => [args[0], args[2], args[3]])).toEqual(
      expect.arrayContaining([
        ["RC0402FR-0710KL", 20, "USD"],
        ["GRM155R71C104KA88D", 30, "USD"],
        ["LM358DR", 10, "USD"],
      ]),
    );
    expect(calls).toHaveLength(3);
  });

  it("beside the data, each result sits on its line's own sheet row", async () => {
    const { read, bomId } = await readAndUpload();
    const region = (await workbook.readBomRegion())!;
    const written = await writeResults(
      api,
      workbook,
      { region, read, details: DETAILS, bomId },
      "besideData",
    );
    // Data spans C:G; one blank column (H), then the table from I5.
    expect(written.address).toBe("'Bob''s BOM'!I5:U10");
    await recalculateWorkbook(data, FUNCTIONS);
    const table = data.values(SHEET, "I5:U10") as FakeCellValue[][];
    expect(table[0]).toEqual([...RESULT_COLUMNS]);
    expect(table.slice(1).map((row) => [row[column("BOM row")], row[column("MPN")]])).toEqual([
      [6, "RC0402FR-0710KL"],
      [7, "GRM155R71C104KA88D"],
      [8, "LM358DR"],
      [9, ""],
      [10, "LTST-C190KRKT"],
    ]);
    expect(
      data
        .formulas(SHEET, "H5:H10")
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    expect(table[1]?.[column("Unit price")]).toBe(0.5);
    expect(table[1]?.[column("Build qty")]).toBe(20);
  });
});

describe("writing results again", () => {
  /** Reads the sheet as it is now, uploads it and writes the results to `destination`. */
  async function uploadAndWrite(destination: "newSheet" | "besideData") {
    // A results sheet is activated when written; the user goes back to the BOM.
    data.activate(data.requireSheet(SHEET));
    const { read, bomId } = await readAndUpload();
    const region = (await workbook.readBomRegion())!;
    return writeResults(api, workbook, { region, read, details: DETAILS, bomId }, destination);
  }

  it("updates the same table on the same sheet, shrinking and growing it with the BOM", async () => {
    const first = await uploadAndWrite("newSheet");
    expect(first).toMatchObject({ tableName: "CofactrResults", updated: false });
    expect((await workbook.loadSettings(SHEET)).resultsTables).toEqual({
      newSheet: "CofactrResults",
    });

    // Two lines fewer: the table loses two rows; nothing is left below it.
    data.setValues(SHEET, "C9", [
      ["", "", "", "", ""],
      ["", "", "", "", ""],
    ]);
    const second = await uploadAndWrite("newSheet");
    expect(second).toMatchObject({
      sheetName: RESULTS_SHEET_NAME,
      tableName: "CofactrResults",
      address: `'${RESULTS_SHEET_NAME}'!A5:M8`,
      updated: true,
    });
    expect(data.sheets.map((sheet) => sheet.name)).toEqual([SHEET, RESULTS_SHEET_NAME]);
    expect(data.tables.map((table) => table.name)).toEqual(["CofactrResults"]);
    expect(data.tables[0]?.coords).toMatchObject({ row: 4, rows: 4 });
    expect(
      data
        .formulas(RESULTS_SHEET_NAME, "A9:M9")
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);

    // Three lines more than that: the same table grows, each row still on its BOM row.
    data.setValues(SHEET, "C9", [
      ["J1", 1, "", "Molex", ""],
      ["D1", 1, "LTST-C190KRKT", "Lite-On", "DNP"],
      ["R9", 4, "RC0603FR-071KL", "Yageo", ""],
    ]);
    const third = await uploadAndWrite("newSheet");
    expect(third).toMatchObject({ address: `'${RESULTS_SHEET_NAME}'!A5:M11`, updated: true });
    expect(data.tables.map((table) => [table.name, table.coords.rows])).toEqual([
      ["CofactrResults", 7],
    ]);
    expect(data.formulas(RESULTS_SHEET_NAME, "A6:B11").map((row) => row[1])).toEqual([
      "='Bob''s BOM'!E6",
      "='Bob''s BOM'!E7",
      "='Bob''s BOM'!E8",
      "",
      "='Bob''s BOM'!E10",
      "='Bob''s BOM'!E11",
    ]);
    expect(data.values(RESULTS_SHEET_NAME, "A6:A11").flat()).toEqual([6, 7, 8, 9, 10, 11]);
    expect(data.numberFormats(RESULTS_SHEET_NAME, "I11:I11")).toEqual([["#,##0.0000"]]);
  });

  it("keeps the user's own column in the table, and the table where the user moved it", async () => {
    await uploadAndWrite("newSheet");
    // The user adds a Notes column to the table's right and writes a note.
    const table = data.tables[0]!;
    data.setValues(RESULTS_SHEET_NAME, "N5", [["Notes"], ["check stock"]]);
    table.coords.columns += 1;

    const again = await uploadAndWrite("newSheet");
    expect(again).toMatchObject({ address: `'${RESULTS_SHEET_NAME}'!A5:N10`, updated: true });
    expect(data.values(RESULTS_SHEET_NAME, "N5:N6")).toEqual([["Notes"], ["check stock"]]);
    expect(data.values(RESULTS_SHEET_NAME, "M5:M5")).toEqual([["Datasheet"]]);
  });

  it("writes a new table, and remembers it, once the earlier one was deleted or renamed", async () => {
    await uploadAndWrite("newSheet");
    data.tables[0]!.name = "MyOldResults";
    const again = await uploadAndWrite("newSheet");
    expect(again).toMatchObject({
      sheetName: `${RESULTS_SHEET_NAME} 2`,
      tableName: "CofactrResults",
      updated: false,
    });
    await uploadAndWrite("newSheet");
    expect(data.sheets).toHaveLength(3);
  });

  it("beside the data, updates its own table and never grows it over the user's cells", async () => {
    const first = await uploadAndWrite("besideData");
    expect(first).toMatchObject({ address: "'Bob''s BOM'!I5:U10", updated: false });
    expect((await workbook.loadSettings(SHEET)).resultsTables).toEqual({
      besideData: "CofactrResults",
    });

    // Read again, the BOM is the BOM alone: the results beside it are not columns of it, even
    // with the selection inside them.
    data.selection = {
      sheet: data.requireSheet(SHEET),
      coords: { row: 6, column: 10, rows: 1, columns: 1 },
    };
    const region = await workbook.readBomRegion();
    expect(region).toMatchObject({ firstRow: 5, firstColumn: 3, tableName: null });
    expect(region?.values[0]).toEqual(["Ref", "Qty", "MPN", "Manufacturer", "DNP"]);

    const again = await uploadAndWrite("besideData");
    expect(again).toMatchObject({ address: "'Bob''s BOM'!I5:U10", updated: true });
    expect(data.tables).toHaveLength(1);

    // One more BOM line, and a note of the user's under the results table.
    data.setValues(SHEET, "C11", [["R9", 4, "RC0603FR-071KL", "Yageo", ""]]);
    data.setValues(SHEET, "K11", [["my note"]]);
    const blocked = uploadAndWrite("besideData");
    await expect(blocked).rejects.toThrow(
      /The table CofactrResults on "Bob's BOM" needs 1 more rows, but I11:U11 holds cells that are not empty; nothing was written/,
    );
    expect(data.values(SHEET, "K11:K11")).toEqual([["my note"]]);
  });

  it("refuses to write over a table whose results columns were changed", async () => {
    await uploadAndWrite("newSheet");
    data.setValues(RESULTS_SHEET_NAME, "B5", [["Part number"]]);
    await expect(uploadAndWrite("newSheet")).rejects.toThrow(
      /no longer starts with the results columns .* Rename or delete that table/,
    );
    expect(data.values(RESULTS_SHEET_NAME, "B5:B5")).toEqual([["Part number"]]);
  });
});
