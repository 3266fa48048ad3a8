/** `cofactr-bom boms list|get|approve` against the real add-in server (emulator mode). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "../server/support/app-harness";
import { cli } from "./helpers";

let server: RunningAddinServer;
let bomId: string;
const tag = `CliBoms${Date.now()}`;
let tempDir: string;

beforeAll(async () => {
  server = await startAddinServer({ env: {} });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cofactr-boms-"));
  const created = await call(`${server.url}/api/boms`, "POST", {
    name: `${tag} Main board`,
    lines: [
      { mpn: "LM358DR", manufacturer_name: "TI", quantity: 2, reference_designators: ["U1", "U2"] },
      { mpn: '=HYPERLINK("x")', quantity: 1, reference_designators: ["X1"] },
      { mpn: "GCM21BR72A104KA37L", quantity: 3, do_not_place: true, line_number: "30" },
    ],
  });
  expect(created.status).toBe(201);
  bomId = created.body.id;
  await call(`${server.url}/api/boms`, "POST", { name: `${tag} Power board`, lines: [] });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe("cofactr-bom boms list", () => {
  it("lists BOMs matching --search, newest first, with their status", async () => {
    const run = await cli("boms", "list", "--search", tag.toLowerCase(), "--server", server.url);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^ID\s+Name\s+Version\s+Lines\s+Status\s+Updated$/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(new RegExp(`${tag} Power board\\s+0\\s+draft`));
    expect(rows[2]).toMatch(new RegExp(`^${bomId}\\s+${tag} Main board\\s+3\\s+draft`));
  });

  it("says when nothing matches, and how many more there are past --limit", async () => {
    const none = await cli("boms", "list", "--search", "zz-no-such-bom", "--server", server.url);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/no BOM named like "zz-no-such-bom"/);
    const one = await cli(
      "boms",
      "list",
      "--search",
      tag,
      "--limit",
      "1",
      "--json",
      "--server",
      server.url,
    );
    const page = JSON.parse(one.stdout);
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.boms).toHaveLength(1);
    const short = await cli(
      "boms",
      "list",
      "--search",
      tag,
      "--limit",
      "1",
      "--server",
      server.url,
    );
    expect(short.stderr).toMatch(/1 of 2 shown/);
  });
});

describe("cofactr-bom boms get", () => {
  it("prints the lines as a table with a summary", async () => {
    const run = await cli("boms", "get", bomId, "--server", server.url);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^Line\s+Designators\s+Quantity\s+MPN\s+Manufacturer\s+CPID\s+Match/);
    expect(rows[1]).toMatch(/^1\s+U1, U2\s+2\s+LM358DR\s+TI\s+\S+\s+Matched/);
    expect(rows[3]).toMatch(/^30\s+3\s+GCM21BR72A104KA37L\s+\S+\s+\S+\s+Matched\s+DNP/);
    expect(run.stderr).toMatch(/3 lines, 2 matched, 1 unmatched, 0 not purchased, 1 DNP/);
  });

  it("--csv prints CSV, a formula-like MPN escaped as text", async () => {
    const run = await cli("boms", "get", bomId, "--csv", "--server", server.url);
    expect(run.code).toBe(0);
    const parsed = Papa.parse<string[]>(run.stdout.trim());
    expect(parsed.data[0]).toEqual([
      "Line",
      "Designators",
      "Quantity",
      "MPN",
      "Manufacturer",
      "CPID",
      "Match",
      "DNP",
      "Description",
    ]);
    expect(parsed.data[1]?.slice(0, 5)).toEqual(["1", "U1, U2", "2", "LM358DR", "TI"]);
    expect(parsed.data[2]?.[3]).toBe('\'=HYPERLINK("x")');
    expect(parsed.data[2]?.[6]).toBe("Unmatched");
  });

  it("--xlsx writes a workbook whose table holds the lines as values", async () => {
    const file = path.join(tempDir, "bom.xlsx");
    const run = await cli("boms", "get", bomId, "--xlsx", file, "--server", server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/bom\.xlsx: .* 3 lines/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe(`${tag} Main board`.slice(0, 31));
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Line",
      "Designators",
      "Quantity",
      "MPN",
      "Manufacturer",
      "CPID",
      "Match",
      "DNP",
      "Description",
    ]);
    expect(sheet?.getCell("C2").value).toBe(2);
    // Text, not a formula.
    expect(sheet?.getCell("D3").value).toBe('=HYPERLINK("x")');
    expect(sheet?.getCell("D3").formula).toBeUndefined();
    expect(sheet?.getCell("H4").value).toBe("DNP");
  });

  it("refuses two output options, and names an unknown BOM", async () => {
    const both = await cli("boms", "get", bomId, "--csv", "--json", "--server", server.url);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/choose one of --csv, --xlsx and --json/);
    const missing = await cli("boms", "get", "no-such-bom", "--server", server.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/404 No BOM with id no-such-bom\./);
  });
});

describe("cofactr-bom boms approve", () => {
  it("approves once, notes unmatched lines, then reports Cofactr's refusal", async () => {
    const run = await cli("boms", "approve", bomId, "--server", server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`BOM ${bomId} "${tag} Main board" approved: 3 lines`));
    expect(run.stderr).toMatch(/note: 1 line is still unmatched/);
    const listed = await cli("boms", "list", "--search", `${tag} Main`, "--server", server.url);
    expect(listed.stdout).toMatch(/approved/);
    const again = await cli("boms", "approve", bomId, "--server", server.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/409 Cofactr refused the change: The BOM is already approved\./);
  });
});
