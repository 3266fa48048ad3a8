/**
 * Planning from the pane, end to end below the UI: a BOM sheet in the in-memory Excel fake, read
 * and mapped as the BOM tab does, parts looked up through the runtime's lookup service (over a
 * fake /api/parts/lookup), the sourcing engine, and the plan written by the Office.js writer.
 */
import type { Part } from "../../../../src/core/api";
import { createExcelWorkbook } from "../../../../src/addin/excel/excel-workbook";
import { PLAN_SETTINGS_KEY } from "../../../../src/addin/excel/plan-sheet";
import { WorkbookError, type WorkbookAccess } from "../../../../src/addin/excel/workbook-access";
import { loadBomSheet, readRegion } from "../../../../src/addin/runtime/bom/load-bom-sheet";
import { LookupService } from "../../../../src/addin/runtime/lookup/lookup-service";
import {
  BUILD_PLAN_TABLE,
  COVERAGE_CHART,
  COVERAGE_TABLE,
  HEALTH_TABLE,
  SPEND_CHART,
  SPEND_TABLE,
  SUMMARY_TABLE,
} from "../../../../src/addin/runtime/plan/plan-block";
import { DEFAULT_PLAN_FORM, type PlanForm } from "../../../../src/addin/runtime/plan/plan-form";
import { PlanInputError, runPlan } from "../../../../src/addin/runtime/plan/run-plan";
import { offer } from "../../../core/sourcing/fixtures";
import { fakeLookupApi } from "../../../support/customFunctionsApi";
import { installExcelFake, WorkbookData, type FakeCellValue } from "../../../support/excelFake";

function part(mpn: string, lifecycle: string, offers: Part["offers"]): Part {
  return {
    cpid: `CP-${mpn}`,
    mpn,
    manufacturer: "Maker",
    description: null,
    classification: null,
    lifecycle,
    package: null,
    datasheet: null,
    image: null,
    total_stock: offers.reduce((sum, o) => sum + o.stock, 0),
    min_lead_days: null,
    specs: [],
    offers,
  };
}

const CATALOGUE: Part[] = [
  part("CAP-100N", "Production", [
    offer({
      seller: "Digi-Key",
      stock: 100_000,
      breaks: [
        [1, 0.1],
        [100, 0.05],
        [1000, 0.02],
      ],
    }),
    offer({ seller: "Mouser", stock: 5_000, breaks: [[1, 0.09]] }),
  ]),
  // One seller, 50 in stock, end of life, 120 days to restock.
  part("IC-EOL", "EOL", [offer({ seller: "Mouser", stock: 50, breaks: [[1, 2]], lead: 120 })]),
];

const BOM: FakeCellValue[][] = [
  ["Line", "Designator", "Qty", "MPN", "Manufacturer", "DNP"],
  ["1", "C1, C2, C3, C4", 4, "CAP-100N", "Maker", ""],
  ["2", "U1", 1, "IC-EOL", "Maker", ""],
  ["3", "J1", 1, "CONN-X", "Maker", ""],
  ["4", "R9", 1, "RES-1K", "Maker", "DNP"],
];

let data: WorkbookData;
let uninstall: () => void;
let workbook: WorkbookAccess;
let api: ReturnType<typeof fakeLookupApi>;
let lookups: LookupService;

beforeEach(() => {
  data = new WorkbookData();
  uninstall = installExcelFake(data);
  workbook = createExcelWorkbook();
  api = fakeLookupApi(CATALOGUE);
  lookups = new LookupService({ fetch: api.fetch, windowMs: 1 });
});

afterEach(() => uninstall());

async function plan(form: Partial<PlanForm> = {}, grid: FakeCellValue[][] = BOM) {
  if (!data.sheet("BOM")) data.addSheet("BOM", grid);
  data.activate(data.requireSheet("BOM"));
  const sheet = await loadBomSheet(workbook);
  const read = sheet ? readRegion(sheet) : null;
  return runPlan(
    { workbook, lookups, now: () => new Date("2026-12-01T16:00:00Z") },
    { sheet, read, form: { ...DEFAULT_PLAN_FORM, ...form } },
  );
}

