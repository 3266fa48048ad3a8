/**
 * What a column's cells look like: refdes lists, whole numbers, MPN-like tokens, manufacturer
 * names, DNP words, URLs. Used to confirm ambiguous headers and to map unlabelled columns.
 */
import type { BomField, CellValue, Grid } from "./types";
import { parseQuantity } from "./quantity";
import type { DnpPolarity } from "./aliases";
import { cellText, isErrorValue, isPlaceholder } from "./cells";
import { isDnpVocabulary, isPlacementMark, mentionsDnp } from "./dnp";
import { isKnownManufacturer } from "./lexicon/manufacturers";
import { distributorNamed, sellerTaggedCode, skuShape } from "./lexicon/distributors";
import { refdesTokens } from "./refdes";

export interface ColumnProfile {
  column: number;
  /** Data rows looked at. */
  rows: number;
  /** Non-empty cells among them. */
  filled: number;
  fill: number;
  /** Shares of the sampled non-empty cells (0..1). */
  errors: number;
  integer: number;
  sequential: boolean;
  refdes: number;
  multiRefdes: number;
  mpn: number;
  manufacturer: number;
  dnpWords: number;
  /** Share of cells that are placement marks proper ("DNP", "fitted"), not a bare yes/no. */
  placementMarks: number;
  url: number;
  valueLike: number;
  packageLike: number;
  prose: number;
  /** Short phrases of words ("main MCU", "battery holder"): what a function or note column holds. */
  phrase: number;
  /** Free text that says do-not-place ("footprint only, not populated"). */
  dnpPhrase: number;
  /** Cells that are a distributor's name ("Mouser", "digikey.com"): a seller column. */
  sellerName: number;
  /** Distributor order codes (Digi-Key "…-ND", Mouser "595-…", LCSC "C1234"…). */
  sku: number;
  /** Cells a quantity reader accepts ("4", "2 pcs", "1,000"), whole numbers up to 100,000. */
  quantityLike: number;
  /** Mounting words (SMD, THT, through hole). */
  mountWords: number;
  /** Distinct values among the sampled cells, as a share and as a count. */
  distinct: number;
  distinctValues: number;
}

/** Enough cells to judge a column; keeps profiling linear and cheap on big sheets. */
const SAMPLE = 300;

const REF_TOKEN = /^([A-Z]{1,4})\d{1,4}(?:(?:-|\.\.|\/)[A-Z]{0,4}\d{1,5})*$/i;
const COMMON_PREFIXES = new Set(
  (
    "R C L U D Q J P K F T X Y S M H E Z A B W " +
    "SW TP FB LED BT IC CN JP RN RV VR ZD FID MH MP TR LS SP LD DS CR VD VT XT OSC PS ANT RLY"
  ).split(" "),
);
/** One piece of a component value: "10k", "4k7", "100nF", "50V", "5%", "X7R", "0.1uF". */
const VALUE_PIECE =
  /^(?:\d+(?:[.,]\d+)?(?:[pnuµmkg]|meg)?(?:[fhωrvaw]|ohms?|hz)?%?|\d+[pnuµmkrg]\d+[fhω]?|x[57][rs]|c0g|np0|\d+ppm)$/i;

/** A component value, piece by piece, so that no regular expression sees the whole cell. */
export function isValueLike(text: string): boolean {
  if (text.length > 60) return false;
  const pieces = text.split(/[\s/,]+/).filter((piece) => piece !== "");
  if (pieces.length === 0 || pieces.length > 6) return false;
  if (!/^\d/.test(pieces[0] as string)) return false;
  // A bare number ("0.34", "100") is a price or a count as often as a value: a unit must show.
  if (!pieces.some((piece) => /[a-zµω%]/i.test(piece))) return false;
  return pieces.every((piece) => VALUE_PIECE.test(piece));
}
const PACKAGE_LIKE =
  /(?:^|[_\s:-])(?:0201|0402|0603|0805|1206|1210|1812|2010|2512|SOT-?\d+|SOD-?\d+|QFN|DFN|SOIC|SOP|SSOP|TSSOP|MSOP|QFP|LQFP|TQFP|BGA|WLCSP|DIP|TO-?\d+|SMA|SMB|SMC|DPAK|D2PAK)|^[\w.-]+:[\w.,-]+$/i;
const MOUNT_WORDS = /^(?:smd|smt|tht|th|pth|through[\s-]?hole|surface[\s-]?mount|bga)$/i;

/** A board quantity: a whole number from 0 to 100,000, possibly with a unit word. */
function isQuantityLike(cell: CellValue): boolean {
  const reading = parseQuantity(cell);
  return reading.kind === "ok" && reading.value <= 100_000;
}

