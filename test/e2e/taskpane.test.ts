/**
 * The add-in in a real browser: the built task pane, served by the real add-in server (emulator
 * mode), with a fake Office host in place of office.js holding the project's demo BOM. Auto-map,
 * upload, follow the job, write the results table, calculate its COFACTR formulas through the
 * registered custom functions, and check the table. Screenshots: test-results/e2e/*.png.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import type { BomResponse } from "../../src/core/api";
import { readBom } from "../../src/core/bom";
import type { BomReadResult } from "../../src/core/bom/types";
import { RESULT_COLUMNS } from "../../src/addin/runtime/results/results-table";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { WorkbookData, type FakeCellValue } from "../support/excelFake";
import { browserSuite, launchChromium } from "./browser";
import { buildFakeHost, DIST, ensureAddinBuilt, OUTPUT } from "./build";

// A BOM the project writes itself, shaped like a KiCad/Glasgow export (MPN in G, Mfg in H).
const BOM_FILE = path.resolve(__dirname, "..", "fixtures", "bom", "demo-board.csv");
// A hand-made sheet with German headers (Anzahl, Bauteil/Referenz, Gehäuse, Herstellernummer…).
const GERMAN_FILE = path.resolve(__dirname, "..", "fixtures", "bom", "german-headers.csv");
const suite = browserSuite("the task-pane browser test");

interface TableDump {
  sheet: string;
  values: FakeCellValue[][];
  formulas: FakeCellValue[][];
}

/** A BOM file as Excel would hold it after opening the CSV. */
function csvSheet(file: string): { grid: FakeCellValue[][]; read: BomReadResult } {
  const parsed = Papa.parse<string[]>(fs.readFileSync(file, "utf8"), { skipEmptyLines: true });
  const data = new WorkbookData();
  data.addSheet("BOM", parsed.data);
  const grid = data.usedValues("BOM");
  return { grid, read: readBom(grid, { firstRow: 1, firstColumn: 1 }) };
}

/** The one BOM sheet's stored settings (keyed by the worksheet's id). */
function bomSettings(settings: Record<string, string>): string {
  const entries = Object.entries(settings).filter(([key]) => key.startsWith("cofactr.bom#"));
  expect(entries).toHaveLength(1);
  return entries[0]?.[1] ?? "{}";
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
}

