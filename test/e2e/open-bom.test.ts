/**
 * Open from Cofactr in a real browser: the built pane, the real server (emulator mode) and the
 * fake Office host. A BOM made in Cofactr is picked from the searchable list and written to a new
 * sheet, an unmatched line is resolved by choosing a Knowledge Graph candidate (one confirm
 * step), and the BOM is approved after its checks. Screenshots: test-results/e2e/open-*.png.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { BomResponse } from "../../src/core/api";
import { OPENED_BOM_COLUMNS } from "../../src/addin/runtime/boms/bom-sheet-block";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { browserSuite, launchChromium } from "./browser";
import { buildFakeHost, DIST, ensureAddinBuilt, OUTPUT } from "./build";

const suite = browserSuite("the open-from-Cofactr browser test");

interface TableDump {
  sheet: string;
  values: unknown[][];
  formulas: unknown[][];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT, `open-${name}.png`), fullPage: true });
}

suite("open a Cofactr BOM, resolve a line and approve, in a browser", () => {
  jest.setTimeout(240_000);
  let server: RunningAddinServer;
  let browser: Browser;
  let hostScript: string;
  let bom: BomResponse;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    ensureAddinBuilt();
    hostScript = await buildFakeHost();
    server = await startAddinServer({ env: { ADDIN_DIST: DIST, LOG_LEVEL: "silent" } });
    // A colleague's BOM, made in Cofactr: one matched line, one MPN with a typo, one DNP line.
    const created = await fetch(`${server.url}/api/boms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Sensor board rev B",
        lines: [
          {
            mpn: "GCM21BR72A104KA37L",
            quantity: 4,
            reference_designators: ["C1", "C2", "C3", "C4"],
            line_number: "1",
          },
          { mpn: "LM358-DRX", quantity: 1, reference_designators: ["U1"], line_number: "2" },
          {
            mpn: "1N4148",
            manufacturer_name: "onsemi",
            quantity: 2,
            reference_designators: ["D1", "D2"],
            do_not_place: true,
            line_number: "3",
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    bom = (await created.json()) as BomResponse;
    expect(bom.lines.map((line) => line.match_status)).toEqual(["matched", "unmatched", "matched"]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens the BOM into a linked sheet, resolves the unmatched line and approves", async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await page.addInitScript(() => {
      (window as unknown as { __E2E_SHEETS: unknown }).__E2E_SHEETS = [
        { name: "Sheet1", values: [[""]] },
      ];
    });
    await page.goto(`${server.url}/taskpane.html`);
    const host = "window.__fakeHost";
    const table = async () => (await page.evaluate(`${host}.table("CofactrBom")`)) as TableDump;
    const column = (name: (typeof OPENED_BOM_COLUMNS)[number]) => OPENED_BOM_COLUMNS.indexOf(name);

    // 1. The searchable list.
    await page.getByRole("tab", { name: "From Cofactr" }).click();
    await page.getByRole("textbox", { name: "Search BOMs by name" }).fill("sensor");
    await page.getByRole("button", { name: "Open Sensor board rev B" }).waitFor();
    await shot(page, "01-list");

    // 2. Open: a new sheet with the lines as a table, linked to the BOM.
    await page.getByRole("button", { name: "Open Sensor board rev B" }).click();
    await page.getByText("Unmatched lines (1)").waitFor();
    const opened = await table();
    expect(opened.sheet).toBe("Sensor board rev B");
    expect(opened.values[0]).toEqual([...OPENED_BOM_COLUMNS]);
    expect(opened.values.slice(1).map((row) => row[column("Match")])).toEqual([
      "Matched",
      "Unmatched",
      "Matched",
    ]);
    expect(opened.values[3]?.[column("DNP")]).toBe("DNP");
    expect(opened.formulas[1]?.[column("Lifecycle")]).toBe("=COFACTR.LIFECYCLE(D6,E6)");
    expect(await page.evaluate(`${host}.values("Sensor board rev B", "B2")`)).toEqual([["Draft"]]);
    const settings = (await page.evaluate(`${host}.settings()`)) as Record<string, string>;
    const linked = Object.values(settings).map((value) => JSON.parse(value) as { bomId?: string });
    expect(linked.some((entry) => entry.bomId === bom.id)).toBe(true);
    await shot(page, "02-opened");

    // 3. Resolve: candidates from the Knowledge Graph, one chosen, confirmed.
    await page.getByRole("button", { name: "Find a part for line 2" }).click();
    await page.getByRole("textbox", { name: "Search the Knowledge Graph" }).fill("LM358");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const candidates = page.getByRole("radiogroup", { name: "Candidates" }).getByRole("radio");
    await candidates.first().waitFor();
    const firstLabel = await page
      .getByRole("radiogroup", { name: "Candidates" })
      .locator("label")
      .first()
      .textContent();
    expect(firstLabel).toMatch(/^LM358\S* · .+ · .+ in stock · (\$\d+\.\d{4} at 1|no price)$/);
    await candidates.first().check();
    await page.getByRole("button", { name: "Use this part" }).click();
    const confirm = page.getByRole("region", { name: "Confirm the change" });
    await expect(confirm.textContent()).resolves.toMatch(
      /Set Line 2 \(U1\): LM358-DRX, qty 1 to LM358/,
    );
    await shot(page, "03-resolve-confirm");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("Unmatched lines (0)").waitFor();
    const log = await page.getByRole("list", { name: "Activity log" }).textContent();
    expect(log).toMatch(/Line 2 \(U1, LM358-DRX\) set to LM358\S* by .+ \(\w+\)/);
    const resolved = await table();
    const chosenCpid = resolved.values[2]?.[column("CPID")];
    expect(resolved.values[2]?.[column("Match")]).toBe("Matched");
    const inCofactr = (await (
      await fetch(`${server.url}/api/boms/${bom.id}`)
    ).json()) as BomResponse;
    expect(inCofactr.lines[1]?.part?.cpid).toBe(chosenCpid);
    await shot(page, "04-resolved");

    // 4. Approve: the checks first, then the BOM is approved and the sheet says so.
    await page.getByRole("button", { name: "Approve…" }).click();
    const checks = await page.getByRole("list", { name: "Checks before approval" }).textContent();
    expect(checks).toMatch(/Every line is matched or marked not purchased\./);
    expect(checks).toMatch(/1 line is DNP \(not placed\)\./);
    expect(checks).toMatch(/lifecycle/i);
    await shot(page, "05-approve-checks");
    await page
      .getByRole("region", { name: "Confirm the change" })
      .getByRole("button", { name: "Confirm" })
      .click();
    await page.getByText(/Approved\. Cofactr refuses changes/).waitFor();
    expect(await page.evaluate(`${host}.values("Sensor board rev B", "B2")`)).toEqual([
      ["Approved (Cofactr refuses edits)"],
    ]);
    expect(await page.getByRole("button", { name: /Find a part/ }).count()).toBe(0);
    await shot(page, "06-approved");
    expect(errors).toEqual([]);
    await page.close();
  });
});
