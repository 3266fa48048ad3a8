/** `cofactr-bom upload --build-qty N`: the BOM's program, made then updated, never duplicated. */
import path from "node:path";
import type { ProgramListResponse } from "../../src/core/api-programs";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "../server/support/app-harness";
import { cli, FIXTURES } from "./helpers";

const bom = path.join(FIXTURES, "emulator-parts.csv");
let server: RunningAddinServer;

beforeAll(async () => {
  server = await startAddinServer({ env: {} });
});
afterAll(async () => {
  await server?.close();
});

async function upload(buildQty: string) {
  const run = await cli(
    "upload",
    bom,
    "--server",
    server.url,
    "--name",
    "CLI program board",
    "--record-id",
    "cli-program-test",
    "--build-qty",
    buildQty,
    "--json",
  );
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("cofactr-bom upload --build-qty", () => {
  it("makes the BOM's program, then updates the same one for a new build quantity", async () => {
    const first = await upload("40");
    expect(first).toMatchObject({ program_created: true, build_quantity: 40 });
    const second = await upload("120");
    expect(second).toMatchObject({
      bom_id: first.bom_id,
      program_id: first.program_id,
      program_created: false,
      build_quantity: 120,
    });
    const program = await call(`${server.url}/api/programs/${first.program_id}`, "GET");
    expect(program.body).toMatchObject({
      name: "CLI program board",
      lines: [{ bom_id: first.bom_id, quantity: 120 }],
    });
    const named = (await call(`${server.url}/api/programs?search=CLI%20program`, "GET"))
      .body as ProgramListResponse;
    expect(named.programs).toHaveLength(1);
  });

  it("refuses a build quantity that is not a whole number of at least 1", async () => {
    const run = await cli("upload", bom, "--server", server.url, "--build-qty", "0");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--build-qty/);
  });
});
