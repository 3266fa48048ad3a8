/**
 * Planning in a real browser: the built pane, the real server (emulator mode) and the fake Office
 * host holding the demo BOM. The Plan tab plans three build quantities, the plan sheet gets its
 * tables and charts, planning again updates them, and the written sheet is drawn as HTML for a
 * screenshot. Screenshots: test-results/e2e/plan-*.png.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import {
  BUILD_PLAN_TABLE,
  COVERAGE_CHART,
  SPEND_CHART,
  SUMMARY_TABLE,
} from "../../src/addin/runtime/plan/plan-block";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { WorkbookData } from "../support/excelFake";
import { browserSuite, launchChromium } from "./browser";
import { buildFakeHost, DIST, ensureAddinBuilt, OUTPUT } from "./build";

const BOM_FILE = path.resolve(__dirname, "..", "fixtures", "bom", "demo-board.csv");
const suite = browserSuite("the plan browser test");

interface TableDump {
  sheet: string;
  values: unknown[][];
}

interface ChartDump {
  name: string;
  sheet: string;
  title: string;
  chartType: string;
  categories: unknown[];
  series: { name: string; values: unknown[]; chartType: string; axisGroup: string }[];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT, `plan-${name}.png`), fullPage: true });
}

suite("planning a build in a browser", () => {
  jest.setTimeout(240_000);
  let server: RunningAddinServer;
  let browser: Browser;
  let hostScript: string;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    ensureAddinBuilt();
    hostScript = await buildFakeHost();
    server = await startAddinServer({ env: { ADDIN_DIST: DIST, LOG_LEVEL: "silent" } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("plans the demo BOM, writes tables and charts, and plans again in place", async () => {
    const parsed = Papa.parse<string[]>(fs.readFileSync(BOM_FILE, "utf8"), {
      skipEmptyLines: true,
    });
    const data = new WorkbookData();
    data.addSheet("BOM", parsed.data);
    const grid = data.usedValues("BOM");

    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await page.addInitScript((values) => {
      (window as unknown as { __E2E_SHEETS: unknown }).__E2E_SHEETS = [{ name: "BOM", values }];
    }, grid);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("group", { name: "Column mapping" }).waitFor();
    const host = "window.__fakeHost";

    // 1. The Plan tab: three builds, 2 % attrition, at least 2 extra per line.
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByRole("textbox", { name: /Build quantities/ }).fill("10, 100, 1000");
    await page.getByRole("textbox", { name: /Minimum extra per line/ }).fill("2");
    // The form fits the pane: nothing wider than it.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "01-form");
    await page.getByRole("button", { name: "Plan", exact: true }).click();
    await page.getByText(/Wrote the plan of \d+ lines on the sheet “Cofactr plan”/).waitFor();
    await shot(page, "02-planned");

    const lines = parsed.data.length - 1;
    const plan = (await page.evaluate(`${host}.table("${BUILD_PLAN_TABLE}")`)) as TableDump;
    expect(plan.sheet).toBe("Cofactr plan");
    // Header, one row per line, the total row.
    expect(plan.values).toHaveLength(lines + 2);
    const header = plan.values[0] as string[];
    expect(header.filter((name) => name.startsWith("Need ("))).toEqual([
      "Need (10)",
      "Need (100)",
      "Need (1000)",
    ]);
    const totals = (await page.evaluate(`${host}.table("${SUMMARY_TABLE}")`)) as TableDump;
    expect(totals.values.map((row) => row[0])).toEqual(["Boards", 10, 100, 1000]);
    // Something is bought at every build.
    for (const row of totals.values.slice(1)) expect(Number(row[1])).toBeGreaterThan(0);
    const tables = (await page.evaluate(`${host}.tableNames()`)) as string[];
    expect(tables.filter((name) => name.startsWith("CofactrBuy10_")).length).toBeGreaterThan(0);
    const charts = (await page.evaluate(`${host}.charts()`)) as ChartDump[];
    expect(charts.map((chart) => chart.name)).toEqual([SPEND_CHART, COVERAGE_CHART]);
    expect(charts[1]?.categories).toEqual(["10 boards", "100 boards", "1000 boards"]);
    expect(charts[0]?.series.map((s) => s.axisGroup)).toEqual(["Primary", "Secondary"]);

    // 2. The written plan, drawn from the in-memory workbook.
    const html = (await page.evaluate(`${host}.renderSheet("Cofactr plan")`)) as string;
    const sheetPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await sheetPage.setContent(html);
    await sheetPage.screenshot({ path: path.join(OUTPUT, "plan-03-sheet.png"), fullPage: true });
    await sheetPage.close();

    // 3. Planning again (one build) updates the same sheet, tables and charts.
    await page.getByRole("textbox", { name: /Build quantities/ }).fill("250");
    await page.getByRole("button", { name: "Plan", exact: true }).click();
    await page.getByText(/Updated the plan of \d+ lines on the sheet “Cofactr plan”/).waitFor();
    const sheets = (await page.evaluate(`${host}.sheetNames()`)) as string[];
    expect(sheets).toEqual(["BOM", "Cofactr plan"]);
    const again = (await page.evaluate(`${host}.charts()`)) as ChartDump[];
    expect(again.map((chart) => chart.name)).toEqual([SPEND_CHART, COVERAGE_CHART]);
    expect(again[1]?.categories).toEqual(["250 boards"]);
    const names = (await page.evaluate(`${host}.tableNames()`)) as string[];
    expect(names.filter((name) => name.startsWith("CofactrBuy10_"))).toEqual([]);
    expect(names.filter((name) => name === BUILD_PLAN_TABLE)).toHaveLength(1);
    await shot(page, "04-replanned");
    const replanned = (await page.evaluate(`${host}.renderSheet("Cofactr plan")`)) as string;
    const second = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await second.setContent(replanned);
    await second.screenshot({
      path: path.join(OUTPUT, "plan-05-sheet-replanned.png"),
      fullPage: true,
    });
    await second.close();

    expect(errors).toEqual([]);
    await page.close();
  });
});
