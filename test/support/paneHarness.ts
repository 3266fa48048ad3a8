/** Pane services made of fakes, for component tests. */
import type { SheetRegion } from "../../src/addin/excel/workbook-access";
import type { PaneServices } from "../../src/addin/runtime/services";
import { UploadController } from "../../src/addin/runtime/upload/controller";
import type { ConnectionChoice } from "../../src/addin/runtime/connection-store";
import { FakeApiClient } from "./fakeApiClient";
import { FakeGateway } from "./fakeWorkbook";

export interface PaneHarness {
  services: PaneServices;
  api: FakeApiClient;
  gateway: FakeGateway;
  storage: Map<string, string>;
  appliedConnections: ConnectionChoice[];
  refreshes: number;
}

export function paneHarness(region: SheetRegion | null): PaneHarness {
  const api = new FakeApiClient();
  const gateway = new FakeGateway(region);
  const storage = new Map<string, string>();
  const harness: PaneHarness = {
    api,
    gateway,
    storage,
    appliedConnections: [],
    refreshes: 0,
    services: undefined as unknown as PaneServices,
  };
  harness.services = {
    api,
    gateway,
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
    controller: new UploadController({
      api,
      gateway,
      newRecordId: () => "rec-test",
      now: () => new Date("2026-11-23T12:00:00Z"),
      poll: { initialDelayMs: 1, maxDelayMs: 2, maxPolls: 20 },
    }),
    applyConnection: (choice) => harness.appliedConnections.push(choice),
    refreshLookups: async () => {
      harness.refreshes += 1;
    },
  };
  return harness;
}