/** A table's cells, header first (and its total row last when shown). */
function table(name: string): FakeCellValue[][] {
  const found = data.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return data.readCoords(found.sheet, found.coords, (cell) => data.cellValue(cell));
}

function column(values: FakeCellValue[][], header: string): FakeCellValue[] {
  const index = (values[0] as FakeCellValue[]).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return values.slice(1).map((row) => row[index] as FakeCellValue);
}

function planTables(): string[] {
  return data.tables
    .filter((t) => t.sheet.name === "Cofactr plan")
    .map((t) => t.name)
    .sort();
}

describe("planning from the pane onto a plan sheet", () => {
  it("writes the build plan, buy lists, health block and two charts", async () => {
    const { written } = await plan({ builds: "10, 100" });
    expect(written.createdSheet).toBe(true);
    expect(written.sheetName).toBe("Cofactr plan");
    expect(data.activeSheet?.name).toBe("Cofactr plan");
    expect(planTables()).toEqual(
      [
        SUMMARY_TABLE,
        BUILD_PLAN_TABLE,
        "CofactrBuy10_Mouser",
        "CofactrBuy100_DigiKey",
        "CofactrBuy100_Mouser",
        HEALTH_TABLE,
        SPEND_TABLE,
        COVERAGE_TABLE,
      ].sort(),
    );

    // One row per line, the total row last; per build its own columns.
    const buildPlan = table(BUILD_PLAN_TABLE);
    expect(column(buildPlan, "BOM row")).toEqual([2, 3, 4, 5, "Total"]);
    expect(column(buildPlan, "MPN")).toEqual(["CAP-100N", "IC-EOL", "CONN-X", "RES-1K", "4 lines"]);
    // 4 per board × 10 + 2 % (rounded up): 41, cheapest at Mouser's 0.09.
    expect(column(buildPlan, "Need (10)").slice(0, 2)).toEqual([41, 11]);
    expect(column(buildPlan, "Sellers (10)").slice(0, 2)).toEqual(["Mouser 41", "Mouser 11"]);
    // At 100 boards 408 are needed: Digi-Key's 1,000 break (20.00) beats 408 at 0.05 (20.40).
    expect(column(buildPlan, "Buy (100)")[0]).toBe(1000);
    expect(column(buildPlan, "Excess (100)")[0]).toBe(592);
    expect(column(buildPlan, "Extended (100)")[0]).toBe(20);
    expect(column(buildPlan, "Short (100)").slice(0, 4)).toEqual([0, 52, 102, 0]);
    expect(column(buildPlan, "Coverage (100)").slice(0, 4)).toEqual([
      "In stock",
      "Partial",
      "Part not found",
      "Not needed (DNP)",
    ]);
    expect(column(buildPlan, "Risks")[1]).toBe("lifecycle, single source, long lead");
    // Totals: 41 × 0.09 + 11 × 2 = 25.69 for 10 boards.
    const totals = buildPlan[buildPlan.length - 1] as FakeCellValue[];
    const header = buildPlan[0] as FakeCellValue[];
    expect(totals[header.indexOf("Extended (10)")]).toBeCloseTo(25.69, 2);
    expect(totals[header.indexOf("Unit price (10)")]).toBeCloseTo(2.569, 3);
    expect(totals[header.indexOf("Short (10)")]).toBe(1);
    expect(data.tables.find((t) => t.name === BUILD_PLAN_TABLE)?.showTotals).toBe(true);

    // A buy list in the columns a distributor's BOM upload takes, with its total.
    expect(table("CofactrBuy100_DigiKey")).toEqual([
      [
        "Seller SKU",
        "Manufacturer Part Number",
        "Manufacturer",
        "Quantity",
        "Unit Price",
        "Extended Price",
        "Customer Reference",
      ],
      ["DIGI-KEY-SKU", "CAP-100N", "Maker", 1000, 0.02, 20, "BOM row 2"],
      ["Total", "", "", "", "", 20, ""],
    ]);

    // Health: the EOL part, its single source, the short lines per build, the long restock.
    const health = table(HEALTH_TABLE).map((row) => row.slice(0, 3));
    expect(health).toEqual([
      ["Check", "Row", "MPN"],
      ["Lifecycle risk (NRFND, EOL, Obsolete)", 1, ""],
      ["", 3, "IC-EOL"],
      ["Single source", 1, ""],
      ["", 3, "IC-EOL"],
      ["Short at 10 boards", 1, ""],
      ["", 4, "CONN-X"],
      ["Short at 100 boards", 2, ""],
      ["", 3, "IC-EOL"],
      ["", 4, "CONN-X"],
      ["Restock lead over the threshold", 1, ""],
      ["", 3, "IC-EOL"],
    ]);

    // The charts draw their tables: spend as a Pareto, coverage stacked per build.
    const charts = data.charts.map((chart) => ({ chart, drawn: data.chartSeries(chart) }));
    expect(charts.map(({ chart }) => chart.name)).toEqual([SPEND_CHART, COVERAGE_CHART]);
    const [spend, coverage] = charts;
    expect(spend?.chart.title).toBe("Spend by line (Pareto)");
    expect(spend?.drawn.categories).toEqual(["IC-EOL (row 3)", "CAP-100N (row 2)"]);
    expect(spend?.drawn.series.map((s) => [s.name, s.chartType, s.axisGroup])).toEqual([
      ["Spend (USD)", "ColumnClustered", "Primary"],
      ["Cumulative share", "Line", "Secondary"],
    ]);
    expect(spend?.drawn.series[1]?.values.at(-1)).toBeCloseTo(1, 6);
    expect(coverage?.chart.chartType).toBe("ColumnStacked");
    expect(coverage?.drawn.categories).toEqual(["10 boards", "100 boards"]);
    expect(coverage?.drawn.series.map((s) => [s.name, ...s.values])).toEqual([
      ["In stock", 2, 1],
      ["Partial", 0, 1],
      ["None", 0, 0],
      ["No part or offer", 1, 1],
    ]);
    // Charts sit in their band, above the first table.
    expect(spend?.chart.position?.from).toBe("A7");
    expect(coverage?.chart.position?.from).toBe("I7");

    const record = JSON.parse(String(data.settings.get(PLAN_SETTINGS_KEY))) as {
      sheetId: string;
      tables: string[];
      charts: string[];
    };
    expect(record.sheetId).toBe(data.requireSheet("Cofactr plan").id);
    expect(record.charts).toEqual([SPEND_CHART, COVERAGE_CHART]);
  });

  it("planning again updates the same sheet, tables and charts, and drops what is gone", async () => {
    await plan({ builds: "10, 100, 1000" });
    const sheetsBefore = data.sheets.length;
    const firstWidth = table(BUILD_PLAN_TABLE)[0]?.length;
    const { written } = await plan({ builds: "50" });

    expect(written.createdSheet).toBe(false);
    expect(data.sheets.length).toBe(sheetsBefore);
    expect(data.charts.map((chart) => chart.name)).toEqual([SPEND_CHART, COVERAGE_CHART]);
    expect(planTables()).toEqual(
      [
        SUMMARY_TABLE,
        BUILD_PLAN_TABLE,
        "CofactrBuy50_DigiKey",
        "CofactrBuy50_Mouser",
        HEALTH_TABLE,
        SPEND_TABLE,
        COVERAGE_TABLE,
      ].sort(),
    );
    expect(data.tables).toHaveLength(planTables().length);
    const buildPlan = table(BUILD_PLAN_TABLE);
    expect(buildPlan[0]?.length).toBeLessThan(firstWidth ?? 0);
    expect((buildPlan[0] as string[]).filter((h) => h.startsWith("Need"))).toEqual(["Need (50)"]);
    // The charts now draw the new plan's data.
    const coverage = data.charts.find((chart) => chart.name === COVERAGE_CHART);
    expect(coverage && data.chartSeries(coverage).categories).toEqual(["50 boards"]);
    // Nothing of the wider, longer first plan is left beyond the new one.
    const sheet = data.requireSheet("Cofactr plan");
    const used = sheet.usedCoords(true);
    const lastTable = data.tables.find((t) => t.name === COVERAGE_TABLE);
    expect(used && lastTable && used.row + used.rows).toBe(
      lastTable && lastTable.coords.row + lastTable.coords.rows,
    );
    expect(used?.columns).toBe(buildPlan[0]?.length);
    // The same plan twice gives the same sheet.
    const snapshot = data.usedValues("Cofactr plan");
    await plan({ builds: "50" });
    expect(data.usedValues("Cofactr plan")).toEqual(snapshot);
    expect(data.charts).toHaveLength(2);
  });

  it("a plan sheet renamed by the user is found again by its id", async () => {
    await plan({ builds: "10" });
    data.renameSheet("Cofactr plan", "Board costs");
    const { written } = await plan({ builds: "20" });
    expect(written.sheetName).toBe("Board costs");
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["BOM", "Board costs"]);
  });

  it("refuses to write over a cell the user typed where the new plan goes", async () => {
    await plan({ builds: "10" });
    const before = data.usedValues("Cofactr plan");
    const width = before[0]?.length ?? 0;
    // Right of the one-build plan, where a three-build plan's columns go.
    data.setValues("Cofactr plan", "AB30", [["my note"]]);
    expect(width).toBeLessThan(28);
    const attempt = plan({ builds: "10, 100, 1000" });
    await expect(attempt).rejects.toThrow(WorkbookError);
    await expect(attempt).rejects.toThrow(
      /Cofactr plan!AB30 holds a cell the last plan did not write/,
    );
    expect(data.values("Cofactr plan", "AB30")).toEqual([["my note"]]);
    expect(table(BUILD_PLAN_TABLE)[0]?.filter((h) => String(h).startsWith("Need"))).toEqual([
      "Need (10)",
    ]);
  });
});

