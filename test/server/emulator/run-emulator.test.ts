/**
 * `npm run emulator`: the script starts the compiled emulator (building it first when the build
 * is missing or stale), prints its URLs and credentials, and applies the fault flags.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

let child: ChildProcess | null = null;
let output = "";

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGTERM");
});

function waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no match for ${pattern} in:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      check();
    });
    child?.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child?.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`script exited with ${code}:\n${output}`));
    });
  });
}

it("runs alone, prints URLs and credentials, and honours --concurrency/--latency/--rate-502", async () => {
  child = spawn(
    process.execPath,
    [
      "scripts/run-emulator.js",
      "--port",
      "0",
      "--latency",
      "1",
      "--concurrency",
      "3",
      "--rate-502",
      "0",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const [, url] = await waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 170_000);
  expect(output).toContain("X-CLIENT-ID: demo-client");
  expect(output).toContain("X-API-KEY: demo-graph-key");
  expect(output).toContain("Authorization: Api-Key demo-platform-key");
  expect(output).toContain(`${url}/graph`);
  expect(output).toContain(`${url}/platform`);

  const product = await fetch(`${url}/graph/products/TRRQ3ESYFO28?schema=product-v1`, {
    headers: { "X-CLIENT-ID": "demo-client", "X-API-KEY": "demo-graph-key" },
  });
  expect(product.status).toBe(200);
  const boms = await fetch(`${url}/platform/v1/boms/`, {
    headers: { Authorization: "Api-Key demo-platform-key" },
  });
  expect(await boms.json()).toEqual({ items: [], count: 0 });
  const stats = (await (await fetch(`${url}/__admin/stats`)).json()) as { faults: object };
  expect(stats.faults).toMatchObject({ latencyMs: 1, concurrencyLimit: 3, rate502: 0, rate504: 0 });
}, 180_000);

it("refuses a bad flag value with a message", async () => {
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const bad = spawn(process.execPath, ["scripts/run-emulator.js", "--rate-504", "7"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    bad.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    bad.once("exit", (code) => resolve({ code, stderr }));
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/rate-504/);
});
