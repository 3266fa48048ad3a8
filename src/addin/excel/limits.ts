/** Excel's limits on one `context.sync()`, and how workbook access stays under them. */

/** Excel on the web rejects a request or response above 5 MB. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Target per sync, with room for JSON framing and the estimate's error. */
export const SYNC_PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** Excel reads at most this many cells at once (more may silently come back as null). */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Guess for an unread cell; the first block read replaces it with a measurement. */
export const ASSUMED_BYTES_PER_CELL = 48;

/** Bytes of a block of cells as JSON, the way the payload is framed. */
export function estimateBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 3;
    for (const cell of row) {
      if (cell === null || cell === undefined) bytes += 5;
      else if (typeof cell === "string") bytes += cell.length + 3;
      else bytes += String(cell).length + 1;
    }
  }
  return bytes;
}

/** How many rows fit in one sync at `bytesPerCell`, at least one. */
export function rowsPerSync(columnCount: number, bytesPerCell: number): number {
  const perRow = Math.max(1, columnCount) * Math.max(1, bytesPerCell) + 3;
  return Math.max(1, Math.floor(SYNC_PAYLOAD_BUDGET_BYTES / perRow));
}

/** True for Excel's "payload too large" errors, whichever way the host reports them. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    /PayloadSizeLimitExceeded/.test(message)
  );
}

/** Consecutive rows whose JSON (as `rowBytes` weighs one row) stays within the sync budget. */
export function sliceRowsByPayload<T>(
  rows: readonly (readonly T[])[],
  rowBytes: (row: readonly T[]) => number = (row) => estimateBytes([row]),
): { start: number; count: number }[] {
  const slices: { start: number; count: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, index) => {
    const weight = rowBytes(row);
    if (index > start && bytes + weight > SYNC_PAYLOAD_BUDGET_BYTES) {
      slices.push({ start, count: index - start });
      start = index;
      bytes = 0;
    }
    bytes += weight;
  });
  if (rows.length > start) slices.push({ start, count: rows.length - start });
  return slices;
}
