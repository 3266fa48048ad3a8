/** Issue 11, item 5: the emulator's jobs and BOMs are bounded, over HTTP on loopback. */
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { platformCall, pollJob } from "./support";

function upsert(emulator: RunningEmulator, name: string, lines: number) {
  return platformCall<string>(emulator, "PUT", "/v1/integrations/async_boms/", {
    name,
    lines: Array.from({ length: lines }, (_, i) => ({ mpn: `PART-${i}`, quantity: 1 })),
  });
}

describe("emulator memory bounds", () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({
      limits: {
        finishedJobLifetimeMs: 150,
        maxJobs: 3,
        maxPendingJobs: 10,
        maxBoms: 10,
        maxBomLines: 50,
      },
    });
  });
  afterEach(() => emulator.close());

  it("forgets a finished job after its lifetime", async () => {
    const first = await upsert(emulator, "A", 1);
    expect(first.status).toBe(200);
    const seen = await pollJob(emulator, first.body);
    expect(seen.at(-1)?.status).toBe("SUCCESS");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await upsert(emulator, "B", 1);
    const gone = await platformCall(emulator, "GET", `/v1/async_jobs/${first.body}/`);
    expect(gone.status).toBe(404);
  });

  it("keeps at most maxJobs, running the oldest unpolled job to its end rather than losing it", async () => {
    const ids: string[] = [];
    for (const name of ["J1", "J2", "J3", "J4"]) ids.push((await upsert(emulator, name, 1)).body);
    expect((await platformCall(emulator, "GET", `/v1/async_jobs/${ids[0]}/`)).status).toBe(404);
    expect((await platformCall(emulator, "GET", `/v1/async_jobs/${ids[3]}/`)).status).toBe(200);
    // J1's upsert ran when it was pushed out: its BOM exists.
    const boms = await platformCall<{ items: { name: string }[] }>(emulator, "GET", "/v1/boms/");
    expect(boms.body.items.map((bom) => bom.name)).toEqual(["J1"]);
  });

  it("runs the oldest unpolled upload once too many wait, keeping its job record", async () => {
    await emulator.close();
    emulator = await startEmulator({ limits: { maxPendingJobs: 2 } });
    const ids: string[] = [];
    for (const name of ["P1", "P2", "P3"]) ids.push((await upsert(emulator, name, 1)).body);
    const first = await platformCall(emulator, "GET", `/v1/async_jobs/${ids[0]}/`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("SUCCESS");
    const third = await platformCall(emulator, "GET", `/v1/async_jobs/${ids[2]}/`);
    expect(third.body.status).toBe("PENDING");
  });

  it("forgets the least recently written BOMs once the line limit is passed", async () => {
    for (const name of ["X", "Y", "Z"])
      await pollJob(emulator, (await upsert(emulator, name, 20)).body);
    let boms = await platformCall<{ items: { name: string }[] }>(emulator, "GET", "/v1/boms/");
    expect(boms.body.items.map((bom) => bom.name).sort()).toEqual(["Y", "Z"]);
    // Writing Y again makes Z the oldest.
    await pollJob(emulator, (await upsert(emulator, "Y", 20)).body);
    await pollJob(emulator, (await upsert(emulator, "W", 20)).body);
    boms = await platformCall<{ items: { name: string }[] }>(emulator, "GET", "/v1/boms/");
    expect(boms.body.items.map((bom) => bom.name).sort()).toEqual(["W", "Y"]);
  });
});
