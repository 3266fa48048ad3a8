/**
 * A fake Office host for the browser e2e test, served in place of the CDN's office.js: Office
 * (onReady, document settings, theme, ribbon actions, showAsTaskpane), Excel (the in-memory
 * workbook) and CustomFunctions (an associate registry the fake evaluates formulas with).
 * The test sets `window.__E2E_SHEETS` before the page loads and drives it via `window.__fakeHost`.
 */
import {
  createFakeExcel,
  recalculateWorkbook,
  WorkbookData,
  type CellFunction,
  type FakeCellValue,
} from "./excelFake";
import type { FakeCell } from "./excelFake/workbookData";
import { renderSheetHtml } from "./excelFake/renderHtml";

interface HostWindow {
  __E2E_SHEETS?: { name: string; values: FakeCellValue[][] }[];
  __fakeHost?: unknown;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const host = window as unknown as HostWindow;
const workbook = new WorkbookData();
for (const sheet of host.__E2E_SHEETS ?? [{ name: "Sheet1", values: [] }]) {
  workbook.addSheet(sheet.name, sheet.values);
}

const dark = new URLSearchParams(window.location.search).get("theme") === "dark";

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const functions: Record<string, CellFunction> = {};
const actions: Record<string, (event: unknown) => unknown> = {};
const documentSettings = new Map<string, unknown>();
let taskpaneShown = 0;

async function calculate(): Promise<number> {
  const namespaced: Record<string, CellFunction> = {};
  for (const [id, fn] of Object.entries(functions)) namespaced[`COFACTR.${id}`] = fn;
  return recalculateWorkbook(workbook, namespaced);
}
workbook.onCalculate = calculate;

host.CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string | Record<string, CellFunction>, fn?: CellFunction) {
    if (typeof id === "string" && fn) functions[id.toUpperCase()] = fn;
    else if (typeof id === "object") {
      for (const [name, value] of Object.entries(id)) functions[name.toUpperCase()] = value;
    }
  },
};

host.Excel = {
  ...createFakeExcel(workbook),
  CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
};

const info = { host: "Excel", platform: "OfficeOnline" };
host.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady(callback?: (value: typeof info) => void) {
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    });
  },
  context: {
    host: "Excel",
    officeTheme: dark
      ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" }
      : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" },
    requirements: { isSetSupported: () => true },
    document: {
      settings: {
        get: (name: string) => documentSettings.get(name) ?? null,
        set: (name: string, value: unknown) => void documentSettings.set(name, value),
        remove: (name: string) => void documentSettings.delete(name),
        saveAsync: (callback?: (result: { status: string }) => void) =>
          callback?.({ status: "succeeded" }),
      },
    },
  },
  actions: {
    associate(name: string, handler: (event: unknown) => unknown) {
      actions[name] = handler;
    },
  },
  addin: {
    showAsTaskpane: async () => {
      taskpaneShown += 1;
    },
    hide: async () => undefined,
  },
};

/** What the e2e test calls through page.evaluate. */
host.__fakeHost = {
  workbook,
  calculate,
  functionIds: () => Object.keys(functions).sort(),
  actionNames: () => Object.keys(actions).sort(),
  /** Runs a ribbon command the way Excel does and resolves when it called completed(). */
  runAction: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const handler = actions[name];
      if (!handler) return reject(new Error(`No action ${name}`));
      void handler({ completed: () => resolve(), source: { id: name } });
    }),
  taskpaneShown: () => taskpaneShown,
  sheetNames: () => workbook.sheets.map((sheet) => sheet.name),
  tableNames: () => workbook.tables.map((table) => table.name),
  /** A table's values (header first) and formulas. */
  table(name: string) {
    const found = workbook.tables.find((t) => t.name === name);
    if (!found) return null;
    const table = found;
    const pick = <T>(read: (cell: FakeCell | undefined) => T) =>
      workbook.readCoords(table.sheet, table.coords, read);
    return {
      sheet: table.sheet.name,
      values: pick((cell) => workbook.cellValue(cell)),
      formulas: pick((cell) => cell?.formula ?? cell?.value ?? ""),
    };
  },
  values: (sheet: string, address: string) => workbook.values(sheet, address),
  /** Each chart with what it draws: categories and series from its data. */
  charts: () =>
    workbook.charts.map((chart) => ({
      name: chart.name,
      sheet: chart.sheet.name,
      title: chart.title,
      chartType: chart.chartType,
      position: chart.position,
      ...workbook.chartSeries(chart),
    })),
  /** A sheet drawn as an HTML page (cells, tables, charts as SVG) for a screenshot. */
  renderSheet: (name: string) => renderSheetHtml(workbook, name),
  settings: () => Object.fromEntries(workbook.settings),
  stats: () => ({ ...workbook.stats }),
};
