/**
 * A designator cell read as designators: "R1-R4, C7" expands to five refs; "TB1/2" is one
 * part or two, whichever the line's quantity confirms; label text that is no designator
 * ("OLED", "ICSP Header", "无", "3 x AA holder") is kept apart, never sent as a designator.
 */
import { expandRefdes } from "./refdes";

export interface DesignatorReading {
  refs: string[];
  /** Text of the cell that names no designator, as written. */
  labels: string[];
  problems: string[];
}

/**
 * A designator has letters and a number ("R12", "J$1", "CHG+1"), or is a schematic name of
 * upper-case words joined by "_" ("C_HSW_IN", "LED_PWR"); a word or a count is none.
 */
export function isDesignatorToken(token: string): boolean {
  if (token.length > 24) return false;
  return (/\d/.test(token) && /\p{L}/u.test(token)) || SCHEMATIC_NAME.test(token);
}
const SCHEMATIC_NAME = /^[A-Z][A-Z\d]*(?:_[A-Z\d]+)+$/;

/** "(closed jumper)" after a designator: a remark, kept apart from the designators. */
const REMARK = /\(([^()]{1,80})\)/g;

/** Reads a designator cell; `quantity` (when known) settles ambiguous slash pairs. */
export function readDesignators(text: string, quantity: number | null): DesignatorReading {
  if (text.includes("(")) {
    const remarks: string[] = [];
    const bare = text.replace(REMARK, (_, inner: string) => {
      remarks.push(inner.trim());
      return " ";
    });
    const reading = readPlainDesignators(bare, quantity);
    // "JP2 (closed jumper)": the designator stays one, the remark is a label.
    if (remarks.length > 0 && reading.refs.length > 0 && reading.labels.length === 0)
      return { ...reading, labels: remarks };
  }
  return readPlainDesignators(text, quantity);
}

function readPlainDesignators(text: string, quantity: number | null): DesignatorReading {
  let expansion = expandRefdes(text);
  if (quantity !== null && expansion.refs.length !== quantity && /[/\\]/.test(text)) {
    const unsplit = expandRefdes(text, { slashLists: false });
    if (unsplit.refs.length === quantity) expansion = unsplit;
  }
  const refs: string[] = [];
  const labels: string[] = [];
  for (const ref of expansion.refs) (isDesignatorToken(ref) ? refs : labels).push(ref);
  // Mostly words: the whole cell is a label ("ICSP Header, PIN2/3 Header, OLED Power Select").
  if (labels.length > 0 && labels.length * 2 >= expansion.refs.length) {
    return { refs: [], labels: [text.trim()], problems: [] };
  }
  return { refs, labels, problems: expansion.problems };
}
