/**
 * Recognises a manufacturer name in a cell: "Texas Instruments Inc.", "TI", "Murrata",
 * "Würth Elektronik eiSos GmbH & Co. KG", "UNI-ROYAL(厚声)". Used as content evidence that a
 * column holds manufacturers, and to give the name its canonical spelling.
 *
 * Matching is by index, never by a scan of the lexicon: a cell costs O(its length), and cells
 * longer than MAX_CELL_LENGTH characters are not names.
 */
import { editDistanceAtMost } from "./edit-distance";
import { foldText, foldTokens as tokenize, splitFolded } from "./fold";
import { MANUFACTURER_LINES } from "./manufacturer-names";

export type ManufacturerMatchKind = "exact" | "alias" | "prefix" | "fuzzy";

export interface ManufacturerMatch {
  canonical: string;
  how: ManufacturerMatchKind;
}

export interface ManufacturerEntry {
  canonical: string;
  aliases: readonly string[];
}

/** Longer cells are descriptions or notes, not manufacturer names. */
const MAX_CELL_LENGTH = 80;
/** Typos are forgiven (one edit) only when both the cell and the name have this many letters. */
const FUZZY_MIN_LENGTH = 6;
/** "Murata Electronics North America": a name may be followed by this many more words. */
const MAX_TOKENS = 12;

/** Trailing words that do not tell one company from another ("Vishay Dale Electronics, LLC"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "lp",
  "plc",
  "gmbh",
  "ag",
  "kg",
  "se",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "ab",
  "as",
  "asa",
  "oy",
  "oyj",
  "kk",
  "pte",
  "pty",
  "pvt",
  "sdn",
  "bhd",
  "kft",
  "usa",
  "and",
  "mfg",
  "electronics",
  "electronic",
  "elektronik",
  "electronique",
  "semiconductor",
  "semiconductors",
  "semi",
  "components",
  "component",
  "technology",
  "technologies",
  "international",
  "intl",
  "group",
  "holdings",
  "industries",
  "industry",
]);
/** The same for names written in Chinese ("顺络电子", "风华高科技股份有限公司"). */
const CJK_SUFFIXES = [
  "股份有限公司",
  "有限公司",
  "公司",
  "集团",
  "集團",
  "电子",
  "電子",
  "科技",
  "半导体",
  "半導體",
];

/**
 * Names that are also ordinary words, units or markings ("ON", "ST", "WE", "TE", "3M", "Central",
 * "Pulse", "Diodes"). They count only as a whole cell written in capitals ("DIODES", "ON") or
 * with a company suffix ("Diodes Inc.", "ON Semiconductor"), never as a prefix or a typo.
 */
const WORD_LIKE = new Set([
  "active",
  "actions",
  "adam",
  "alpine",
  "amass",
  "amp",
  "artery",
  "attend",
  "bel",
  "block",
  "born",
  "bright led",
  "bud",
  "cannon",
  "cardinal",
  "catalyst",
  "central",
  "cherry",
  "citizen",
  "conquer",
  "dale",
  "dallas",
  "delta",
  "deutsch",
  "dialog",
  "digi",
  "diodes",
  "entropic",
  "eta",
  "finder",
  "formosa",
  "foster",
  "fox",
  "general",
  "gmt",
  "johnson",
  "lambda",
  "linear",
  "midas",
  "national",
  "nations",
  "parallax",
  "peregrine",
  "pulse",
  "sharp",
  "stanley",
  "steward",
  "taiwan",
  "that",
  "token",
  "triad",
  "utc",
]);

/**
 * Word-like names that are also countries, lifecycle states or categories ("TAIWAN" in a
 * country-of-origin column, "GENERAL" in a category column): they count only with a company
 * suffix ("Taiwan Semiconductor", "General Semiconductor"), even in capitals.
 */
const SUFFIX_ONLY = new Set(["taiwan", "general", "central"]);

/** Names one typo away from an ordinary word ("Songle"/"single", "Radiall"/"radial"): no typos. */
const NO_TYPOS = new Set([
  "belling",
  "energizer",
  "luminus",
  "micron",
  "microne",
  "partron",
  "radiall",
  "sanken",
  "songle",
  "statek",
  "sunplus",
  "vectron",
]);

