/** `cofactr-bom programs list|availability` against the real add-in server (emulator mode). */
import path from "node:path";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "../server/support/app-harness";
import { startFakeUpstream } from "../server/support/fake-upstream";
import { cli, FIXTURES } from "./helpers";

const bom = path.join(FIXTURES, "emulator-parts.csv");
let server: RunningAddinServer;
let programId: string;

beforeAll(async () => {
  server = await startAddinServer({ env: {} });
  const upload = await cli(
    "upload",
    bom,
    "--server",
    server.url,
    "--name",
    "CLI programs board",
    "--record-id",
    "cli-programs-test",
    "--build-qty",
    "30",
    "--json",
  );
  programId = JSON.parse(upload.stdout).program_id;
});
afterAll(async () => {
  await server?.close();
});

describe("cofactr-bom programs", () => {
  it("lists the program the upload made", async () => {
    const run = await cli("programs", "list", "--server", server.url, "--search", "CLI programs");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+Name\s+BOMs\s+Updated$/m);
    expect(run.stdout).toContain(programId);
    expect(run.stdout).toMatch(/CLI programs board\s+1\s/);
  });

  it("prints each part's availability at the build quantity, sync or as a followed job", async () => {
    const sync = await cli("programs", "availability", programId, "--server", server.url, "--json");
    expect(sync.code).toBe(0);
    const report = JSON.parse(sync.stdout);
    expect(report.program_id).toBe(programId);
    const capacitor = report.parts.find((part: { part: { mpn: string } }) => {
      return part.part.mpn === "LMK107BJ475KAHT";
    });
    // 14 per board in the fixture, 30 boards.
    expect(capacitor.required_quantity).toBe(14 * 30);
    expect(sync.stderr).toMatch(/^\d+ parts: \d+ available, \d+ partial, \d+ unavailable/m);

    const followed = await cli(
      "programs",
      "availability",
      programId,
      "--async",
      "--server",
      server.url,
    );
    expect(followed.code).toBe(0);
    expect(followed.stderr).toMatch(/job \S+: pending \(PENDING\)[\s\S]*job \S+: success/);
    expect(followed.stdout).toMatch(/^MPN\s+Manufacturer\s+Required\s+Purchasable/m);
    expect(followed.stdout).toMatch(/LMK107BJ475KAHT\s+\S.*\s420\s/);
  });

  it("exits 1 with the server's message for an unknown program", async () => {
    const run = await cli(
      "programs",
      "availability",
      "44444444-4444-4444-8444-444444444444",
      "--server",
      server.url,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/404 No program with id/);
  });

  it("refuses an availability answer that does not fit the contract, naming the field", async () => {
    // A proxy in front of the real server that turns one number into text on the way.
    const proxy = await startFakeUpstream(async (request) => {
      const real = await call(`${server.url}${request.url}`, request.method, request.body);
      const parts = real.body.parts as { required_quantity: unknown }[];
      parts[0]!.required_quantity = String(parts[0]!.required_quantity);
      return { status: real.status, body: real.body };
    });
    try {
      const run = await cli("programs", "availability", programId, "--server", proxy.url);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        new RegExp(
          `^cofactr-bom: GET /api/programs/${programId}/availability: Unexpected response from the add-in server \\(parts\\.0\\.required_quantity: .*expected number, received string\\)\\.$`,
          "m",
        ),
      );
    } finally {
      await proxy.close();
    }
  });
});
