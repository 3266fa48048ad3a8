/** Spreadsheet column names, as every part of the product writes them. */

/** 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Bad column number ${column}`);
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