suite("task pane in a browser", () => {
  jest.setTimeout(240_000);
  let server: RunningAddinServer;
  let browser: Browser;
  let hostScript: string;
  const sheet = csvSheet(BOM_FILE);

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

  async function openPane(
    query = "",
    grid = sheet.grid,
    width = 380,
    ready = "Column mapping",
  ): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await page.addInitScript((grid) => {
      (window as unknown as { __E2E_SHEETS: unknown }).__E2E_SHEETS = [
        { name: "BOM", values: grid },
      ];
    }, grid);
    await page.goto(`${server.url}/taskpane.html${query}`);
    await page.getByRole("group", { name: ready }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  it("maps, uploads, writes the results table and calculates it", async () => {
    const page = await openPane();
    const { read } = sheet;
    expect(read.lines.length).toBeGreaterThan(15);

    // Auto-mapping of the demo BOM's headers.
    await expect(
      page.getByRole("combobox", { name: "MPN", exact: true }).textContent(),
    ).resolves.toBe("G · MPN");
    await expect(
      page.getByRole("combobox", { name: "Manufacturer", exact: true }).textContent(),
    ).resolves.toBe("H · Mfg");
    await expect(
      page.getByRole("combobox", { name: "Quantity", exact: true }).textContent(),
    ).resolves.toBe("B · Quantity");
    // The preview fits the narrow pane: long values are cut with an ellipsis, not clipped.
    const overflow = await page
      .getByRole("table", { name: "Lines as they will be sent" })
      .evaluate((table) => {
        const wrap = table.parentElement as HTMLElement;
        return wrap.scrollWidth - wrap.clientWidth;
      });
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "01-mapping");

    await page.getByRole("tab", { name: "Upload" }).click();
    await page.getByRole("textbox", { name: /BOM name/ }).fill("Demo board");
    await page.getByRole("textbox", { name: "Version" }).fill("C3");
    await page.getByRole("spinbutton", { name: /Build quantity/ }).fill("25");
    await page.getByRole("spinbutton", { name: /Build quantity/ }).press("Tab");
    await page.getByRole("button", { name: "Upload BOM" }).click();
    await page.getByRole("list", { name: "Upload steps" }).waitFor();
    await shot(page, "02-uploading");
    await page.getByText("BOM uploaded").waitFor({ timeout: 30_000 });
    await shot(page, "03-uploaded");

    const settings = (await page.evaluate(() =>
      (
        window as unknown as { __fakeHost: { settings(): Record<string, string> } }
      ).__fakeHost.settings(),
    )) as Record<string, string>;
    const stored = JSON.parse(bomSettings(settings)) as {
      bomId?: string;
      integrationRecordId?: string;
      sheetName?: string;
    };
    expect(stored.sheetName).toBe("BOM");
    expect(stored.bomId).toBeTruthy();
    expect(stored.integrationRecordId).toBeTruthy();
    const bom = (await (
      await fetch(`${server.url}/api/boms/${stored.bomId}`)
    ).json()) as BomResponse;
    expect(bom.name).toBe("Demo board");
    expect(bom.lines).toHaveLength(read.lines.length);
    const matched = bom.lines.filter((line) => line.match_status === "matched").length;
    await expect(
      page
        .getByText(
          `${read.lines.length} lines: ${matched} matched, ${read.lines.length - matched} unmatched.`,
          {
            exact: false,
          },
        )
        .count(),
    ).resolves.toBe(1);

    await page.getByRole("button", { name: "Write results" }).click();
    await page.getByText(/Wrote \d+ lines to 'Cofactr results'!A5:M\d+/).waitFor();
    await shot(page, "04-results-written");

    const calculated = await page.evaluate(() =>
      (
        window as unknown as { __fakeHost: { calculate(): Promise<number> } }
      ).__fakeHost.calculate(),
    );
    expect(calculated).toBeGreaterThan(read.lines.length * 5);
    const table = (await page.evaluate(() =>
      (window as unknown as { __fakeHost: { table(name: string): unknown } }).__fakeHost.table(
        "CofactrResults",
      ),
    )) as TableDump;
    expect(table.sheet).toBe("Cofactr results");
    const [header, ...rows] = table.values;
    expect(header).toEqual([...RESULT_COLUMNS]);
    expect(rows).toHaveLength(read.lines.length);
    const column = (name: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(name);

    let priced = 0;
    rows.forEach((row, index) => {
      const line = read.lines[index];
      const returned = bom.lines[index];
      expect(row[column("BOM row")]).toBe(read.lineRows[index]);
      expect(String(row[column("MPN")]).trim()).toBe(line?.mpn ?? "");
      const expectedMatch = line?.do_not_place
        ? "Do not place"
        : { matched: "Matched", unmatched: "Unmatched", custom: "Custom part" }[
            returned?.match_status ?? "unmatched"
          ];
      expect(row[column("Match")]).toBe(expectedMatch);
      expect(row[column("CPID")]).toBe(returned?.part?.cpid ?? "");
      const unit = row[column("Unit price")];
      const quantity = row[column("Build qty")];
      if (!line?.do_not_place) expect(quantity).toBe((line?.quantity ?? 1) * 25);
      if (typeof unit === "number") {
        priced += 1;
        expect(unit).toBeGreaterThan(0);
        expect(row[column("Extended price")]).toBeCloseTo(unit * Number(quantity), 6);
        expect(typeof row[column("Stock")]).toBe("number");
      } else if (line?.mpn && !line.do_not_place) {
        expect(unit).toMatch(/^#(N\/A|VALUE!)$/);
      }
    });
    // Lines Cofactr matched get a price at the build quantity from the emulator's offers.
    expect(priced).toBeGreaterThan(matched / 2);
    const firstFormula = table.formulas[1]?.[column("Unit price")];
    expect(firstFormula).toBe(
      `=COFACTR.PRICE('BOM'!G${read.lineRows[0]},'BOM'!H${read.lineRows[0]},D6,$B$3)`,
    );
    await page.close();
  });

  it("uploads from the ribbon command, updating the same BOM, and renders dark", async () => {
    const page = await openPane("?theme=dark");
    const host = "window.__fakeHost";
    await page.evaluate(`${host}.runAction("uploadBom")`);
    expect(await page.evaluate(`${host}.taskpaneShown()`)).toBe(1);
    await page.getByText("BOM uploaded").waitFor({ timeout: 30_000 });
    const first = JSON.parse(
      bomSettings((await page.evaluate(`${host}.settings()`)) as Record<string, string>),
    ) as { bomId: string };
    await page.evaluate(`${host}.runAction("uploadBom")`);
    await page.getByText("BOM uploaded").waitFor({ timeout: 30_000 });
    const second = JSON.parse(
      bomSettings((await page.evaluate(`${host}.settings()`)) as Record<string, string>),
    ) as { bomId: string };
    expect(second.bomId).toBe(first.bomId);
    await shot(page, "05-ribbon-upload-dark");
    await page.getByRole("tab", { name: "BOM" }).click();
    await shot(page, "06-mapping-dark");
    await page.close();
  });
  it("explains each field's column on a sheet with German headers, in a 340 px pane", async () => {
    const german = csvSheet(GERMAN_FILE);
    expect(german.read.lines).toHaveLength(10);
    const page = await openPane("", german.grid, 340);
    const combobox = (name: string) => page.getByRole("combobox", { name, exact: true });
    const expected: Record<string, string> = {
      "Line number": "A · Pos.",
      Quantity: "B · Anzahl",
      Designators: "C · Bauteil/Referenz",
      Value: "D · Wert",
      Package: "E · Gehäuse",
      Manufacturer: "F · Hersteller",
      MPN: "G · Herstellernummer",
      "Distributor SKU": "H · Bestellnummer",
      Comments: "I · Bemerkung",
    };
    for (const [field, column] of Object.entries(expected)) {
      await expect(combobox(field).textContent()).resolves.toBe(column);
    }

    // One field's reasons, opened from the keyboard.
    const why = page.getByRole("button", { name: "Why Quantity is B · Anzahl" });
    await why.focus();
    await page.keyboard.press("Enter");
    await expect(why.getAttribute("aria-expanded")).resolves.toBe("true");
    const quantity = page.getByRole("region", { name: "Why Quantity is B · Anzahl" });
    await expect(quantity.textContent()).resolves.toMatch(/Anzahl.*Quantity/);

    // Then every field's, for the screenshot; the reasons wrap inside the narrow pane.
    await page.getByRole("button", { name: "Show all reasons" }).click();
    const regions = page.getByRole("region", { name: /^Why / });
    await expect(regions.count()).resolves.toBe(Object.keys(expected).length);
    await expect(
      page.getByRole("region", { name: "Why MPN is G · Herstellernummer" }).textContent(),
    ).resolves.toMatch(/Herstellernummer/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("group", { name: "Column mapping" }).scrollIntoViewIfNeeded();
    await shot(page, "07-mapping-reasons-german");
    await page.close();
  });

  it("offers to split a BOM pasted as text into one column, then maps the new sheet", async () => {
    const text = fs.readFileSync(BOM_FILE, "utf8");
    const pasted = text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => [line.replace(/\r$/, "")]);
    const page = await openPane("", pasted, 340, "Pasted text");
    const host = "window.__fakeHost";
    const split = page.getByRole("button", { name: "Split into columns" });
    await split.waitFor();
    await expect(page.getByRole("group", { name: "Column mapping" }).count()).resolves.toBe(0);
    await shot(page, "08-split-pasted-text");

    await split.click();
    await page.getByRole("group", { name: "Column mapping" }).waitFor();
    await expect(
      page.getByRole("combobox", { name: "MPN", exact: true }).textContent(),
    ).resolves.toBe("G · MPN");
    expect(await page.evaluate(`${host}.sheetNames()`)).toEqual(["BOM", "BOM (split)"]);
    // Every cell of the new sheet is the CSV's text; the pasted sheet is as it was.
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const width = parsed[0]?.length ?? 0;
    const last = `${String.fromCharCode(64 + width)}${parsed.length}`;
    expect(await page.evaluate(`${host}.values("BOM (split)", "A1:${last}")`)).toEqual(parsed);
    expect(await page.evaluate(`${host}.values("BOM", "A1:A${pasted.length}")`)).toEqual(pasted);
    await shot(page, "09-split-mapped");
    await page.close();
  });
});
