/** Runtime services made of fakes (API, workbook, storage), for component tests. */
import type { SheetRegion } from "../../src/addin/excel/workbook-access";
import type { ProgramsApi } from "../../src/core/programs-client";
import type { BomLibraryApi } from "../../src/addin/runtime/boms/bom-session";
import { ConnectionStore } from "../../src/addin/runtime/connection";
import { LookupService } from "../../src/addin/runtime/lookup/lookup-service";
import type { RuntimeServices } from "../../src/addin/runtime/services";
import { UploadController } from "../../src/addin/runtime/upload/controller";
import { FakeApiClient } from "./fakeApiClient";
import { FakeWorkbookAccess } from "./fakeWorkbook";
import { memoryStorage } from "./memoryStorage";

export interface PaneHarness {
  services: RuntimeServices;
  api: FakeApiClient;
  workbook: FakeWorkbookAccess;
  storage: Map<string, string>;
  refreshes: number;
}

export function paneHarness(region: SheetRegion | null): PaneHarness {
  const api = new FakeApiClient();
  const workbook = new FakeWorkbookAccess(region);
  const storage = memoryStorage();
  const harness: PaneHarness = {
    api,
    workbook,
    storage: storage.map,
    refreshes: 0,
    services: undefined as unknown as RuntimeServices,
  };
  harness.services = {
    api,
    workbook,
    connection: new ConnectionStore(storage),
    // No lookups in component tests: a fetch that fails loudly if one is made.
    lookups: new LookupService({
      fetch: () => Promise.reject(new Error("component tests make no lookups")),
    }),
    uploads: new UploadController({
      api,
      workbook,
      newRecordId: () => "rec-test",
      now: () => new Date("2026-11-23T12:00:00Z"),
      poll: { initialDelayMs: 1, maxDelayMs: 2, maxPolls: 20 },
    }),
    refreshLookups: async () => {
      harness.refreshes += 1;
    },
    // The From Cofactr tab has its own tests; here any call fails loudly.
    bomLibrary: { api: unusedBomLibrary(), workbook, rewrite: () => unused("rewrite") },
    // Program calls have their own tests; here any call fails loudly.
    programs: new Proxy({} as ProgramsApi, {
      get: (_target, name) => () => unused(`programs.${String(name)}`),
    }),
  };
  return harness;
}

function unused(name: string): Promise<never> {
  return Promise.reject(new Error(`component tests make no BOM library call (${name})`));
}

function unusedBomLibrary(): BomLibraryApi {
  return {
    listBoms: () => unused("listBoms"),
    bom: () => unused("bom"),
    searchParts: () => unused("searchParts"),
    updateLine: () => unused("updateLine"),
    approveBom: () => unused("approveBom"),
    lookup: () => unused("lookup"),
  };
}
