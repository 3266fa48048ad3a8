/**
 * Office-like proxies over `WorkbookData`. As in Excel, calls only queue work: `context.sync()`
 * runs the queue in order, resolves proxies (ItemNotFound surfaces there), applies writes and
 * fills loaded properties. Reading a property that was not loaded and synced throws
 * PropertyNotLoaded; a sync whose request or response exceeds 5 MB throws
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 */
import { blockAddress, parseAddress, quoteSheetName } from "../../../src/addin/excel/a1";
import {
  type ChartData,
  type Coords,
  FAKE_CHART_TYPES,
  FakeOfficeError,
  MAX_COLUMNS,
  MAX_ROWS,
  type SheetData,
  type TableData,
  type WorkbookData,
  contains,
  jsonBytes,
  overlaps,
} from "./workbookData";

interface QueuedOp {
  requestBytes: number;
  writesCells?: boolean;
  /** Runs inside sync; returns the bytes of data it sends back. */
  run: () => number;
}

/** Per-op framing overhead, as the real protocol adds to every action. */
const OP_OVERHEAD_BYTES = 48;

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly runtime = { enableEvents: true };
  private queue: QueuedOp[] = [];
  private commits: (() => void)[] = [];
  private calculationSuspended = false;

  constructor(readonly data: WorkbookData) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  /** Loaded values become visible only if the whole sync succeeds. */
  stageCommit(commit: () => void): void {
    this.commits.push(commit);
  }

  suspendCalculation(): void {
    this.calculationSuspended = true;
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.commits = [];
    const stats = this.data.stats;
    stats.syncs += 1;
    const requestBytes = queue.reduce((sum, op) => sum + op.requestBytes + OP_OVERHEAD_BYTES, 0);
    const suspended = this.calculationSuspended;
    this.calculationSuspended = false;
    if (requestBytes > this.data.payloadLimitBytes) {
      stats.payloadRejections += 1;
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const fault = this.data.failSync?.({
      number: stats.syncs,
      writesCells: queue.some((op) => op.writesCells === true),
    });
    if (fault) throw fault;
    let responseBytes = 0;
    let wrote = false;
    for (const op of queue) {
      responseBytes += op.run();
      wrote ||= op.writesCells === true;
    }
    if (wrote) {
      stats.writeSyncs += 1;
      if (suspended) stats.calculationSuspendedWriteSyncs += 1;
    }
    if (responseBytes > this.data.payloadLimitBytes) {
      stats.payloadRejections += 1;
      this.commits = [];
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    // Only syncs Excel would accept count towards the maxima.
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    stats.maxSyncBytes = Math.max(stats.maxSyncBytes, requestBytes, responseBytes);
    for (const commit of this.commits) commit();
    this.commits = [];
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }
}

/** Property names from load("a,b"), load(["a"]), load({a: true}) or load({select: "a"}). */
function loadNames(arg: unknown): string[] {
  if (arg === undefined) return ["*"];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(loadNames);
  if (arg && typeof arg === "object") {
    const select = (arg as { select?: unknown }).select;
    if (select !== undefined) return loadNames(select);
    return Object.entries(arg)
      .filter(([, on]) => on)
      .map(([name]) => name);
  }
  throw new FakeOfficeError("InvalidArgument", "Bad load() argument.");
}

/** What every proxy shares: queued loads, loaded values, null-object state. */
abstract class FakeClientObject {
  private readonly loadedValues = new Map<string, unknown>();
  private resolvedNull: boolean | null = null;

  constructor(protected readonly ctx: FakeRequestContext) {}

  /** Current value of a property, read inside sync. */
  protected abstract snapshot(name: string): unknown;
  /** Whether the proxy points at nothing (…OrNullObject); evaluated inside sync. */
  protected abstract resolveIsNull(): boolean;

  /** Resolves the proxy's target in the next sync (`queue`) or at once. */
  protected bind<T>(
    resolver: () => T | null,
    queue: boolean,
    set: (target: T | null) => void,
  ): void {
    if (!queue) {
      set(resolver());
      return;
    }
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        set(resolver());
        return 0;
      },
    });
    this.queueResolve();
  }

  protected queueResolve(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        const isNull = this.resolveIsNull();
        this.ctx.stageCommit(() => {
          this.resolvedNull = isNull;
        });
        return 0;
      },
    });
  }

  load(arg?: unknown): this {
    const names = loadNames(arg);
    this.ctx.enqueue({
      requestBytes: 16,
      run: () => {
        const isNull = this.resolveIsNull();
        const values = new Map<string, unknown>();
        let bytes = 0;
        for (const name of names) {
          const value = isNull ? null : this.snapshot(name);
          values.set(name, value);
          bytes += name.length + jsonBytes(value);
        }
        this.ctx.stageCommit(() => {
          this.resolvedNull = isNull;
          for (const [name, value] of values) this.loadedValues.set(name, value);
        });
        return bytes;
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === null) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "isNullObject is not available before context.sync().",
      );
    }
    return this.resolvedNull;
  }

  protected loaded<T>(name: string): T {
    if (this.loadedValues.has(name)) return this.loadedValues.get(name) as T;
    const path = [...this.loadedValues.keys()].find((key) => key.split("/")[0] === name);
    if (path !== undefined) return this.loadedValues.get(path) as T;
    throw new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${name}' is not available. Before reading the property's value, call the ` +
        "load method on the containing object and call context.sync() on the associated request context.",
    );
  }

  /** For proxies filled by a collection load. */
  prime(name: string, value: unknown): void {
    this.loadedValues.set(name, value);
    this.resolvedNull = false;
  }
}

/** What load("items…") of a collection read, inside sync. */
interface ItemsRead<P> {
  /** Proxies over the items, primed with the loaded fields. */
  items: P[];
  /** The value the load gives. */
  value: unknown;
  /** Keeps an earlier load's proxies, given what this one read; null: take the new ones. */
  merge?: (previous: P[] | null) => P[] | null;
}

/** A collection: never a null object; its `items` are what load("items…") read. */
abstract class FakeCollection<P extends FakeClientObject> extends FakeClientObject {
  private loadedItems: P[] | null = null;

  protected abstract readItems(name: string): ItemsRead<P>;

  protected resolveIsNull(): boolean {
    return false;
  }

  protected snapshot(name: string): unknown {
    if (name.split("/")[0] !== "items") throw new FakeOfficeError("InvalidArgument", name);
    const read = this.readItems(name);
    this.ctx.stageCommit(() => {
      this.loadedItems = read.merge?.(this.loadedItems) ?? read.items;
    });
    return read.value;
  }

  get items(): P[] {
    if (!this.loadedItems) this.loaded("items");
    return this.loadedItems ?? [];
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, () => ctx.data.tables, null);
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const selection = this.ctx.data.selection;
      if (!selection) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
      return { sheet: selection.sheet, coords: selection.coords };
    });
  }

  getActiveCell(): FakeRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.suspendCalculation();
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.data.stats.screenUpdatingSuspensions += 1;
  }

  /** Asks the workbook's calculation hook (if any) to recalculate, as Excel would. */
  calculate(_type?: string): void {
    this.ctx.enqueue({
      requestBytes: 16,
      run: () => {
        this.ctx.data.stats.calculations += 1;
        void this.ctx.data.onCalculate?.();
        return 0;
      },
    });
  }
}

type SheetResolver = () => SheetData | null;

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected readItems(name: string): ItemsRead<FakeWorksheet> {
    const sheets = [...this.ctx.data.sheets];
    const fields = name.includes("/") ? name.split("/").slice(1) : ["name", "position"];
    const items = sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.ctx, () => sheet, false);
      for (const field of fields) proxy.prime(field, proxy.peek(field));
      return proxy;
    });
    const values = items.map((proxy) => fields.map((field) => proxy.peek(field)));
    // load("items/id,items/name") loads both fields onto the same items.
    const merge = (previous: FakeWorksheet[] | null) => {
      const same =
        previous !== null &&
        previous.length === items.length &&
        previous.every((proxy, i) => proxy.peek("id") === items[i]?.peek("id"));
      if (!previous || !same) return null;
      previous.forEach((proxy, i) =>
        fields.forEach((field, f) => proxy.prime(field, values[i]?.[f])),
      );
      return previous;
    };
    return { items, value: sheets.map((sheet) => sheet.name), merge };
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.requireSheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.sheet(name) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.activeSheet);
  }

  add(name: string): FakeWorksheet {
    let created: SheetData | null = null;
    this.ctx.enqueue({
      requestBytes: name.length,
      run: () => {
        if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) {
          throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
        }
        created = this.ctx.data.addSheet(name);
        return 0;
      },
    });
    return new FakeWorksheet(this.ctx, () => created);
  }
}

export class FakeWorksheet extends FakeClientObject {
  private sheet: SheetData | null = null;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: SheetResolver,
    queue = true,
  ) {
    super(ctx);
    if (queue) {
      this.ctx.enqueue({
        requestBytes: 0,
        run: () => {
          this.sheet = this.resolver();
          return 0;
        },
      });
      this.queueResolve();
    } else {
      this.sheet = this.resolver();
    }
    this.tables = new FakeTableCollection(
      ctx,
      () => ctx.data.tables.filter((table) => table.sheet === this.requireSheet()),
      () => this.requireSheet(),
    );
    this.charts = new FakeChartCollection(ctx, () => this.requireSheet());
  }

  requireSheet(): SheetData {
    // A proxy queued in a failed sync is resolved again by its path, as Excel does.
    this.sheet ??= this.resolver();
    if (!this.sheet) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return this.sheet;
  }

  protected resolveIsNull(): boolean {
    return this.sheet === null;
  }

  peek(name: string): unknown {
    return this.snapshot(name);
  }

  protected snapshot(name: string): unknown {
    const sheet = this.requireSheet();
    switch (name) {
      case "name":
        return sheet.name;
      case "position":
        return this.ctx.data.sheets.indexOf(sheet);
      case "id":
        return sheet.id;
      default:
        throw new FakeOfficeError("InvalidArgument", `The fake has no worksheet.${name}.`);
    }
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(next: string) {
    this.ctx.enqueue({
      requestBytes: next.length,
      run: () => {
        this.ctx.data.renameSheet(this.requireSheet().name, next);
        return 0;
      },
    });
  }

  get id(): string {
    return this.loaded("id");
  }

  get position(): number {
    return this.loaded("position");
  }

  delete(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        this.ctx.data.deleteSheet(this.requireSheet());
        return 0;
      },
    });
  }

  activate(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        this.ctx.data.activate(this.requireSheet());
        return 0;
      },
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.requireSheet();
      if (address === undefined) {
        return { sheet, coords: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      }
      const parsed = parseAddress(address);
      return {
        sheet,
        coords: {
          row: parsed.firstRow - 1,
          column: parsed.firstColumn - 1,
          rows: parsed.rowCount,
          columns: parsed.columnCount,
        },
      };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.requireSheet(),
      coords: { row, column, rows, columns },
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.requireSheet();
      const used = sheet.usedCoords(valuesOnly);
      return { sheet, coords: used ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.requireSheet();
      const used = sheet.usedCoords(valuesOnly);
      return used ? { sheet, coords: used } : null;
    });
  }
}

interface RangeTarget {
  sheet: SheetData;
  coords: Coords;
}

function checkCoords(coords: Coords): void {
  const ok =
    Number.isInteger(coords.row) &&
    Number.isInteger(coords.column) &&
    Number.isInteger(coords.rows) &&
    Number.isInteger(coords.columns) &&
    coords.row >= 0 &&
    coords.column >= 0 &&
    coords.rows >= 1 &&
    coords.columns >= 1 &&
    coords.row + coords.rows <= MAX_ROWS &&
    coords.column + coords.columns <= MAX_COLUMNS;
  if (!ok) throw new FakeOfficeError("InvalidArgument", `Bad range ${JSON.stringify(coords)}.`);
}

export class FakeRange extends FakeClientObject {
  private target: RangeTarget | null = null;
  readonly format: { autofitColumns(): void; autofitRows(): void };

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => RangeTarget | null,
  ) {
    super(ctx);
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        this.target = this.resolver();
        if (this.target) checkCoords(this.target.coords);
        return 0;
      },
    });
    this.queueResolve();
    const noop = () =>
      this.ctx.enqueue({
        requestBytes: 0,
        run: () => {
          this.requireTarget();
          return 0;
        },
      });
    this.format = { autofitColumns: noop, autofitRows: noop };
  }

  requireTarget(): RangeTarget {
    this.target ??= this.resolver();
    if (!this.target) throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
    return this.target;
  }

  protected resolveIsNull(): boolean {
    return this.target === null;
  }

  protected snapshot(name: string): unknown {
    const { sheet, coords } = this.requireTarget();
    const data = this.ctx.data;
    switch (name) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${blockAddress(coords.row + 1, coords.column + 1, coords.rows, coords.columns)}`;
      case "rowIndex":
        return coords.row;
      case "columnIndex":
        return coords.column;
      case "rowCount":
        return coords.rows;
      case "columnCount":
        return coords.columns;
      case "values":
        return data.readCoords(sheet, coords, (cell) => data.cellValue(cell));
      case "text":
        return data.readCoords(sheet, coords, (cell) => String(data.cellValue(cell)));
      case "formulas":
        return data.readCoords(sheet, coords, (cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return data.readCoords(sheet, coords, (cell) => cell?.numberFormat ?? "General");
      default:
        throw new FakeOfficeError("InvalidArgument", `The fake has no range.${name}.`);
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(grid: unknown[][]) {
    this.queueWrite(grid, "values");
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.queueWrite(grid, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.queueWrite(grid, "numberFormat");
  }

  private queueWrite(grid: unknown[][], mode: "values" | "formulas" | "numberFormat"): void {
    this.ctx.enqueue({
      requestBytes: jsonBytes(grid),
      writesCells: true,
      run: () => {
        const { sheet, coords } = this.requireTarget();
        const shapeOk =
          Array.isArray(grid) &&
          grid.length === coords.rows &&
          grid.every((row) => Array.isArray(row) && row.length === coords.columns);
        if (!shapeOk) {
          throw new FakeOfficeError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or " +
              `dimensions of the range (${coords.rows}×${coords.columns}).`,
          );
        }
        if (sheet.merged.some((area) => overlaps(area, coords) && !contains(coords, area))) {
          throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
        }
        grid.forEach((line, r) =>
          line.forEach((input, c) => {
            const row = coords.row + r;
            const column = coords.column + c;
            if (mode === "numberFormat") {
              if (input === null || input === undefined) return;
              const cell = sheet.cell(row, column) ?? {
                value: "",
                formula: null,
                numberFormat: "General",
              };
              sheet.setCell(row, column, { ...cell, numberFormat: String(input) });
            } else {
              this.ctx.data.writeCell(sheet, row, column, input, mode);
            }
          }),
        );
        return 0;
      },
    });
  }

  private derived(adjust: (coords: Coords) => Coords): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, coords } = this.requireTarget();
      return { sheet, coords: adjust(coords) };
    });
  }

  /** Empties the cells: "Contents" keeps their formats, "All" (the default) does not. */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.ctx.enqueue({
      requestBytes: 16,
      writesCells: true,
      run: () => {
        const { sheet, coords } = this.requireTarget();
        for (let r = coords.row; r < coords.row + coords.rows; r += 1) {
          for (let c = coords.column; c < coords.column + coords.columns; c += 1) {
            const cell = sheet.cell(r, c);
            if (!cell) continue;
            if (applyTo === "All") sheet.setCell(r, c, null);
            else if (applyTo === "Contents")
              sheet.setCell(r, c, { ...cell, value: "", formula: null });
            else sheet.setCell(r, c, { ...cell, numberFormat: "General" });
          }
        }
        return 0;
      },
    });
  }

  /**
   * Deletes the cells, shifting the cells below up within the range's columns. As in Excel, a
   * table loses the rows deleted across its whole width and moves up when it lies below; a
   * deletion through part of a table's width is refused.
   */
  delete(shift: "Up"): void {
    if (shift !== "Up") throw new FakeOfficeError("NotImplemented", `delete(${String(shift)})`);
    this.ctx.enqueue({
      requestBytes: 16,
      writesCells: true,
      run: () => {
        const { sheet, coords } = this.requireTarget();
        const data = this.ctx.data;
        const columns = { column: coords.column, columns: coords.columns };
        const below = { row: coords.row, rows: MAX_ROWS - coords.row, ...columns };
        const moved = data.tables.filter((t) => t.sheet === sheet && overlaps(t.coords, below));
        for (const table of moved) {
          const insideColumns =
            table.coords.column >= coords.column &&
            table.coords.column + table.coords.columns <= coords.column + coords.columns;
          const wholeWidth =
            table.coords.column === coords.column && table.coords.columns === coords.columns;
          const bodyRows =
            coords.row > table.coords.row &&
            coords.row + coords.rows <= table.coords.row + table.coords.rows;
          if (table.coords.row >= coords.row + coords.rows && insideColumns) continue;
          if (!(wholeWidth && bodyRows)) {
            throw new FakeOfficeError(
              "InvalidOperation",
              "This operation is attempting to shift cells in a table on your worksheet.",
            );
          }
        }
        const lastRow = Math.max(-1, ...sheet.rows.keys());
        for (let row = coords.row; row <= lastRow; row += 1) {
          for (let column = coords.column; column < coords.column + coords.columns; column += 1) {
            sheet.setCell(row, column, sheet.cell(row + coords.rows, column) ?? null);
          }
        }
        for (const table of moved) {
          if (table.coords.row >= coords.row + coords.rows) table.coords.row -= coords.rows;
          else table.coords.rows -= coords.rows;
        }
        return 0;
      },
    });
  }

  /** The merged areas touching the range, as one block around them (the fake's RangeAreas). */
  getMergedAreasOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, coords } = this.requireTarget();
      const touching = sheet.merged.filter((area) => overlaps(area, coords));
      if (touching.length === 0) return null;
      const top = Math.min(...touching.map((a) => a.row));
      const left = Math.min(...touching.map((a) => a.column));
      const bottom = Math.max(...touching.map((a) => a.row + a.rows));
      const right = Math.max(...touching.map((a) => a.column + a.columns));
      return {
        sheet,
        coords: { row: top, column: left, rows: bottom - top, columns: right - left },
      };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((c) => ({
      ...c,
      rows: c.rows + deltaRows,
      columns: c.columns + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((c) => ({ ...c, row: c.row + rowOffset, column: c.column + columnOffset }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((c) => ({
      row: c.row + row,
      column: c.column + column,
      rows: 1,
      columns: 1,
    }));
  }

  select(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        const { sheet, coords } = this.requireTarget();
        if (this.ctx.data.activeSheet !== sheet) {
          throw new FakeOfficeError(
            "InvalidSelection",
            "Activate the sheet before selecting on it.",
          );
        }
        this.ctx.data.selection = { sheet, coords: { ...coords } };
        return 0;
      },
    });
  }

  getTables(fullyContained = false): FakeTableCollection {
    return new FakeTableCollection(
      this.ctx,
      () => {
        const { sheet, coords } = this.requireTarget();
        return this.ctx.data.tables.filter(
          (table) =>
            table.sheet === sheet &&
            (fullyContained ? contains(coords, table.coords) : overlaps(coords, table.coords)),
        );
      },
      null,
    );
  }
}

