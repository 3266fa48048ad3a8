/**
 * Tolerant comparison of manufacturer names and MPNs, the way a BOM matcher has to do it:
 * BOMs write "TI", "Texas Instruments" or "Texas Instruments Inc." for the same maker.
 */

/** Words that say nothing about which company it is. */
const FILLER_WORDS = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "gmbh",
  "ag",
  "sa",
  "bv",
  "plc",
  "electronics",
  "electronic",
  "elec",
  "semiconductor",
  "semiconductors",
  "semi",
  "technology",
  "technologies",
  "components",
  "the",
  "international",
  "industries",
  "group",
  "devices",
]);

/** Short forms and former names, keyed by their normalised form. */
const ALIASES: Record<string, string> = {
  ti: "texas instruments",
  "texas instruments": "texas instruments",
  adi: "analog",
  analog: "analog",
  "linear tech": "analog",
  linear: "analog",
  maxim: "analog",
  "maxim integrated": "analog",
  st: "stmicroelectronics",
  stm: "stmicroelectronics",
  stmicro: "stmicroelectronics",
  stmicroelectronics: "stmicroelectronics",
  on: "onsemi",
  onsemi: "onsemi",
  fairchild: "onsemi",
  nxp: "nxp",
  freescale: "nxp",
  atmel: "microchip",
  microchip: "microchip",
  cypress: "infineon",
  infineon: "infineon",
  "international rectifier": "infineon",
  ir: "infineon",
  diodes: "diodes",
  littlefuse: "littelfuse",
  te: "te connectivity",
  "te connectivity": "te connectivity",
  tyco: "te connectivity",
  amp: "te connectivity",
  jst: "jst",
  "jst sales america": "jst",
  "jst mfg": "jst",
  kemet: "kemet",
  yageo: "yageo",
  tdk: "tdk",
  "tdk epcos": "tdk",
  epcos: "tdk",
  wurth: "wurth elektronik",
  "wurth elektronik": "wurth elektronik",
  we: "wurth elektronik",
  hro: "korean hroparts",
  "korean hroparts": "korean hroparts",
  belling: "shanghai belling",
  lattice: "lattice",
  "alpha omega": "alpha and omega",
  aos: "alpha and omega",
};

/** Lower case, accents and punctuation removed, filler words dropped, aliases applied. */
export function normalizeManufacturer(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word !== "" && !FILLER_WORDS.has(word));
  const joined = words.join(" ");
  return ALIASES[joined] ?? joined;
}

/** Levenshtein distance, only used on short names. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/**
 * Whether a manufacturer written in a query or a BOM names the catalogue's manufacturer:
 * same normalised name, one name's words contained in the other's ("XKB" and "XKB
 * Connectivity"), a substring of it ("Mura"), or a typo of a long name ("Littlefuse").
 */
export function manufacturerMatches(asked: string, catalogue: string): boolean {
  const a = normalizeManufacturer(asked);
  const b = normalizeManufacturer(catalogue);
  if (a === "" || b === "") return false;
  if (a === b) return true;
  const wordsA = a.split(" ");
  const wordsB = new Set(b.split(" "));
  if (wordsA.every((word) => wordsB.has(word))) return true;
  const setA = new Set(wordsA);
  if ([...wordsB].every((word) => setA.has(word))) return true;
  const compactA = a.replace(/ /g, "");
  const compactB = b.replace(/ /g, "");
  if (compactA === compactB) return true;
  // A case-insensitive substring, as API-NOTES 4.2 describes mpn_exact_mfr ("Mura" → Murata).
  if (compactA.length >= 3 && compactB.includes(compactA)) return true;
  return compactA.length >= 6 && compactB.length >= 6 && editDistance(compactA, compactB) <= 2;
}

/** An MPN reduced to its letters and digits, upper case: "RC0402FR-07 10KL" → "RC0402FR0710KL". */
export function compactMpn(mpn: string): string {
  return mpn
    .normalize("NFKD")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}