/** Placeholders a BOM puts where any maker will do; known, but not a manufacturer. */
const GENERIC_WORDS = new Set(["generic", "any"]);

interface Key {
  canonical: string;
  how: "exact" | "alias";
  /** Needs capitals or a company suffix to count (see WORD_LIKE). */
  wordLike: boolean;
}

interface Simplified {
  /** Lower-case, accent-free words, company suffixes dropped. */
  key: string;
  /** A company suffix was dropped ("Inc", "Semiconductor"). */
  hadSuffix: boolean;
}

const LOWER = /\p{Ll}/u;
const ANY_LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function stripSuffixes(tokens: readonly string[]): Simplified {
  const kept = [...tokens];
  let hadSuffix = false;
  while (kept.length > 1 && LEGAL_SUFFIXES.has(kept[kept.length - 1] ?? "")) {
    kept.pop();
    hadSuffix = true;
  }
  const last = kept[kept.length - 1];
  if (last !== undefined) {
    let trimmed = last;
    for (let changed = true; changed;) {
      changed = false;
      for (const suffix of CJK_SUFFIXES) {
        if (trimmed.length > suffix.length && trimmed.endsWith(suffix)) {
          trimmed = trimmed.slice(0, -suffix.length);
          changed = hadSuffix = true;
        }
      }
    }
    kept[kept.length - 1] = trimmed;
  }
  return { key: kept.join(" "), hadSuffix };
}

function isWordLike(key: string): boolean {
  // Two Latin letters or digits are a marking or a unit as often as a name; two Chinese
  // characters (厚声, 风华) are a name.
  return (/^[a-z0-9 ]+$/.test(key) && letterCount(key) <= 2) || WORD_LIKE.has(key);
}

function letterCount(key: string): number {
  return key.replace(/ /g, "").length;
}

/** Every string one deletion away from `word` (and the word itself): the typo index's keys. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function parseLines(lines: readonly string[]): ManufacturerEntry[] {
  return lines.map((line) => {
    const [canonical = "", ...aliases] = line.split("|");
    return { canonical, aliases };
  });
}

/** Every company in the lexicon with its aliases, in the order of the source list. */
export const MANUFACTURERS: readonly ManufacturerEntry[] = parseLines(MANUFACTURER_LINES);
export const MANUFACTURER_COUNT = MANUFACTURERS.length;

const KEYS = new Map<string, Key>();
/** Deletion neighbourhood → keys, for one-edit typos (symmetric-delete lookup). */
const TYPO_INDEX = new Map<string, string[]>();
let maxKeyTokens = 1;
let longestTypoKey = 0;

for (const entry of MANUFACTURERS) {
  const canonicalKey = stripSuffixes(tokenize(entry.canonical)).key;
  for (const name of [entry.canonical, ...entry.aliases]) {
    const { key } = stripSuffixes(tokenize(name));
    // The first company to claim a key keeps it; the lexicon test asserts there are no clashes.
    if (key === "" || KEYS.has(key)) continue;
    const wordLike = isWordLike(key);
    KEYS.set(key, {
      canonical: entry.canonical,
      how: key === canonicalKey ? "exact" : "alias",
      wordLike,
    });
    maxKeyTokens = Math.max(maxKeyTokens, key.split(" ").length);
    if (wordLike || NO_TYPOS.has(key) || letterCount(key) < FUZZY_MIN_LENGTH) continue;
    longestTypoKey = Math.max(longestTypoKey, key.length);
    for (const variant of deletions(key)) {
      const list = TYPO_INDEX.get(variant) ?? [];
      list.push(key);
      TYPO_INDEX.set(variant, list);
    }
  }
}

