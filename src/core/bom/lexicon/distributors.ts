/**
 * Distributors: their names (so a header "Mouser #" or a cell "Digi-Key" is recognised) and the
 * shapes of their order numbers (so a column of "296-1395-5-ND" reads as Digi-Key SKUs whatever
 * its header says).
 *
 * Every pattern is anchored at both ends and has at most one open-ended repetition, and runs only
 * on cells of at most MAX_SKU_LENGTH characters: linear time on any input.
 */
import { foldTokens } from "./fold";

export interface Distributor {
  name: string;
  /** Other spellings, in any case and punctuation: "digikey", "Digi Key", "DK". */
  aliases: readonly string[];
}

export const DISTRIBUTOR_NAMES: readonly Distributor[] = [
  { name: "Digi-Key", aliases: ["DigiKey", "Digi Key", "Digi-Key Electronics", "DK"] },
  { name: "Mouser", aliases: ["Mouser Electronics", "Mouser Electronic"] },
  { name: "LCSC", aliases: ["LCSC Electronics", "szlcsc", "立创", "立创商城"] },
  { name: "JLCPCB", aliases: ["JLC", "JLC PCB", "JLCPCB Assembly", "JLC SMT", "嘉立创"] },
  {
    name: "Farnell",
    aliases: ["Premier Farnell", "element14", "element 14", "Farnell element14", "CPC"],
  },
  { name: "Newark", aliases: ["Newark element14", "Newark Electronics"] },
  { name: "RS", aliases: ["RS Components", "RS Online", "RS Stock", "RS Group", "RS Americas"] },
  { name: "Allied Electronics", aliases: ["Allied", "Allied Electronics and Automation"] },
  { name: "TME", aliases: ["Transfer Multisort", "Transfer Multisort Elektronik", "TME.eu"] },
  { name: "Arrow", aliases: ["Arrow Electronics", "arrow.com"] },
  { name: "Avnet", aliases: ["Avnet Abacus", "Avnet Silica", "Avnet Express"] },
  { name: "Future Electronics", aliases: ["FutureElectronics"] },
  { name: "TTI", aliases: ["TTI Inc"] },
  { name: "Verical", aliases: [] },
  { name: "Rutronik", aliases: ["Rutronik24"] },
  { name: "Reichelt", aliases: ["Reichelt Elektronik", "reichelt.de"] },
  { name: "Conrad", aliases: ["Conrad Electronic", "conrad.de"] },
  { name: "Distrelec", aliases: ["Elfa Distrelec", "Elfa"] },
  { name: "Bürklin", aliases: ["Burklin", "Buerklin"] },
  { name: "Schukat", aliases: ["Schukat Electronic"] },
  { name: "Pollin", aliases: ["Pollin Electronic"] },
  { name: "Sager", aliases: ["Sager Electronics"] },
  { name: "Heilind", aliases: ["Heilind Electronics"] },
  { name: "Master Electronics", aliases: ["Onlinecomponents", "onlinecomponents.com"] },
  { name: "Chip One Stop", aliases: ["Chip1Stop", "ChipOneStop"] },
  { name: "Jameco", aliases: ["Jameco Electronics"] },
  { name: "Rochester Electronics", aliases: [] },
  { name: "Quest Components", aliases: [] },
  { name: "Win Source", aliases: ["WinSource", "Win-Source"] },
  { name: "SOS electronic", aliases: ["Soselectronic"] },
  { name: "Chip and Dip", aliases: ["ChipDip", "Chip Dip", "Чип и Дип"] },
  { name: "AliExpress", aliases: ["Ali Express"] },
  { name: "Taobao", aliases: ["淘宝"] },
  { name: "Rapid Electronics", aliases: ["Rapid", "Rapidonline"] },
  { name: "Amazon", aliases: [] },
  { name: "eBay", aliases: [] },
];

