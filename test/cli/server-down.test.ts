/** upload and price when the server is not there: one clear line, no stack trace, exit ≠ 0. */
import net from "node:net";
import path from "node:path";
import { cli, FIXTURES } from "./helpers";

const bom = path.join(FIXTURES, "emulator-parts.csv");
let deadServer: string;

beforeAll(async () => {
  // A port that was just free: nothing listens on it.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  deadServer = `http://127.0.0.1:${port}`;
});

describe("a server that is down", () => {
  it.each([
    ["price", ["price", bom, "--builds", "1"]],
    ["upload", ["upload", bom]],
  ])("%s says it cannot reach the server and exits 1", async (_name, args) => {
    const run = await cli(...args, "--server", deadServer);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `cofactr-bom: cannot reach the add-in server at ${deadServer} (ECONNREFUSED): is it running?`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("treats a --server that is not a URL as a usage error (exit 2)", async () => {
    const run = await cli("price", bom, "--builds", "1", "--server", "localhost:3000x");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--server: "localhost:3000x" (is not a URL|must be http)/);
  });
});
