/** Quantity cells: 2, 2.0, "1,000", "2 pcs", "x2". */
import type { CellValue } from "./types";
import { cellText } from "./cells";

export type QuantityReading =
  | { kind: "empty" }
  | { kind: "ok"; value: number; warning?: string }
  | { kind: "invalid"; message: string; value: number | null };

const MAX_QUANTITY_TEXT = 40;
const UNIT_WORDS = /^(?:pcs?|pieces?|ea|each|units?|st|stk|x)\.?$/i;
/** A label written into the cell: "qty: 3", "Qty 3", "Menge: 3". */
const LABEL = /^(?:qty|quantity|menge|anzahl|qté)\s*(?:[:=]\s*)?(?=\d)/i;
/** "1.000": one whole with three decimals, or a thousand with a European thousands dot. */
const DOT_THOUSANDS = /^\d{1,3}\.\d{3}$/;

function fromNumber(value: number, shown: string): QuantityReading {
  if (!Number.isFinite(value))
    return { kind: "invalid", message: `"${shown}" is not a number`, value: null };
  if (value < 0) return { kind: "invalid", message: `quantity ${shown} is negative`, value: null };
  // Formula arithmetic leaves float noise (0.1*3*10 = 3.0000000000000004): that is a whole number.
  if (Math.abs(value - Math.round(value)) < 1e-9) return { kind: "ok", value: Math.round(value) };
  if (!Number.isInteger(value)) {
    const rounded = Math.ceil(value);
    return {
      kind: "invalid",
      message: `quantity ${shown} is not a whole number; ${rounded} is sent`,
      value: rounded,
    };
  }
  return { kind: "ok", value };
}

/** Reads a quantity cell. Thousands separators and unit words are understood. */
export function parseQuantity(cell: CellValue): QuantityReading {
  if (typeof cell === "number") return fromNumber(cell, String(cell));
  const text = cellText(cell);
  if (text === "") return { kind: "empty" };
  // No quantity is written in more than a few words: a long text is not read further.
  if (text.length > MAX_QUANTITY_TEXT)
    return {
      kind: "invalid",
      message: `a ${text.length}-character text is not a quantity`,
      value: null,
    };
  let body = text.replace(/\s+/g, " ").replace(LABEL, "");
  // "x2", "2x", "2 pcs", "2pcs", "qty 2"
  body = body.replace(/^x\s*(?=\d)/i, "").replace(/(?<=\d)\s*x$/i, "");
  const words = body.split(" ");
  const kept = words.filter((word, i) => !(i > 0 && UNIT_WORDS.test(word)));
  body = kept.join(" ").replace(/(?<=\d)(?:pcs?|ea|st)\.?$/i, "");
  let numeric: string | null = null;
  if (DOT_THOUSANDS.test(body)) {
    const reading = fromNumber(Number(body), text);
    const thousands = body.replace(".", "");
    const hint = `if the dot separates thousands, write ${thousands}`;
    if (reading.kind === "ok")
      return { ...reading, warning: `"${text}" is read as ${reading.value}; ${hint}` };
    return reading.kind === "invalid"
      ? { ...reading, message: `${reading.message} (${hint})` }
      : reading;
  }
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(body)) numeric = body.replace(/\./g, "");
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) numeric = body.replace(/,/g, "");
  else if (/^\d{1,3}(?:[ ']\d{3})+$/.test(body)) numeric = body.replace(/[ ']/g, "");
  else if (/^[+-]?\d+(?:\.\d+)?$/.test(body)) numeric = body;
  else if (/^\d+,\d{1,2}$/.test(body)) numeric = body.replace(",", ".");
  if (numeric === null)
    return { kind: "invalid", message: `"${text}" is not a quantity`, value: null };
  return fromNumber(Number(numeric), text);
}
