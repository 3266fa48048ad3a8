/** The heap cap `npm start` gives the server, unless the operator chose one. */
import { SERVER_HEAP_MB, serverNodeFlags } from "../../src/server/heap";

describe("serverNodeFlags", () => {
  it("caps the heap when nothing else does", () => {
    expect(serverNodeFlags([], "")).toEqual([`--max-old-space-size=${SERVER_HEAP_MB}`]);
    expect(serverNodeFlags(["--enable-source-maps"], "--no-warnings")).toEqual([
      `--max-old-space-size=${SERVER_HEAP_MB}`,
    ]);
  });

  it("leaves an operator's own cap alone, on the command line or in NODE_OPTIONS", () => {
    expect(serverNodeFlags(["--max-old-space-size=4096"], "")).toEqual([]);
    expect(serverNodeFlags([], "--no-warnings --max-old-space-size=2048")).toEqual([]);
  });
});