/**
 * A collection of named things (tables, charts): items loaded by name, found by name without
 * case, ItemNotFound from getItem and a null object from getItemOrNullObject.
 */
abstract class FakeNamedCollection<
  D extends { name: string },
  P extends FakeClientObject,
> extends FakeCollection<P> {
  constructor(
    ctx: FakeRequestContext,
    private readonly kind: string,
  ) {
    super(ctx);
  }

  /** The things this collection holds, read inside sync. */
  protected abstract scope(): D[];
  /** A proxy over one thing: resolved in the next sync when `queue`, else at once. */
  protected abstract proxy(resolve: () => D | null, queue: boolean): P;

  protected readItems(): ItemsRead<P> {
    const found = this.scope();
    const items = found.map((item) => {
      const proxy = this.proxy(() => item, false);
      proxy.prime("name", item.name);
      return proxy;
    });
    return { items, value: found.map((item) => item.name) };
  }

  protected find(name: string): D | undefined {
    return this.scope().find((item) => item.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): P {
    return this.proxy(() => {
      const found = this.find(name);
      if (!found)
        throw new FakeOfficeError("ItemNotFound", `There is no ${this.kind} named ${name}.`);
      return found;
    }, true);
  }

  getItemOrNullObject(name: string): P {
    return this.proxy(() => this.find(name) ?? null, true);
  }
}

export class FakeTableCollection extends FakeNamedCollection<TableData, FakeTable> {
  constructor(
    ctx: FakeRequestContext,
    private readonly tablesInScope: () => TableData[],
    private readonly sheetScope: (() => SheetData) | null,
  ) {
    super(ctx, "table");
  }

  protected scope(): TableData[] {
    return this.tablesInScope();
  }

  protected proxy(resolve: () => TableData | null, queue: boolean): FakeTable {
    return new FakeTable(this.ctx, resolve, queue);
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableData | null = null;
    this.ctx.enqueue({
      requestBytes: 64,
      run: () => {
        const data = this.ctx.data;
        let sheet: SheetData;
        let coords: Coords;
        if (typeof address === "string") {
          const parsed = parseAddress(address);
          const named = parsed.sheetName ? data.requireSheet(parsed.sheetName) : null;
          const scoped = this.sheetScope ? this.sheetScope() : null;
          const chosen = named ?? scoped ?? data.activeSheet;
          if (!chosen) throw new FakeOfficeError("InvalidArgument", "No sheet for the table.");
          sheet = chosen;
          coords = {
            row: parsed.firstRow - 1,
            column: parsed.firstColumn - 1,
            rows: parsed.rowCount,
            columns: parsed.columnCount,
          };
        } else {
          ({ sheet, coords } = address.requireTarget());
        }
        if (!hasHeaders) throw new FakeOfficeError("NotImplemented", "The fake needs headers.");
        if (data.tables.some((table) => table.sheet === sheet && overlaps(table.coords, coords))) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        }
        const headers = data.readCoords(sheet, { ...coords, rows: 1 }, (cell) =>
          String(data.cellValue(cell)),
        );
        const seen = new Set<string>();
        for (const header of headers[0] ?? []) {
          const key = header.toLowerCase();
          if (header === "" || seen.has(key)) {
            throw new FakeOfficeError(
              "InvalidArgument",
              `Table headers must be unique and non-empty: "${header}".`,
            );
          }
          seen.add(key);
        }
        let n = data.tables.length + 1;
        while (data.tables.some((table) => table.name === `Table${n}`)) n += 1;
        created = { name: `Table${n}`, sheet, coords: { ...coords } };
        data.tables.push(created);
        return 0;
      },
    });
    return new FakeTable(this.ctx, () => created);
  }
}

