/**
 * Argument parsing for the COFACTR functions. Excel passes an omitted optional argument as
 * null (sometimes undefined) and an empty cell as "" or 0 depending on the declared type; each
 * reader turns what arrives into a clean value or throws #VALUE! naming the argument.
 */
import type { PartQuery } from "../../core/api";
import { COFACTR_MAX_STRING } from "../../core/cofactr";
import { isKnownCurrency, normalizeCurrency } from "../../core/pricing";
import { invalidValue } from "./errors";

type Raw = unknown;

/** Blank for a text argument. Excel desktop passes a referenced empty cell as the number 0
 * (office-js #4702), and no MPN, manufacturer, seller or spec name is the number 0. */
function isBlank(value: Raw): boolean {
  return value == null || value === 0 || (typeof value === "string" && value.trim() === "");
}

function asText(value: Raw, argument: string): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalidValue(`${argument} must be text`);
}

/** The MPN: required, 1–255 characters. */
export function readMpn(value: Raw): string {
  if (isBlank(value)) throw invalidValue("MPN is empty");
  const mpn = asText(value, "MPN");
  if (mpn.length > COFACTR_MAX_STRING) {
    throw invalidValue(`MPN is longer than ${COFACTR_MAX_STRING} characters`);
  }
  return mpn;
}

/** The manufacturer: optional; blank means any manufacturer. */
export function readManufacturer(value: Raw): string | undefined {
  if (isBlank(value)) return undefined;
  const manufacturer = asText(value, "manufacturer");
  if (manufacturer.length > COFACTR_MAX_STRING) {
    throw invalidValue(`manufacturer is longer than ${COFACTR_MAX_STRING} characters`);
  }
  return manufacturer;
}

export function readPartQuery(mpn: Raw, manufacturer: Raw): PartQuery {
  const query: PartQuery = { mpn: readMpn(mpn) };
  const maker = readManufacturer(manufacturer);
  if (maker !== undefined) query.manufacturer = maker;
  return query;
}

/** A quantity to buy: optional (default 1), a whole number of at least 1. */
export function readQuantity(value: Raw, fallback = 1): number {
  if (value == null || value === "") return fallback;
  const quantity = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) {
    throw invalidValue("quantity must be a number");
  }
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw invalidValue(`quantity must be a whole number of at least 1, got ${quantity}`);
  }
  return quantity;
}

/** A currency: optional (default USD), an ISO 4217 code. */
export function readCurrency(value: Raw, fallback = "USD"): string {
  if (isBlank(value)) return fallback;
  const code = asText(value, "currency");
  if (!isKnownCurrency(code)) {
    throw invalidValue(`unknown currency "${code}": use an ISO 4217 code such as USD or EUR`);
  }
  return normalizeCurrency(code);
}

/** A seller name or alias: optional; blank means every seller. */
export function readSeller(value: Raw): string | undefined {
  return isBlank(value) ? undefined : asText(value, "seller");
}

/** A required piece of text other than the MPN, e.g. SPEC's name. */
export function readRequiredText(value: Raw, argument: string): string {
  if (isBlank(value)) throw invalidValue(`${argument} is empty`);
  return asText(value, argument);
}

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** A yes/no argument such as `authorized`: TRUE/FALSE, 1/0 or the words; blank → fallback. */
export function readYesNo(value: Raw, argument: string, fallback: boolean): boolean {
  if (value == null || value === "") return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (value === 1 || value === 0) return value === 1;
  } else if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "") return fallback;
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  }
  throw invalidValue(`${argument} must be TRUE or FALSE`);
}