describe("what stops a plan", () => {
  it("no BOM sheet read", async () => {
    const attempt = runPlan(
      { workbook, lookups },
      { sheet: null, read: null, form: DEFAULT_PLAN_FORM },
    );
    await expect(attempt).rejects.toThrow(PlanInputError);
    await expect(attempt).rejects.toThrow(/No BOM sheet is read/);
    expect(api.requests).toHaveLength(0);
  });

  it("no quantity: no Quantity column and no designators to count", async () => {
    const grid = [
      ["MPN", "Manufacturer", "Description"],
      ["CAP-100N", "Maker", "Capacitor"],
      ["IC-EOL", "Maker", "Controller"],
    ];
    await expect(plan({}, grid)).rejects.toThrow(
      /No column of BOM is mapped to Quantity, nor to designators to count/,
    );
    expect(api.requests).toHaveLength(0);
    expect(data.sheet("Cofactr plan")).toBeUndefined();
  });

  it("a quantity that cannot be read", async () => {
    const grid = [
      ["Qty", "Designator", "MPN"],
      [2, "R1, R2", "CAP-100N"],
      ["lots", "", "IC-EOL"],
    ];
    await expect(plan({}, grid)).rejects.toThrow(
      /^Rows 3 of BOM have no quantity the plan can use \(row 3: quantity: /,
    );
    expect(api.requests).toHaveLength(0);
  });

  it("no MPN column", async () => {
    const grid = [
      ["Qty", "Designator", "Description"],
      [2, "R1, R2", "10k resistor"],
    ];
    await expect(plan({}, grid)).rejects.toThrow(/No column of BOM is mapped to MPN/);
  });

  it("bad fields, each named", async () => {
    const attempt = plan({ builds: "10, ten", currency: "XYZ", maxSellers: "0" });
    await expect(attempt).rejects.toThrow(PlanInputError);
    const error = (await attempt.catch((caught: unknown) => caught)) as PlanInputError;
    expect(error.problems.map((problem) => problem.field)).toEqual([
      "builds",
      "maxSellers",
      "currency",
    ]);
    expect(error.problems[0]?.message).toBe('"ten" is not a whole number of at least 1');
    expect(api.requests).toHaveLength(0);
  });

  it("no part could be looked up: says why and writes nothing", async () => {
    api.always(() => {
      throw new TypeError("Failed to fetch");
    });
    await expect(plan()).rejects.toThrow(/No part could be looked up, so nothing was planned/);
    expect(data.sheet("Cofactr plan")).toBeUndefined();
  });
});