export class FakeTable extends FakeClientObject {
  private table: TableData | null = null;
  readonly rows: { add: (index: number | null | undefined, values: unknown[][]) => void };

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => TableData | null,
    queue = true,
  ) {
    super(ctx);
    this.bind(this.resolver, queue, (target) => {
      this.table = target;
    });
    this.rows = {
      add: (_index, values) => {
        this.ctx.enqueue({
          requestBytes: jsonBytes(values),
          writesCells: true,
          run: () => {
            const table = this.requireTable();
            const { coords } = table;
            values.forEach((line, r) => {
              if (line.length !== coords.columns) {
                throw new FakeOfficeError("InvalidArgument", "Row width differs from the table's.");
              }
              line.forEach((input, c) =>
                this.ctx.data.writeCell(
                  table.sheet,
                  coords.row + coords.rows + r,
                  coords.column + c,
                  input,
                  "values",
                ),
              );
            });
            coords.rows += values.length;
            return 0;
          },
        });
      },
    };
  }

  requireTable(): TableData {
    this.table ??= this.resolver();
    if (!this.table) throw new FakeOfficeError("ItemNotFound", "The table does not exist.");
    return this.table;
  }

  protected resolveIsNull(): boolean {
    return this.table === null;
  }

  protected snapshot(name: string): unknown {
    const table = this.requireTable();
    if (name === "name") return table.name;
    if (name === "showTotals") return table.showTotals === true;
    throw new FakeOfficeError("InvalidArgument", `The fake has no table.${name}.`);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(next: string) {
    this.ctx.enqueue({
      requestBytes: next.length,
      run: () => {
        const table = this.requireTable();
        if (!/^[A-Z_\\][\w.]{0,254}$/i.test(next)) {
          throw new FakeOfficeError("InvalidArgument", `"${next}" is not a valid table name.`);
        }
        const clash = this.ctx.data.tables.some(
          (other) => other !== table && other.name.toLowerCase() === next.toLowerCase(),
        );
        if (clash) throw new FakeOfficeError("InvalidArgument", `A table named ${next} exists.`);
        table.name = next;
        return 0;
      },
    });
  }

  private part(pick: (coords: Coords) => Coords): FakeRange {
    return new FakeRange(this.ctx, () => {
      const table = this.requireTable();
      return { sheet: table.sheet, coords: pick(table.coords) };
    });
  }

  getRange(): FakeRange {
    return this.part((c) => ({ ...c }));
  }

  /** The sheet the table is on. */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.requireTable().sheet);
  }

  /** Removes the table and its cells' contents. */
  delete(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      writesCells: true,
      run: () => {
        const table = this.requireTable();
        const { sheet, coords } = table;
        for (let r = coords.row; r < coords.row + coords.rows; r += 1) {
          for (let c = coords.column; c < coords.column + coords.columns; c += 1) {
            sheet.setCell(r, c, null);
          }
        }
        const tables = this.ctx.data.tables;
        tables.splice(tables.indexOf(table), 1);
        return 0;
      },
    });
  }

  getHeaderRowRange(): FakeRange {
    return this.part((c) => ({ ...c, rows: 1 }));
  }

  getDataBodyRange(): FakeRange {
    const totals = () => (this.requireTable().showTotals ? 1 : 0);
    return this.part((c) => ({ ...c, row: c.row + 1, rows: Math.max(1, c.rows - 1 - totals()) }));
  }

  get showTotals(): boolean {
    return this.loaded("showTotals");
  }

  /** Turning the total row on takes the (empty) row below the table, as Excel does. */
  set showTotals(on: boolean) {
    this.ctx.enqueue({
      requestBytes: 8,
      writesCells: true,
      run: () => {
        const table = this.requireTable();
        if (Boolean(table.showTotals) === on) return 0;
        const { sheet, coords } = table;
        if (on) {
          const below = { ...coords, row: coords.row + coords.rows, rows: 1 };
          checkCoords(below);
          const taken = this.ctx.data
            .readCoords(sheet, below, (cell) => cell?.formula ?? cell?.value ?? "")
            .flat()
            .some((cell) => cell !== "");
          const clash = this.ctx.data.tables.some(
            (other) => other !== table && other.sheet === sheet && overlaps(other.coords, below),
          );
          if (taken || clash) {
            throw new FakeOfficeError(
              "InvalidOperation",
              "The fake needs an empty row below a table to show its total row.",
            );
          }
          coords.rows += 1;
        } else {
          const last = coords.row + coords.rows - 1;
          for (let c = coords.column; c < coords.column + coords.columns; c += 1)
            sheet.setCell(last, c, null);
          coords.rows -= 1;
        }
        table.showTotals = on;
        return 0;
      },
    });
  }

  getTotalRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const table = this.requireTable();
      if (!table.showTotals) {
        throw new FakeOfficeError("InvalidOperation", `The table ${table.name} has no total row.`);
      }
      const { coords } = table;
      return {
        sheet: table.sheet,
        coords: { ...coords, row: coords.row + coords.rows - 1, rows: 1 },
      };
    });
  }
}

