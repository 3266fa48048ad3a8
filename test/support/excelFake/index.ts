/**
 * The in-memory Excel fake: `WorkbookData` holds the workbook, `createFakeExcel` gives an
 * `Excel` namespace whose `run` hands out fresh request contexts over it. Used by the workbook
 * tests, bench:sheet and (compiled for the browser) the e2e test's fake Office host.
 */
import { FakeRequestContext } from "./proxies";
import { WorkbookData } from "./workbookData";

export { FakeRequestContext } from "./proxies";
export {
  FakeOfficeError,
  WorkbookData,
  type FakeCellValue,
  type FakeStats,
  type FormulaEvaluator,
} from "./workbookData";

export interface FakeExcel {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  /** Contexts opened so far. */
  readonly runs: number;
}

export function createFakeExcel(data: WorkbookData): FakeExcel {
  let runs = 0;
  return {
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      runs += 1;
      const context = new FakeRequestContext(data);
      const result = await batch(context);
      // Excel.run sends whatever the batch queued after its last sync.
      if (context.hasPending()) await context.sync();
      return result;
    },
    get runs() {
      return runs;
    },
  };
}

/** Installs the fake as the global `Excel`; returns the function that removes it. */
export function installExcelFake(data: WorkbookData): () => void {
  const holder = globalThis as { Excel?: unknown };
  const previous = holder.Excel;
  holder.Excel = createFakeExcel(data);
  return () => {
    holder.Excel = previous;
  };
}

export { recalculateWorkbook, type CellFunction } from "./formulas";
