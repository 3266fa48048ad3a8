/**
 * The shared runtime's services, made once: the task pane, the ribbon commands and the custom
 * functions all run in one webpack runtime on one page, so this module's single instance is
 * theirs. Made on first use by whichever starts first (often the functions, when a workbook
 * with COFACTR formulas opens and the pane has never been shown). Tests hand in fakes.
 */
import { createExcelWorkbook } from "../excel/excel-workbook";
import { recalculateWorkbook } from "../excel/recalculate";
import type { WorkbookAccess } from "../excel/workbook-access";
import { rewriteBomTable } from "../excel/bom-table-rewrite";
import { createProgramsApi, type ProgramsApi } from "../../core/programs-client";
import { createApiCall, createApiClient, type ApiClient } from "./api-client";
import { createBomLibraryApi } from "./boms/bom-library-api";
import type { BomSessionDeps } from "./boms/bom-session";
import { ConnectionStore, browserStorage, type KeyValueStorage } from "./connection";
import { LookupService, type LookupServiceOptions } from "./lookup/lookup-service";
import { UploadController } from "./upload/controller";
import type { PollOptions } from "./upload/run-upload";

export interface RuntimeServices {
  workbook: WorkbookAccess;
  api: ApiClient;
  /** The one connection store: every request to the add-in server takes its headers. */
  connection: ConnectionStore;
  lookups: LookupService;
  /** One upload at a time, driven by the pane and the ribbon alike. */
  uploads: UploadController;
  /** Forget every cached lookup and recalculate (the ribbon's and the pane's Refresh). */
  refreshLookups(): Promise<void>;
  /** Opening, resolving and approving Cofactr BOMs (the pane's From Cofactr tab). */
  bomLibrary: BomSessionDeps;
  /** Cofactr programs: an uploaded BOM's availability for its build quantity. */
  programs: ProgramsApi;
}

export interface RuntimeOptions {
  storage?: KeyValueStorage | null;
  workbook?: WorkbookAccess;
  /** "" (default) for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  lookup?: Omit<LookupServiceOptions, "call" | "headers" | "fetch" | "baseUrl">;
  poll?: Partial<PollOptions>;
  recalculate?: () => Promise<void>;
  newRecordId?: () => string;
  now?: () => Date;
  /** Rewrites an opened BOM's table (the Excel one by default). */
  rewriteBomTable?: BomSessionDeps["rewrite"];
}

function newRecordId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `excel-${Date.now()}-${Math.random().toString(36).slice(2)}`
  );
}

export function createRuntimeServices(options: RuntimeOptions = {}): RuntimeServices {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const connection = new ConnectionStore(storage);
  const headers = () => connection.headers();
  const workbook = options.workbook ?? createExcelWorkbook();
  // One client for every request to the add-in server: pane, ribbon and functions alike.
  const call = createApiCall({ baseUrl: options.baseUrl, fetch: options.fetch, headers });
  const api = createApiClient(call);
  const lookups = new LookupService({ ...options.lookup, call });
  const uploads = new UploadController({
    api,
    workbook,
    newRecordId: options.newRecordId ?? newRecordId,
    now: options.now ?? (() => new Date()),
    poll: options.poll,
  });
  const recalculate = options.recalculate ?? recalculateWorkbook;
  return {
    workbook,
    api,
    connection,
    lookups,
    uploads,
    refreshLookups: async () => {
      lookups.refresh();
      await recalculate();
    },
    bomLibrary: {
      api: createBomLibraryApi(call),
      workbook,
      rewrite: options.rewriteBomTable ?? rewriteBomTable,
    },
    programs: createProgramsApi(call),
  };
}

let shared: RuntimeServices | null = null;

/** The runtime's services, made on first use. */
export function runtimeServices(): RuntimeServices {
  shared ??= createRuntimeServices();
  return shared;
}

/** Replaces the runtime's services (tests and benches); null makes them afresh on next use. */
export function setRuntimeServices(services: RuntimeServices | null): void {
  shared = services;
}