export class FakeSettingCollection extends FakeCollection<FakeSetting> {
  protected readItems(): ItemsRead<FakeSetting> {
    const entries = [...this.ctx.data.settings];
    const items = entries.map(([key, value]) => {
      const proxy = new FakeSetting(this.ctx, key, false, false);
      proxy.prime("key", key);
      proxy.prime("value", value);
      return proxy;
    });
    return { items, value: entries.map(([key, value]) => ({ key, value })) };
  }

  add(key: string, value: unknown): FakeSetting {
    this.ctx.enqueue({
      requestBytes: key.length + jsonBytes(value),
      run: () => {
        this.ctx.data.settings.set(key, value);
        return 0;
      },
    });
    return new FakeSetting(this.ctx, key, true);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
}

export class FakeSetting extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly key: string,
    private readonly required: boolean,
    queue = true,
  ) {
    super(ctx);
    if (!queue) return;
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        if (this.required && !this.ctx.data.settings.has(this.key)) {
          throw new FakeOfficeError("ItemNotFound", `There is no setting ${this.key}.`);
        }
        return 0;
      },
    });
    this.queueResolve();
  }

  protected resolveIsNull(): boolean {
    return !this.ctx.data.settings.has(this.key);
  }

  protected snapshot(name: string): unknown {
    if (name === "value") return this.ctx.data.settings.get(this.key);
    if (name === "key") return this.key;
    throw new FakeOfficeError("InvalidArgument", `The fake has no setting.${name}.`);
  }

  get value(): unknown {
    return this.loaded("value");
  }

  delete(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        this.ctx.data.settings.delete(this.key);
        return 0;
      },
    });
  }
}

