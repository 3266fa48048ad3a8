/** cofactr-bom plan against the real add-in server (emulator mode) on an ephemeral port. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import type { PlanReport } from "../../src/cli/plan-rows";
import { cli, FIXTURES } from "./helpers";

const bom = path.join(FIXTURES, "emulator-parts.csv");
let server: RunningAddinServer;
let tmp: string;

beforeAll(async () => {
  server = await startAddinServer({ env: {} });
  tmp = await mkdtemp(path.join(os.tmpdir(), "cofactr-plan-"));
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function planJson(...args: string[]): Promise<PlanReport> {
  const run = await cli("plan", bom, "--server", server.url, "--json", ...args);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as PlanReport;
}

describe("cofactr-bom plan", () => {
  it("plans each build with attrition, honouring the MOQ, and reports the unknown part short", async () => {
    const report = await planJson("--builds", "10,100,1000", "--attrition", "2%");
    expect(report.plan.builds.map((b) => b.build)).toEqual([10, 100, 1000]);
    const ten = report.plan.builds[0];
    // 14, 73, 2, 1 per board × 10 boards, plus 2 % rounded up; the DNP line needs nothing.
    expect(ten?.lines.map((l) => l.quantityNeeded)).toEqual([143, 745, 21, 11, 0]);
    expect(ten?.lines.map((l) => l.status)).toEqual([
      "planned",
      "planned",
      "planned",
      "no_part",
      "not_needed",
    ]);
    expect(report.lines[3]).toMatchObject({ lookup: "not_found", mpn: "NOPE-DOES-NOT-EXIST-42" });
    // GCM21BR72A104KA37L: only Digi-Key (MOQ 3,000 at 0.03828) sells it: 21 needed, 3,000 bought.
    const murata = ten?.lines[2];
    expect(murata?.buys.map((b) => [b.seller, b.quantity])).toEqual([["Digi-Key", 3000]]);
    expect(murata?.extendedPrice).toBeCloseTo(114.84, 6);
    expect(murata?.excess).toBe(2979);
    expect(murata?.risks).toContain("single_source");
    for (const build of report.plan.builds) {
      const sum = build.lines.reduce((total, line) => total + line.extendedPrice, 0);
      expect(build.totals.totalCost).toBeCloseTo(sum, 6);
      expect(build.totals.linesShort).toBeGreaterThanOrEqual(1);
    }
    expect(report.health.short[0]?.lines.map((l) => l.id)).toEqual([String(report.lines[3]?.row)]);
  });

  it("--authorized-only buys from authorized sellers only", async () => {
    const report = await planJson("--builds", "100", "--authorized-only");
    const buys = report.plan.builds.flatMap((b) => b.lines.flatMap((l) => l.buys));
    expect(buys.length).toBeGreaterThan(0);
    expect(buys.every((buy) => buy.authorized)).toBe(true);
  });

  it("buys the alternate MPN when the primary is not found", async () => {
    const run = await cli(
      "plan",
      path.join(FIXTURES, "plan-alternates.csv"),
      "--builds",
      "5",
      "--server",
      server.url,
      "--json",
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as PlanReport;
    const [first] = report.plan.builds[0]?.lines ?? [];
    expect(first?.alternateUsed).toBe(true);
    expect(first?.coverage).toBe("in_stock");
    expect(first?.buys.every((b) => b.mpn === "LMK107BJ475KAHT")).toBe(true);
  });

  it("--csv prints a row per build and line and a TOTAL row per build", async () => {
    const run = await cli("plan", bom, "--builds", "10,100", "--server", server.url, "--csv");
    expect(run.code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(run.stdout.trim(), { header: true });
    expect(parsed.data).toHaveLength(2 * 5 + 2);
    for (const build of ["10", "100"]) {
      const lines = parsed.data.filter((r) => r.build === build && r.row !== "TOTAL");
      const total = parsed.data.find((r) => r.build === build && r.row === "TOTAL");
      const sum = lines.reduce((s, r) => s + Number(r.extended_price), 0);
      expect(Number(total?.extended_price)).toBeCloseTo(sum, 6);
    }
    expect(run.stderr).toMatch(/1 line\(s\) short at 10 boards/);
  });

  it("--xlsx writes the plan, a buy list per build and seller, and the health block", async () => {
    const out = path.join(tmp, "plan.xlsx");
    const run = await cli(
      "plan",
      bom,
      "--builds",
      "10,1000",
      "--server",
      server.url,
      "--xlsx",
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const report = await planJson("--builds", "10,1000");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe("Build plan");
    expect(names).toContain("BOM health");
    for (const build of report.plan.builds) {
      const sheets = workbook.worksheets.filter((s) => s.name.startsWith(`Buy ${build.build} `));
      expect(sheets.length).toBe(build.totals.sellers.length);
      let quantity = 0;
      for (const sheet of sheets) {
        expect(sheet.getRow(1).values).toContain("Seller SKU");
        sheet.eachRow((row, n) => {
          if (n > 1) quantity += Number(row.getCell(4).value);
        });
      }
      expect(quantity).toBe(build.lines.reduce((s, l) => s + l.quantityBought, 0));
    }
    const health: unknown[] = [];
    workbook.getWorksheet("BOM health")?.eachRow((row) => health.push(row.getCell(1).value));
    expect(health).toContain("Single source");
  });

  it.each([
    [["--builds", "10,abc"], /--builds: "abc"/],
    [["--builds", "0"], /--builds: "0"/],
    [["--builds", "10", "--attrition", "150%"], /--attrition: "150%"/],
    [["--builds", "10", "--currency", "EURO"], /--currency/],
    [["--builds", "10", "--csv", "--xlsx", "x.xlsx"], /--csv or --xlsx/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const run = await cli("plan", bom, "--server", server.url, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
