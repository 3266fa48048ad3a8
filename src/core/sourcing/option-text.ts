/**
 * Plan options typed as text (the CLI's flags, the pane's fields) read into numbers and lists;
 * a RangeError names the bad item, and the caller adds which field it came from.
 */

/** Most characters of a list read; a longer one is refused, not scanned. */
const MAX_TEXT = 2_000;

function bounded(text: string): string {
  if (text.length > MAX_TEXT) throw new RangeError(`is longer than ${MAX_TEXT} characters`);
  return text;
}

/** "10, 100, 1000" → [10, 100, 1000]. */
export function parseBuildList(text: string): number[] {
  const items = bounded(text)
    .split(",")
    .map((item) => item.trim());
  return items.map((item) => {
    if (!/^\d{1,9}$/.test(item) || Number(item) < 1)
      throw new RangeError(`"${item}" is not a whole number of at least 1`);
    return Number(item);
  });
}

/** "2%", "2", "2.5 %" → 2 / 2 / 2.5; from 0 to 100. */
export function parsePercent(text: string): number {
  const match = /^(\d{1,3}(?:\.\d{1,4})?)\s?%?$/.exec(bounded(text).trim());
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100))
    throw new RangeError(`"${text}" is not a percentage from 0 to 100`);
  return value;
}

/** "Digi-Key, Mouser" → ["Digi-Key", "Mouser"]; empty items are dropped. */
export function parseNameList(text: string): string[] {
  return bounded(text)
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