/** A cell address or a range proxy, as chart.setPosition takes them. */
function cellOf(at: string | FakeRange): string {
  if (typeof at !== "string") {
    const { coords } = at.requireTarget();
    return blockAddress(coords.row + 1, coords.column + 1, 1, 1);
  }
  const parsed = parseAddress(at);
  return blockAddress(parsed.firstRow, parsed.firstColumn, 1, 1);
}

function checkChartType(type: string): void {
  if (!FAKE_CHART_TYPES.includes(type)) {
    throw new FakeOfficeError("InvalidArgument", `The fake draws no chart type ${type}.`);
  }
}

/** The block a chart's data comes from: series by columns only (what the add-in uses). */
function chartSource(range: FakeRange, seriesBy: string): { sheet: SheetData; coords: Coords } {
  if (seriesBy !== "Columns") {
    throw new FakeOfficeError("NotImplemented", "The fake draws series by columns only.");
  }
  const target = range.requireTarget();
  if (target.coords.columns < 2 || target.coords.rows < 2) {
    throw new FakeOfficeError("InvalidArgument", "A chart needs a header row and categories.");
  }
  return target;
}

export class FakeChartCollection extends FakeNamedCollection<ChartData, FakeChart> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetOf: () => SheetData,
  ) {
    super(ctx, "chart");
  }

  protected scope(): ChartData[] {
    const sheet = this.sheetOf();
    return this.ctx.data.charts.filter((chart) => chart.sheet === sheet);
  }

  protected proxy(resolve: () => ChartData | null, queue: boolean): FakeChart {
    return new FakeChart(this.ctx, resolve, queue);
  }

  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartData | null = null;
    this.ctx.enqueue({
      requestBytes: 64,
      run: () => {
        checkChartType(type);
        const sheet = this.sheetOf();
        const data = chartSource(source, seriesBy);
        if (data.sheet !== sheet) {
          throw new FakeOfficeError("InvalidArgument", "The fake charts data on its own sheet.");
        }
        let n = this.ctx.data.charts.length + 1;
        while (this.ctx.data.charts.some((chart) => chart.name === `Chart ${n}`)) n += 1;
        created = {
          name: `Chart ${n}`,
          sheet,
          chartType: type,
          source: { ...data.coords },
          title: "",
          position: null,
          seriesFormat: new Map(),
        };
        this.ctx.data.charts.push(created);
        return 0;
      },
    });
    return new FakeChart(this.ctx, () => created);
  }
}