/** The one canonical name within one edit of `key`, or null (none, or two companies tie). */
function typoMatch(key: string): string | null {
  if (key.length > longestTypoKey + 1 || letterCount(key) < FUZZY_MIN_LENGTH) return null;
  let found: string | null = null;
  for (const variant of deletions(key)) {
    for (const candidate of TYPO_INDEX.get(variant) ?? []) {
      // A typo seldom hits the first letter, while a lost first letter turns names into words
      // ("ESwitch" → "switch"): the first letter must agree.
      if (candidate[0] !== key[0] || !editDistanceAtMost(key, candidate, 1)) continue;
      const canonical = KEYS.get(candidate)?.canonical ?? null;
      if (found !== null && canonical !== found) return null;
      found = canonical;
    }
  }
  return found;
}

function matchText(text: string): ManufacturerMatch | null {
  // Heads are whole space-separated words: "Murata Electronics North America" has the head
  // "Murata", while "ECS-2520MV-250" (a part number) and "JST_XH_B2B" (a footprint) have none.
  const words = foldText(text)
    .split(/[\s,;/]+/)
    .filter((word) => word !== "");
  if (words.length === 0 || words.length > MAX_TOKENS) return null;
  const wordTokens = words.map(splitFolded);
  const tokens = wordTokens.flat();
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
  const whole = stripSuffixes(tokens);
  const shouting = UPPER.test(text) && !LOWER.test(text);

  const exact = KEYS.get(whole.key);
  if (exact && (!exact.wordLike || whole.hadSuffix || (shouting && !SUFFIX_ONLY.has(whole.key)))) {
    return { canonical: exact.canonical, how: exact.how };
  }
  const heads: Simplified[] = [];
  for (let n = Math.min(words.length - 1, maxKeyTokens + 2); n >= 1; n--) {
    heads.push(stripSuffixes(wordTokens.slice(0, n).flat()));
  }
  for (const head of heads) {
    const known = KEYS.get(head.key);
    if (known && (!known.wordLike || head.hadSuffix)) {
      return { canonical: known.canonical, how: "prefix" };
    }
  }
  if (exact) return null; // A word-like name in lower case: "on", "st", "diodes".
  const typo = typoMatch(whole.key);
  if (typo) return { canonical: typo, how: "fuzzy" };
  // A misspelt name then company words: "Murrata Electronics North America". Without the
  // company word, "Single cell battery" would read as "Songle".
  for (const head of heads) {
    const headTypo = head.hadSuffix ? typoMatch(head.key) : null;
    if (headTypo) return { canonical: headTypo, how: "fuzzy" };
  }
  return null;
}

const cache = new Map<string, ManufacturerMatch | null>();
const CACHE_LIMIT = 5000;

/** The text without "(…)" groups, then each group's contents: "UNI-ROYAL(厚声)", "厚声(UNI-ROYAL)". */
function variants(text: string): string[] {
  if (!text.includes("(") && !text.includes("（")) return [text];
  const groups = /[(（]([^()（）]*)[)）]/g;
  const inner = Array.from(text.matchAll(groups), (match) => match[1] ?? "");
  return [text.replace(groups, " "), ...inner.slice(0, 2)].filter((part) => part.trim() !== "");
}

/**
 * The manufacturer a cell names, with how it was recognised: "exact" (the canonical name, up to
 * case, accents, punctuation and company suffixes), "alias", "prefix" (a known name followed by
 * more words) or "fuzzy" (one typo in a name of 6+ letters). Null for anything else, including
 * values, designators, part numbers and ordinary words.
 */
export function matchManufacturer(text: string): ManufacturerMatch | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  if (trimmed.length > MAX_CELL_LENGTH || !ANY_LETTER.test(trimmed)) return null;
  // BOM columns repeat their makers ("Yageo" on every resistor line): remember recent cells.
  let match = cache.get(trimmed);
  if (match === undefined) {
    match = null;
    for (const variant of variants(trimmed)) {
      match = matchText(variant.trim());
      if (match) break;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(trimmed, match);
  }
  return match && { ...match };
}

/** True when the text names a known manufacturer ("Texas Instruments Inc.", "MURATA", "Generic"). */
export function isKnownManufacturer(text: string): boolean {
  if (typeof text !== "string") return false;
  if (GENERIC_WORDS.has(text.trim().toLowerCase())) return true;
  return matchManufacturer(text) !== null;
}
