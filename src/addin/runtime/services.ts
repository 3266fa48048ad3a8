/**
 * Everything the pane and the ribbon talk to, in one object, so tests hand in fakes and the
 * components never reach for globals.
 */
import { createExcelGateway } from "../excel/excel-workbook";
import type { WorkbookGateway } from "../excel/workbook-access";
import { setConnection } from "./connection";
import { refreshLookups } from "./refresh";
import { UploadController, sharedUploadController } from "./upload/controller";
import type { PollOptions } from "./upload/run-upload";
import { createApiClient, type ApiClient } from "./api-client";
import {
  browserStorage,
  choiceHeaders,
  loadConnection,
  toConnectionSettings,
  type ConnectionChoice,
  type KeyValueStorage,
} from "./connection-store";

export interface PaneServices {
  gateway: WorkbookGateway;
  api: ApiClient;
  storage: KeyValueStorage | null;
  controller: UploadController;
  /** Hands the connection to the custom functions. */
  applyConnection(choice: ConnectionChoice): void;
  refreshLookups(): Promise<void>;
}

function newRecordId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `excel-${Date.now()}-${Math.random().toString(36).slice(2)}`
  );
}

export function createServices(
  options: { poll?: Partial<PollOptions>; storage?: KeyValueStorage | null } = {},
): PaneServices {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const gateway = createExcelGateway();
  // Headers come from storage on every request, so the pane and the ribbon agree.
  const api = createApiClient({ headers: () => choiceHeaders(loadConnection(storage)) });
  const controller = sharedUploadController(
    () =>
      new UploadController({
        api,
        gateway,
        newRecordId,
        now: () => new Date(),
        poll: options.poll,
      }),
  );
  return {
    gateway,
    api,
    storage,
    controller,
    applyConnection: (choice) => setConnection(toConnectionSettings(choice)),
    refreshLookups,
  };
}
