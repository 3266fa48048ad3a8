/**
 * An in-memory `WorkbookAccess` for pane tests: one BOM region (the active sheet's), settings,
 * written results and sheets added as text.
 */
import type {
  BomSheetSettings,
  ResultsBlock,
  ResultsOrigin,
  ResultsTarget,
  ResultsWritten,
  SheetRegion,
  TextSheetWritten,
  WorkbookAccess,
} from "../../src/addin/excel/workbook-access";
import { uniqueName } from "../../src/addin/excel/excel-workbook";
import { WorkbookError } from "../../src/addin/excel/workbook-access";
import type { PlanSheetBlock, PlanWritten } from "../../src/addin/excel/plan-sheet";

export interface WrittenResults {
  target: ResultsTarget;
  origin: ResultsOrigin;
  block: ResultsBlock;
}

/** jsdom has no structuredClone; settings are JSON anyway. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class FakeWorkbookAccess implements WorkbookAccess {
  region: SheetRegion | null;
  readonly settings = new Map<string, BomSheetSettings>();
  readonly selections: { sheetName: string; row: number; column: number }[] = [];
  readonly written: WrittenResults[] = [];
  /** Plans written, in order. */
  readonly plans: PlanSheetBlock[] = [];
  /** Results tables written so far, by name, with where each one starts. */
  readonly tables = new Map<string, ResultsOrigin>();
  /** Blocks reported as holding user data, by sheet. */
  readonly occupied = new Set<string>();
  /** Sheets added by `addTextSheet`, in order. */
  readonly textSheets: { name: string; rows: string[][] }[] = [];
  reads = 0;
  private readonly sheetNames: string[];

  constructor(region: SheetRegion | null) {
    this.region = region;
    this.sheetNames = region ? [region.sheetName] : [];
  }

  async activeSheetName(): Promise<string> {
    return this.region?.sheetName ?? "Sheet1";
  }

  async readBomRegion(): Promise<SheetRegion | null> {
    this.reads += 1;
    return this.region && { ...this.region, values: this.region.values.map((row) => [...row]) };
  }

  async loadSettings(sheetName: string): Promise<BomSheetSettings> {
    return clone(this.settings.get(sheetName) ?? {});
  }

  async saveSettings(sheetName: string, patch: Partial<BomSheetSettings>) {
    const next = { ...(this.settings.get(sheetName) ?? {}), ...clone(patch) };
    this.settings.set(sheetName, next);
    return clone(next);
  }

  async selectCell(sheetName: string, row: number, column: number): Promise<void> {
    this.selections.push({ sheetName, row, column });
  }

  async isBlockEmpty(sheetName: string): Promise<boolean> {
    return !this.occupied.has(sheetName);
  }

  async writeResults(
    target: ResultsTarget,
    build: (origin: ResultsOrigin) => ResultsBlock,
  ): Promise<ResultsWritten> {
    const existing = target.kind === "update" ? this.tables.get(target.tableName) : undefined;
    const fresh = target.kind === "update" ? target.orElse : target;
    if (!existing && fresh.kind === "besideData" && this.occupied.has(fresh.sheetName)) {
      throw new WorkbookError("not_empty", "Cells there are not empty; nothing was written.");
    }
    const origin: ResultsOrigin =
      existing ??
      (fresh.kind === "newSheet"
        ? { sheetName: fresh.baseName, tableRow: fresh.tableRow, tableColumn: 1 }
        : { sheetName: fresh.sheetName, tableRow: fresh.firstRow, tableColumn: fresh.firstColumn });
    const block = build(origin);
    const tableName =
      existing && target.kind === "update"
        ? target.tableName
        : `${block.tableName}${this.tables.size > 0 ? this.tables.size + 1 : ""}`;
    this.tables.set(tableName, origin);
    this.written.push({ target, origin, block });
    return {
      sheetName: origin.sheetName,
      tableName,
      address: `'${origin.sheetName}'!A${origin.tableRow}`,
      syncs: 1,
      updated: existing !== undefined,
    };
  }

  /** Adds the sheet and makes it the active one: the next read is its rows. */
  async addTextSheet(
    baseName: string,
    rows: readonly (readonly string[])[],
  ): Promise<TextSheetWritten> {
    const name = uniqueName(baseName, this.sheetNames);
    this.sheetNames.push(name);
    const copy = rows.map((row) => [...row]);
    this.textSheets.push({ name, rows: copy });
    this.region = {
      sheetName: name,
      firstRow: 1,
      firstColumn: 1,
      values: copy.map((row) => [...row]),
      tableName: null,
    };
    return { sheetName: name, address: `'${name}'!A1`, syncs: 1 };
  }

  async writePlan(block: PlanSheetBlock): Promise<PlanWritten> {
    this.plans.push(block);
    return {
      sheetName: block.sheetName,
      createdSheet: this.plans.length === 1,
      tables: block.tables.map((table) => table.name),
      charts: block.charts.map((chart) => chart.name),
      extent: "A1",
    };
  }
}
