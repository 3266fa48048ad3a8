/** Excel's date serial numbers: days since 1899-12-30 (Excel's day 0, leap-year quirk included). */
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A moment (ms since 1970, UTC) as an Excel date serial number. */
export function excelSerialDate(epochMs: number): number {
  return (epochMs - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** "2026-12-01 13:45 UTC": a moment as text a card can show whatever the reader's time zone. */
export function utcMinuteText(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