const URL_LIKE = /^(?:https?:\/\/|www\.|\\\\|file:)/i;

function isRefdesCell(text: string): { refdes: boolean; multi: boolean } {
  const tokens = refdesTokens(text);
  if (tokens.length === 0) return { refdes: false, multi: false };
  let common = 0;
  for (const token of tokens) {
    const match = REF_TOKEN.exec(token);
    if (!match) return { refdes: false, multi: false };
    if (COMMON_PREFIXES.has((match[1] as string).toUpperCase())) common++;
  }
  return { refdes: common / tokens.length >= 0.5, multi: tokens.length > 1 };
}

/**
 * A cell no header is written as: a designator ("C1", "R3-R5"), a component value ("100nF"),
 * or a distributor's distinct order code ("399-3118-1-ND").
 */
export function looksLikeDataCell(text: string): boolean {
  if (text.length > MAX_DATA_CELL) return false;
  return isRefdesCell(text).refdes || isValueLike(text) || skuShape(text)?.strength === "distinct";
}
const MAX_DATA_CELL = 64;

/** Looks like a manufacturer part number: letters and digits, no spaces, not a value. */
export function isMpnLike(text: string): boolean {
  if (text.length < 3 || text.length > 40) return false;
  if (!/^[A-Z0-9][A-Z0-9\-/.,+#()\\]*$/i.test(text)) return false;
  if (!/\d/.test(text) || !/[A-Z]/i.test(text)) return false;
  if (isValueLike(text)) return false;
  const ref = isRefdesCell(text);
  return !(ref.refdes && text.length <= 4);
}

/** At most this many words name the maker in "Littelfuse 0154006.MRL" or "ON Semi 1N4148". */
const MAX_MAKER_WORDS = 3;

/** A part number written after its maker's name ("Nichicon LGU2G471MELC45", "ON Semi
 * MBR2045CT"), taken apart; null for anything else. */
export function splitMakerAndMpn(text: string): { maker: string; mpn: string } | null {
  if (text.length > 80) return null;
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > MAX_MAKER_WORDS + 1) return null;
  const mpn = words[words.length - 1] ?? "";
  const maker = words.slice(0, -1).join(" ");
  return isMpnLike(mpn) && isKnownManufacturer(maker) ? { maker, mpn } : null;
}

/** Two or more words of letters, at most a short sentence: "main MCU", "reset pull-up". */
function isPhrase(text: string): boolean {
  if (text.length > 200) return false;
  const words = text.split(/[\s,;]+/).filter((word) => /^\p{L}{2,}/u.test(word));
  return words.length >= 2 && words.length <= 30 && !isKnownManufacturer(text);
}

export function profileColumn(
  grid: Grid,
  dataRows: readonly number[],
  column: number,
): ColumnProfile {
  let filled = 0;
  let sampled = 0;
  const counts = {
    errors: 0,
    integer: 0,
    refdes: 0,
    multiRefdes: 0,
    mpn: 0,
    manufacturer: 0,
    dnpWords: 0,
    placementMarks: 0,
    url: 0,
    valueLike: 0,
    packageLike: 0,
    prose: 0,
    phrase: 0,
    dnpPhrase: 0,
    sellerName: 0,
    sku: 0,
    quantityLike: 0,
    mountWords: 0,
  };
  const seen = new Set<string>();
  let sequentialSteps = 0;
  let previousInteger: number | null = null;
  for (const rowIndex of dataRows) {
    const cell = grid[rowIndex]?.[column];
    const text = cellText(cell);
    if (text === "" || isPlaceholder(text)) continue;
    filled++;
    if (sampled >= SAMPLE) continue;
    sampled++;
    if (isErrorValue(cell)) {
      counts.errors++;
      continue;
    }
    const integer = /^\d{1,9}$/.test(text) ? Number(text) : null;
    if (integer !== null) {
      counts.integer++;
      if (previousInteger !== null && integer === previousInteger + 1) sequentialSteps++;
      previousInteger = integer;
    }
    const ref = isRefdesCell(text);
    if (ref.refdes) counts.refdes++;
    if (ref.refdes && ref.multi) counts.multiRefdes++;
    // "Murata GRM188R71H104KA93D" is a part number with its maker, not a maker or a sentence.
    const makerAndMpn = splitMakerAndMpn(text) !== null;
    if (makerAndMpn || isMpnLike(text)) counts.mpn++;
    if (!makerAndMpn && /[A-Z]{2}/i.test(text) && isKnownManufacturer(text)) counts.manufacturer++;
    if (isDnpVocabulary(text)) counts.dnpWords++;
    if (isPlacementMark(text)) counts.placementMarks++;
    if (URL_LIKE.test(text)) counts.url++;
    if (isValueLike(text)) counts.valueLike++;
    if (PACKAGE_LIKE.test(text)) counts.packageLike++;
    if (!makerAndMpn && text.length > 15 && /\s/.test(text) && /[A-Z]{3}/i.test(text))
      counts.prose++;
    if (isPhrase(text)) counts.phrase++;
    if (!isDnpVocabulary(text) && mentionsDnp(text)) counts.dnpPhrase++;
    if (distributorNamed(text)) counts.sellerName++;
    // A Digi-Key "-ND" code says "order code" outright; a plain 7-digit number only half.
    const sku = skuShape(text);
    if (sku) counts.sku += sku.strength === "distinct" ? 1 : 0.5;
    else if (sellerTaggedCode(text)) counts.sku++;
    if (isQuantityLike(cell)) counts.quantityLike++;
    if (MOUNT_WORDS.test(text)) counts.mountWords++;
    seen.add(text.toLowerCase());
  }
  const share = (n: number) => (sampled === 0 ? 0 : n / sampled);
  return {
    column,
    rows: dataRows.length,
    filled,
    fill: dataRows.length === 0 ? 0 : filled / dataRows.length,
    errors: share(counts.errors),
    integer: share(counts.integer),
    sequential: counts.integer >= 2 && sequentialSteps >= 0.9 * (counts.integer - 1),
    refdes: share(counts.refdes),
    multiRefdes: share(counts.multiRefdes),
    mpn: share(counts.mpn),
    manufacturer: share(counts.manufacturer),
    dnpWords: share(counts.dnpWords),
    placementMarks: share(counts.placementMarks),
    url: share(counts.url),
    valueLike: share(counts.valueLike),
    packageLike: share(counts.packageLike),
    prose: share(counts.prose),
    phrase: share(counts.phrase),
    dnpPhrase: share(counts.dnpPhrase),
    sellerName: share(counts.sellerName),
    sku: share(counts.sku),
    quantityLike: share(counts.quantityLike),
    mountWords: share(counts.mountWords),
    distinct: share(seen.size),
    distinctValues: seen.size,
  };
}

/** Whether a column's contents fit a field its (ambiguous) header suggests. */
export function contentAgrees(
  field: BomField,
  profile: ColumnProfile,
  polarity?: DnpPolarity,
): boolean {
  if (profile.filled === 0) return field === "do_not_place" && polarity === "marker";
  if (profile.errors > 0.5) return false;
  switch (field) {
    case "line_number":
      return profile.integer >= 0.9 && profile.sequential;
    case "reference_designators":
      return profile.refdes >= 0.8;
    case "mpn":
      return profile.mpn >= 0.6 && profile.refdes < 0.5;
    case "do_not_place":
      return profile.dnpWords >= 0.9;
    case "quantity":
      return profile.integer >= 0.8;
    case "manufacturer_name":
      return profile.manufacturer >= 0.3;
    case "link":
      return profile.url >= 0.5;
    default:
      return true;
  }
}

export interface ContentGuess {
  field: BomField;
  confidence: number;
  polarity?: DnpPolarity;
}

/** Fields an unlabelled column could hold, judged by its contents alone, best first. */
export function guessFromContent(profile: ColumnProfile): ContentGuess[] {
  if (profile.filled === 0 || profile.errors > 0.5) return [];
  const guesses: ContentGuess[] = [];
  const add = (field: BomField, share: number, weight: number, polarity?: DnpPolarity) =>
    guesses.push({ field, confidence: share * weight, ...(polarity ? { polarity } : {}) });
  if (profile.integer >= 0.95 && profile.sequential) add("line_number", profile.integer, 0.6);
  else if (profile.integer >= 0.9) add("quantity", profile.integer, 0.55);
  if (profile.refdes >= 0.8 && profile.integer < 0.5)
    add("reference_designators", profile.refdes, 0.75);
  if (profile.url >= 0.6) add("link", profile.url, 0.6);
  if (profile.dnpWords >= 0.95 && profile.integer < 0.5)
    add("do_not_place", profile.dnpWords, 0.4, "dnp");
  if (profile.manufacturer >= 0.4) add("manufacturer_name", profile.manufacturer, 0.6);
  if (profile.mpn >= 0.6 && profile.refdes < 0.5 && profile.manufacturer < 0.4)
    add("mpn", profile.mpn, 0.55);
  if (profile.valueLike >= 0.6 && profile.integer < 0.5) add("value", profile.valueLike, 0.45);
  if (profile.packageLike >= 0.6) add("package", profile.packageLike, 0.45);
  if (profile.prose >= 0.6) add("description", profile.prose, 0.35);
  return guesses.sort((a, b) => b.confidence - a.confidence);
}
