/**
 * A workbook opens with COFACTR formulas; the add-in server holds the Cofactr keys behind an
 * access token; the token was saved in the add-in's storage in an earlier session; the task pane
 * is never rendered (no pane module is even loaded). The formulas must resolve on the first
 * calculation, with the token on the very first batch: the functions read the runtime's one
 * connection store, not a connection handed over by the pane.
 *
 * Real: the add-in server (server-held keys, GATEWAY_TOKENS) against the emulator standing in for
 * Cofactr, the runtime made on first use, the functions, batcher and cache. Stand-ins: the
 * page's localStorage (a Map) and Excel (the in-memory fake calculating the formulas).
 */
import { GATEWAY_TOKEN_HEADER } from "../../../src/core/api";
import * as COFACTR from "../../../src/addin/functions/functions";
import { CONNECTION_STORAGE_KEY, EMPTY_CONNECTION } from "../../../src/addin/runtime/connection";
import { setRuntimeServices } from "../../../src/addin/runtime/services";
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { startAddinServer, type RunningAddinServer } from "../../../src/server/start";
import { installCustomFunctionsStub } from "../../support/customFunctions";
import { recalculateWorkbook, WorkbookData, type CellFunction } from "../../support/excelFake";
import { memoryStorage } from "../../support/memoryStorage";

const CREDENTIALS = {
  graphClientId: "emu-client-77",
  graphApiKey: "emu-graph-key-77",
  platformApiKey: "emu-platform-key-77",
};
const TOKEN = "access-token-31c9-0123456789";

const FUNCTIONS: Record<string, CellFunction> = {
  "COFACTR.CPID": COFACTR.cpid as CellFunction,
  "COFACTR.PRICE": COFACTR.price as CellFunction,
  "COFACTR.STOCK": COFACTR.stock as CellFunction,
};

let emulator: RunningEmulator;
let server: RunningAddinServer;
const realFetch = globalThis.fetch;
const lookups: { headers: Record<string, string>; status: number }[] = [];

beforeAll(async () => {
  installCustomFunctionsStub();
  emulator = await startEmulator({ credentials: CREDENTIALS });
  server = await startAddinServer({
    env: {
      COFACTR_GRAPH_URL: emulator.graphUrl,
      COFACTR_PLATFORM_URL: emulator.platformUrl,
      COFACTR_CLIENT_ID: CREDENTIALS.graphClientId,
      COFACTR_GRAPH_API_KEY: CREDENTIALS.graphApiKey,
      COFACTR_PLATFORM_API_KEY: CREDENTIALS.platformApiKey,
      GATEWAY_TOKENS: TOKEN,
      UPSTREAM_BACKOFF_MS: "20",
    },
  });
  // The page is served by the add-in server: relative URLs go to it, as in the browser.
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), server.url);
    const response = await realFetch(url, init);
    if (url.pathname === "/api/parts/lookup") {
      lookups.push({
        headers: { ...(init?.headers as Record<string, string>) },
        status: response.status,
      });
    }
    return response;
  }) as typeof fetch;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  delete (globalThis as { localStorage?: unknown }).localStorage;
  setRuntimeServices(null);
  await server?.close();
  await emulator?.close();
});

/** A workbook as it opens: MPNs and COFACTR formulas, never calculated in this session. */
function openedWorkbook(): WorkbookData {
  const data = new WorkbookData();
  data.addSheet("BOM", [
    ["MPN", "Manufacturer", "CPID", "Unit price", "Stock"],
    ["GCM21BR72A104KA37L", "Murata"],
    ["LMK107BJ475KAHT", "Taiyo Yuden"],
  ]);
  data.setValues(
    "BOM",
    "C2",
    [2, 3].map((row) => [
      `=COFACTR.CPID(A${row},B${row})`,
      `=COFACTR.PRICE(A${row},B${row},100)`,
      `=COFACTR.STOCK(A${row},B${row})`,
    ]),
  );
  return data;
}

/** A fresh start of the shared runtime on a page whose localStorage holds `stored`. */
function freshRuntime(stored: Record<string, string>): void {
  const storage = memoryStorage();
  for (const [key, value] of Object.entries(stored)) storage.setItem(key, value);
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  setRuntimeServices(null);
  lookups.length = 0;
}

describe("formulas before the pane", () => {
  it("resolve with the stored access token on the first batch", async () => {
    freshRuntime({
      [CONNECTION_STORAGE_KEY]: JSON.stringify({ ...EMPTY_CONNECTION, gatewayToken: TOKEN }),
    });
    const data = openedWorkbook();
    await recalculateWorkbook(data, FUNCTIONS);

    expect(lookups.length).toBeGreaterThanOrEqual(1);
    expect(lookups[0]).toEqual({
      headers: expect.objectContaining({ [GATEWAY_TOKEN_HEADER]: TOKEN }),
      status: 200,
    });
    for (const [cpid, unitPrice, stock] of data.values("BOM", "C2:E3")) {
      expect(cpid).toMatch(/^[A-Z0-9]{12}$/);
      expect(unitPrice).toEqual(expect.any(Number));
      expect(stock).toEqual(expect.any(Number));
    }
  });

  it("without a stored token the server refuses them (what the first test guards against)", async () => {
    freshRuntime({});
    const data = openedWorkbook();
    await recalculateWorkbook(data, FUNCTIONS);
    expect(lookups[0]?.status).toBe(401);
    expect(data.values("BOM", "D2:D3")).toEqual([["#N/A"], ["#N/A"]]);
  });
});
