/** price sends at most 2000 queries a request, each distinct part once, in line order. */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { LookupRequest, LookupResult } from "../../src/core/api";
import { cli } from "./helpers";

describe("cofactr-bom price against a fake /api", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cofactr-price-"));
  const file = path.join(dir, "big.csv");
  const requests: LookupRequest[] = [];
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    const rows = ["MPN,Manufacturer,Qty"];
    for (let i = 0; i < 2500; i++) rows.push(`PART-${i},Acme,1`);
    rows.push("PART-1,Acme,2", "part-1,acme,3"); // the same part again: looked up once
    writeFileSync(file, rows.join("\n"));
    server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        const lookup = JSON.parse(body) as LookupRequest;
        requests.push(lookup);
        const results: LookupResult[] = lookup.queries.map((query) => ({
          status: "not_found",
          message: `no ${query.mpn}`,
        }));
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ results }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("splits 2500 distinct parts into requests of 2000 and 500", async () => {
    const run = await cli("price", file, "--builds", "3", "--server", url, "--json");
    expect(run.code).toBe(0);
    expect(requests.map((request) => request.queries.length)).toEqual([2000, 500]);
    expect(requests[0]?.queries[0]).toEqual({ mpn: "PART-0", manufacturer: "Acme" });
    const report = JSON.parse(run.stdout);
    expect(report.lines).toHaveLength(2502);
    expect(report.lines[2501]).toMatchObject({
      mpn: "part-1",
      quantity_needed: 9,
      status: "not_found",
      message: "no PART-1",
    });
    expect(report.total).toBe(0);
    expect(report.unpriced_lines).toBe(2502);
  });
});
