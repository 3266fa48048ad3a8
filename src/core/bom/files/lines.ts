/** Text-level preparation shared by the delimited and fixed-width readers. */

/** CRLF (Windows) and a lone CR (classic Mac OS, some exporters) both become LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export type Delimiter = "," | ";" | "\t" | "|";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t", "|"];

/**
 * Excel's delimiter hint, the first line "sep=;" (some writers quote it or pad it with the
 * delimiter: "sep=;;;"). Returns the delimiter and where the data starts, or null.
 */
export function separatorHint(text: string): { delimiter: Delimiter; bodyStart: number } | null {
  const end = text.indexOf("\n");
  // Not trimmed: "sep=<TAB>" ends in the delimiter itself.
  const line = end < 0 ? text : text.slice(0, end);
  const unquoted = line.startsWith('"') && line.endsWith('"') ? line.slice(1, -1) : line;
  if (unquoted.length < 5 || unquoted.slice(0, 4).toLowerCase() !== "sep=") return null;
  const delimiter = DELIMITERS.find((candidate) => candidate === unquoted[4]);
  if (!delimiter) return null;
  const rest = unquoted.slice(5);
  if (!Array.from(rest).every((char) => char === delimiter)) return null;
  return { delimiter, bodyStart: end < 0 ? text.length : end + 1 };
}

/** The lines of normalized text, without the empty line after a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