export class FakeChart extends FakeClientObject {
  private chart: ChartData | null = null;
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): FakeChartSeries };

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => ChartData | null,
    queue = true,
  ) {
    super(ctx);
    this.bind(this.resolver, queue, (target) => {
      this.chart = target;
    });
    const update = (change: (chart: ChartData) => void) =>
      this.ctx.enqueue({
        requestBytes: 32,
        run: () => {
          change(this.requireChart());
          return 0;
        },
      });
    this.title = {
      get text(): string {
        throw new FakeOfficeError("NotImplemented", "The fake does not load chart titles.");
      },
      set text(next: string) {
        update((chart) => {
          chart.title = next;
        });
      },
    };
    this.series = {
      getItemAt: (index: number) => new FakeChartSeries(this.ctx, () => this.requireChart(), index),
    };
  }

  requireChart(): ChartData {
    this.chart ??= this.resolver();
    if (!this.chart) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
    return this.chart;
  }

  protected resolveIsNull(): boolean {
    return this.chart === null;
  }

  protected snapshot(name: string): unknown {
    const chart = this.requireChart();
    if (name === "name") return chart.name;
    if (name === "chartType") return chart.chartType;
    throw new FakeOfficeError("InvalidArgument", `The fake has no chart.${name}.`);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(next: string) {
    this.ctx.enqueue({
      requestBytes: next.length,
      run: () => {
        const chart = this.requireChart();
        const clash = this.ctx.data.charts.some(
          (other) =>
            other !== chart &&
            other.sheet === chart.sheet &&
            other.name.toLowerCase() === next.toLowerCase(),
        );
        if (next === "" || clash) {
          throw new FakeOfficeError("InvalidArgument", `"${next}" is not a free chart name.`);
        }
        chart.name = next;
        return 0;
      },
    });
  }

  set chartType(type: string) {
    this.ctx.enqueue({
      requestBytes: type.length,
      run: () => {
        checkChartType(type);
        this.requireChart().chartType = type;
        return 0;
      },
    });
  }

  /** Points the chart at new data; the series' own formats are reset, as Excel does. */
  setData(source: FakeRange, seriesBy = "Auto"): void {
    this.ctx.enqueue({
      requestBytes: 32,
      run: () => {
        const chart = this.requireChart();
        const data = chartSource(source, seriesBy);
        if (data.sheet !== chart.sheet) {
          throw new FakeOfficeError("InvalidArgument", "The fake charts data on its own sheet.");
        }
        chart.source = { ...data.coords };
        chart.seriesFormat.clear();
        return 0;
      },
    });
  }

  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    this.ctx.enqueue({
      requestBytes: 32,
      run: () => {
        const chart = this.requireChart();
        const from = cellOf(start);
        chart.position = { from, to: end === undefined ? from : cellOf(end) };
        return 0;
      },
    });
  }

  delete(): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        const charts = this.ctx.data.charts;
        charts.splice(charts.indexOf(this.requireChart()), 1);
        return 0;
      },
    });
  }
}

export class FakeChartSeries {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chartOf: () => ChartData,
    private readonly index: number,
  ) {}

  private format(
    change: (format: { chartType?: string; axisGroup?: "Primary" | "Secondary" }) => void,
  ): void {
    this.ctx.enqueue({
      requestBytes: 16,
      run: () => {
        const chart = this.chartOf();
        const count = Math.max(0, chart.source.columns - 1);
        if (!Number.isInteger(this.index) || this.index < 0 || this.index >= count) {
          throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index}.`);
        }
        const format = chart.seriesFormat.get(this.index) ?? {};
        change(format);
        chart.seriesFormat.set(this.index, format);
        return 0;
      },
    });
  }

  set chartType(type: string) {
    checkChartType(type);
    this.format((format) => {
      format.chartType = type;
    });
  }

  set axisGroup(group: "Primary" | "Secondary") {
    this.format((format) => {
      format.axisGroup = group;
    });
  }
}
