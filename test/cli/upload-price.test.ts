/** upload and price against the real add-in server (emulator mode) on an ephemeral port. */
import path from "node:path";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { cli, FIXTURES } from "./helpers";

const bom = path.join(FIXTURES, "emulator-parts.csv");
let server: RunningAddinServer;

beforeAll(async () => {
  server = await startAddinServer({ env: {} });
});
afterAll(async () => {
  await server?.close();
});

describe("cofactr-bom upload", () => {
  it("upserts the BOM, follows the job and reports matched/unmatched lines", async () => {
    const first = await cli(
      "upload",
      bom,
      "--server",
      server.url,
      "--name",
      "CLI test BOM",
      "--json",
    );
    expect(first.stderr).toMatch(/5 lines/);
    expect(first.stderr).toMatch(/job \S+ started/);
    expect(first.stderr).toMatch(/job \S+: success/);
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout);
    expect(created).toMatchObject({ name: "CLI test BOM", lines: 5, created: true });
    expect(created.matched + created.unmatched + created.custom).toBe(5);
    expect(created.matched).toBeGreaterThanOrEqual(3);
    expect(created.unmatched).toBeGreaterThanOrEqual(1);

    // The same file again updates the same BOM.
    const second = await cli(
      "upload",
      bom,
      "--server",
      server.url,
      "--name",
      "CLI test BOM",
      "--json",
    );
    expect(second.code).toBe(0);
    const updated = JSON.parse(second.stdout);
    expect(updated.bom_id).toBe(created.bom_id);
    expect(updated.created).toBe(false);
    expect(updated.integration_record_id).toBe(created.integration_record_id);
  });

  it("exits 1 with the job's error when the job fails", async () => {
    server.emulator?.setFaults({ failNextJobs: 1 });
    const run = await cli("upload", bom, "--server", server.url, "--record-id", "cli-test-failure");
    server.emulator?.resetFaults();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/job \S+ failed: /);
    expect(run.stdout).toBe("");
  });

  it("prints a one-line summary without --json", async () => {
    const run = await cli("upload", bom, "--server", server.url, "--record-id", "cli-test-summary");
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^BOM \S+ created: 5 lines, \d+ matched, \d+ unmatched/);
  });
});

describe("cofactr-bom price", () => {
  it("prices each line at quantity × builds and totals the BOM", async () => {
    const run = await cli("price", bom, "--builds", "10", "--server", server.url, "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ builds: 10, currency: "USD" });
    const [first, second, third, unknown, dnp] = report.lines;
    expect(first).toMatchObject({
      mpn: "LMK107BJ475KAHT",
      quantity_per_build: 14,
      quantity_needed: 140,
      status: "priced",
    });
    expect(second).toMatchObject({
      mpn: "TMK105BJ104KV-F",
      quantity_needed: 730,
      status: "priced",
    });
    expect(third).toMatchObject({
      resolved_mpn: "GCM21BR72A104KA37L",
      quantity_needed: 20,
      status: "priced",
    });
    expect(unknown).toMatchObject({ status: "not_found" });
    expect(dnp).toMatchObject({ status: "dnp", extended_price: null });
    for (const line of [first, second, third]) {
      expect(line.quantity_bought).toBeGreaterThanOrEqual(line.quantity_needed);
      expect(line.extended_price).toBeCloseTo(line.unit_price * line.quantity_bought, 2);
      expect(typeof line.seller).toBe("string");
    }
    const sum = first.extended_price + second.extended_price + third.extended_price;
    expect(report.total).toBeCloseTo(sum, 2);
    expect(report.priced_lines).toBe(3);
    expect(report.unpriced_lines).toBe(1);
    expect(run.stderr).toMatch(/1 line\(s\) could not be priced/);
  });

  it("writes CSV with a TOTAL row", async () => {
    const run = await cli(
      "price",
      bom,
      "--builds",
      "2",
      "--currency",
      "usd",
      "--csv",
      "--server",
      server.url,
    );
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(
      /^row,line_number,mpn,manufacturer,quantity_per_build,quantity_needed,/,
    );
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows[rows.length - 1]).toMatch(/^TOTAL,/);
  });

  it("prints a table with the total", async () => {
    const run = await cli("price", bom, "--builds", "1", "--server", server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Total for 1 build\(s\): \d+\.\d\d USD \(3 lines priced, 1 not priced\)/,
    );
    expect(run.stdout).toMatch(/not_found/);
  });
});