const NAME_INDEX = new Map<string, string>();
let maxNameTokens = 1;
for (const distributor of DISTRIBUTOR_NAMES) {
  for (const spelling of [distributor.name, ...distributor.aliases]) {
    const tokens = foldTokens(spelling);
    NAME_INDEX.set(tokens.join(" "), distributor.name);
    // "digi key" is also written "digikey": index the joined form too.
    if (tokens.length > 1) NAME_INDEX.set(tokens.join(""), distributor.name);
    maxNameTokens = Math.max(maxNameTokens, tokens.length);
  }
}

/** Headers and cells longer than this are not a distributor's name. */
const MAX_NAME_TEXT = 80;

/**
 * The distributor a header or cell starts with: "Mouser #", "Digi-Key Part Number", "LCSC" →
 * "Mouser", "Digi-Key", "LCSC". Whole words only: "Arrowhead" is not Arrow.
 */
export function matchDistributor(text: string): string | null {
  if (typeof text !== "string" || text.length > MAX_NAME_TEXT) return null;
  const tokens = foldTokens(text);
  for (let n = Math.min(tokens.length, maxNameTokens); n >= 1; n--) {
    const name = NAME_INDEX.get(tokens.slice(0, n).join(" "));
    if (name) return name;
  }
  return null;
}

/** Web-domain endings written after a shop's name ("mouser.com", "reichelt.de"). */
const DOMAIN_ENDINGS = new Set([
  "com",
  "de",
  "eu",
  "co",
  "uk",
  "fr",
  "it",
  "es",
  "nl",
  "cn",
  "net",
]);

/**
 * The distributor when the whole text is its name, possibly as a web address ("Mouser",
 * "digikey.com", "www.eBay.com"); null when the name only starts a longer text.
 */
export function distributorNamed(text: string): string | null {
  if (typeof text !== "string" || text.length > MAX_NAME_TEXT) return null;
  const tokens = foldTokens(text);
  if (tokens[0] === "www") tokens.shift();
  while (tokens.length > 1 && DOMAIN_ENDINGS.has(tokens[tokens.length - 1] as string)) tokens.pop();
  if (tokens.length === 0 || tokens.length > maxNameTokens) return null;
  return NAME_INDEX.get(tokens.join(" ")) ?? NAME_INDEX.get(tokens.join("")) ?? null;
}

