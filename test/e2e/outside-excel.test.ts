/**
 * The built task pane opened in a plain browser, with no office.js: it shows the notice that
 * says what it is and how to sideload it, and the notice fits a narrow window (long paths and
 * links wrap instead of scrolling sideways). Screenshot: test-results/e2e/outside-excel.png.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { browserSuite, launchChromium } from "./browser";
import { DIST, ensureAddinBuilt, OUTPUT } from "./build";

const suite = browserSuite("the outside-Excel browser test");

/** About the narrowest a browser window or a docked task pane is. */
const NARROW_PX = 420;

suite("the task pane outside Excel", () => {
  jest.setTimeout(240_000);
  let server: RunningAddinServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    ensureAddinBuilt();
    server = await startAddinServer({ env: { ADDIN_DIST: DIST, LOG_LEVEL: "silent" } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`shows the sideload notice, no wider than a ${NARROW_PX} px window`, async () => {
    const page = await browser.newPage({ viewport: { width: NARROW_PX, height: 800 } });
    // No network here: office.js from Microsoft's CDN fails to load, as it does offline.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    const notice = page.getByRole("main");
    await notice.getByRole("heading", { name: "Cofactr for Excel" }).waitFor();
    await expect(notice.getByRole("link", { name: "manifest.xml" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(notice.textContent()).resolves.toContain("Library/Containers/com.microsoft.Excel");
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      notice: document.getElementById("outside-excel")?.scrollWidth ?? Infinity,
      window: window.innerWidth,
    }));
    await page.screenshot({ path: path.join(OUTPUT, "outside-excel.png"), fullPage: true });
    expect(widths.window).toBe(NARROW_PX);
    expect(widths.page).toBeLessThanOrEqual(NARROW_PX);
    expect(widths.notice).toBeLessThanOrEqual(NARROW_PX);
    await page.close();
  });
});
