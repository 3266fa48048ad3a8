/** @jest-environment jsdom */
/**
 * A key typed into the pane's connection panel reaches the custom functions' lookup requests,
 * through the real modules of the shared runtime: its services, the one connection store and
 * its storage, the lookup service and its batcher. Only the network (fetch) and
 * Excel (the in-memory fake) are stand-ins. The key stays in the add-in's storage, never in
 * the workbook.
 */
import "../../support/domStubs";
import * as React from "react";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { USER_KEY_HEADERS } from "../../../src/core/api";
import { App } from "../../../src/addin/taskpane/app";
import {
  createRuntimeServices,
  runtimeServices,
  setRuntimeServices,
} from "../../../src/addin/runtime/services";
import { description } from "../../../src/addin/functions/functions";
import { installCustomFunctionsStub, settle } from "../../support/customFunctions";
import { installExcelFake, WorkbookData } from "../../support/excelFake";

interface SentRequest {
  url: string;
  headers: Record<string, string>;
}

const sent: SentRequest[] = [];
let data: WorkbookData;
let uninstallExcel: () => void;
const realFetch = globalThis.fetch;

function jsonResponse(body: unknown): Response {
  return {
    ok: true,
    status: 200,
    headers: { get: () => null },
    json: async () => body,
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

beforeAll(() => installCustomFunctionsStub());

beforeEach(() => {
  sent.length = 0;
  data = new WorkbookData();
  data.addSheet("BOM", [
    ["Qty", "MPN"],
    [1, "LM358DR"],
  ]);
  uninstallExcel = installExcelFake(data);
  globalThis.fetch = (async (url: string, init?: RequestInit) => {
    sent.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) } });
    if (String(url).endsWith("/api/health"))
      return jsonResponse({ status: "ok", mode: "emulator" });
    if (String(url).endsWith("/api/parts/lookup")) {
      const { queries } = JSON.parse(String(init?.body)) as { queries: unknown[] };
      return jsonResponse({
        results: queries.map(() => ({ status: "not_found", message: "not in this test" })),
      });
    }
    throw new Error(`unexpected request ${String(url)}`);
  }) as typeof fetch;
  // A fresh runtime (the real services) on each test.
  setRuntimeServices(null);
});

afterEach(() => {
  cleanup();
  uninstallExcel();
  globalThis.fetch = realFetch;
  setRuntimeServices(null);
});

jest.setTimeout(60_000);

function lookupHeaders(): Record<string, string>[] {
  return sent.filter((request) => request.url.endsWith("/api/parts/lookup")).map((r) => r.headers);
}

describe("the connection from the pane to the functions", () => {
  it("sends a key saved in the pane with every lookup the functions make, and after a reload", async () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    };
    const user = userEvent.setup();
    setRuntimeServices(createRuntimeServices({ storage }));
    render(<App services={runtimeServices()} />);
    await screen.findByText("Demo backend");

    // Before any key: the functions' requests carry none.
    await settle(description("LM358DR"));
    expect(lookupHeaders()).toHaveLength(1);
    expect(lookupHeaders()[0]?.[USER_KEY_HEADERS.graphApiKey]).toBeUndefined();

    await user.click(screen.getByRole("tab", { name: "Connection" }));
    await user.click(screen.getByRole("radio", { name: "My own Cofactr keys" }));
    await user.type(screen.getByLabelText("Knowledge Graph client id"), "client-42");
    await user.type(screen.getByLabelText("Knowledge Graph API key"), "kg-secret-1");
    await user.type(screen.getByLabelText(/Platform API key/), "plat-secret-2");
    await user.click(screen.getByRole("button", { name: "Save and test connection" }));
    await screen.findByRole("button", { name: "Save and test connection" });

    await settle(description("NE555P"));
    const afterSave = lookupHeaders().at(-1);
    expect(afterSave).toMatchObject({
      [USER_KEY_HEADERS.graphClientId]: "client-42",
      [USER_KEY_HEADERS.graphApiKey]: "kg-secret-1",
      [USER_KEY_HEADERS.platformApiKey]: "plat-secret-2",
    });

    // The pane closes and the runtime restarts: the functions read the key from storage
    // before the pane is shown again.
    cleanup();
    setRuntimeServices(createRuntimeServices({ storage }));
    await settle(description("TL072CP"));
    expect(lookupHeaders().at(-1)?.[USER_KEY_HEADERS.graphApiKey]).toBe("kg-secret-1");

    // Kept in the add-in's storage; the workbook holds no key.
    expect([...stored.values()].join()).toContain("kg-secret-1");
    const workbookText = JSON.stringify([...data.settings.entries()]);
    expect(workbookText).not.toContain("kg-secret-1");
    expect(workbookText).not.toContain("plat-secret-2");
  });
});