/** An order code with a letter or digit run and at least one digit ("21-4709", "B00I97P5NI"). */
const TAGGED_CODE = /^[0-9A-Z][\w./#-]{1,40}$/i;

/**
 * A code tagged with its seller, as hand-kept sheets write them: "Rapid: 21-4709",
 * "Mouser 485-3341", "485-3341 (Mouser)", "B00I97P5NI (Amazon)". Returns the seller.
 */
export function sellerTaggedCode(text: string): string | null {
  if (typeof text !== "string" || text.length > MAX_SKU_LENGTH) return null;
  const cell = text.trim();
  const open = cell.lastIndexOf("(");
  if (open > 0 && cell.endsWith(")")) {
    const seller = distributorNamed(cell.slice(open + 1, -1));
    const code = cell.slice(0, open).trim();
    return seller && TAGGED_CODE.test(code) && /\d/.test(code) ? seller : null;
  }
  const seller = matchDistributor(cell);
  if (!seller) return null;
  // The code is the last word; the seller's name is what comes before it.
  const split = cell.search(/[:#\s][^:#\s]*$/);
  if (split <= 0) return null;
  const code = cell.slice(split + 1);
  const name = cell.slice(0, split).replace(/[:#\s]+$/, "");
  return distributorNamed(name) === seller && TAGGED_CODE.test(code) && /\d/.test(code)
    ? seller
    : null;
}

/**
 * "distinct": this shape is the seller's and seldom anything else (…-ND, 595-LM358DR, C25804).
 * "weak": the shape fits, but plain numbers are also part numbers of other kinds (a 7-digit
 * Phoenix Contact MPN, an internal "123-4567"): count it only when the header agrees.
 */
export type SkuStrength = "distinct" | "weak";

export interface SkuShape {
  seller: string;
  strength: SkuStrength;
  /** Other sellers whose numbers have the same shape. */
  alsoPossible: readonly string[];
}

/** Longer cells are not order numbers. */
const MAX_SKU_LENGTH = 64;

/** Digi-Key: any part number then -ND ("296-1395-5-ND", "LM358DRCT-ND", "P5555-ND"). */
const DIGIKEY = /^[0-9A-Z][0-9A-Z.,/+#_-]{0,58}-ND$/;
/** Mouser: the maker's 2-3 digit prefix, a dash, the part number ("595-LM358DR"). */
const MOUSER = /^\d{2,3}-[0-9A-Z][0-9A-Z.,/+#_-]{0,58}$/;
/**
 * LCSC and JLCPCB: C and 4-8 digits, no leading zero ("C25804"). C1…C999 are read as capacitor
 * designators, C0402/C0603 as capacitor footprints.
 */
const LCSC = /^C[1-9]\d{3,7}$/;
/** Chip sizes that also name capacitor footprints ("C1206"): LCSC-shaped, but weak. */
const CHIP_SIZES = new Set([
  "1005",
  "1008",
  "1206",
  "1210",
  "1806",
  "1808",
  "1812",
  "1825",
  "2010",
  "2220",
  "2225",
  "2512",
]);
/** Newark: two digits, one or two letters, four digits ("94AK6874", "38K0328"). */
const NEWARK = /^\d{2}[A-Z]{1,2}\d{4}$/;
/** Farnell / element14: seven digits, "RL" for a re-reel ("1469722", "2101452RL"). */
const FARNELL = /^\d{7}(?:RL)?$/;
/** RS: seven digits written 3-4 ("123-4567"). */
const RS = /^\d{3}-\d{4}$/;
/** Conrad: six digits, optionally a two-digit variant ("405337", "405337 - 62"). */
const CONRAD = /^\d{6}(?: ?- ?\d{2})?$/;

const HAS_LETTER = /[A-Z]/;

/** The seller whose order-number shape the text has, with how telling that shape is. */
export function skuShape(text: string): SkuShape | null {
  if (typeof text !== "string") return null;
  const cell = text.trim().toUpperCase();
  if (cell === "" || cell.length > MAX_SKU_LENGTH) return null;
  if (DIGIKEY.test(cell)) return { seller: "Digi-Key", strength: "distinct", alsoPossible: [] };
  if (LCSC.test(cell)) {
    const strength = CHIP_SIZES.has(cell.slice(1)) ? "weak" : "distinct";
    return { seller: "LCSC", strength, alsoPossible: ["JLCPCB"] };
  }
  // A Mouser number's part after the prefix has a letter: "10-89-7102" is a Molex part number.
  if (MOUSER.test(cell) && HAS_LETTER.test(cell.slice(cell.indexOf("-")))) {
    return { seller: "Mouser", strength: "distinct", alsoPossible: [] };
  }
  // "24LC1025" is a Microchip EEPROM as well as a Newark-shaped number.
  if (NEWARK.test(cell)) return { seller: "Newark", strength: "weak", alsoPossible: [] };
  if (FARNELL.test(cell)) return { seller: "Farnell", strength: "weak", alsoPossible: ["RS"] };
  if (RS.test(cell)) return { seller: "RS", strength: "weak", alsoPossible: [] };
  if (CONRAD.test(cell)) return { seller: "Conrad", strength: "weak", alsoPossible: [] };
  return null;
}

/**
 * The seller whose order-number shape the text has ("296-1395-5-ND" → "Digi-Key",
 * "595-LM358DR" → "Mouser", "C25804" → "LCSC", "1469722" → "Farnell"), or null. Plain-number
 * shapes are weak evidence: see skuShape for the strength.
 */
export function skuSeller(text: string): string | null {
  return skuShape(text)?.seller ?? null;
}
