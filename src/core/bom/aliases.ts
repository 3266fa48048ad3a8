/**
 * Which field a header names. The table is a superset of Cofactr's own BOM-import names, KiCost's
 * field translations, 1-click-BOM's headings, InvenTree/PartsBox fields and the native exports
 * of Altium, KiCad, KiBot, JLCPCB and Digi-Key (see ../shared/notes/bom-landscape.md §2–3).
 *
 * Scores: 1 = unmistakable, lower = likelier to mean something else. `ambiguous` aliases are
 * only used when the column's contents agree (see content.ts) and never as an extra column.
 */
import type { BomField, DnpPolarity } from "./types";
import { FIELD_LABELS } from "../field-labels";
import { headerTokens, normalizeHeader, splitHeaderIndex } from "./normalize";
import { HEADER_WORD_INDEX } from "./lexicon/header-words";
import { editDistanceAtMost } from "./lexicon/edit-distance";

export type { DnpPolarity };

export interface HeaderMatch {
  field: BomField;
  score: number;
  ambiguous: boolean;
  /** The index of a numbered copy ("Manufacturer 2"), else null. */
  index: number | null;
  polarity?: DnpPolarity;
  /** How the header matched, for people: 'header "Anzahl" = quantity (de)'. */
  reason?: string;
}

interface AliasSpec {
  phrases: string[];
  score: number;
  ambiguous?: boolean;
  polarity?: DnpPolarity;
}

const MANUFACTURER_WORDS = ["manufacturer", "mfr", "mfg", "manuf", "manf", "mnf", "man", "mf"];
const MPN_SUFFIXES = ["part number", "pn", "number", "part", "part id"];

/** Distributor names, for SKU columns like "Mouser Part Number", "digikey_pn", "LCSC Part #". */
const DISTRIBUTORS = [
  "digikey",
  "digi key",
  "mouser",
  "lcsc",
  "jlcpcb",
  "jlc",
  "farnell",
  "newark",
  "element14",
  "rs",
  "rs component",
  "rs online",
  "arrow",
  "avnet",
  "tme",
  "allied",
  "tti",
  "verical",
  "rutronik",
  "reichelt",
  "conrad",
  "distrelec",
];
const SKU_SUFFIXES = [
  "part number",
  "pn",
  "number",
  "sku",
  "part",
  "code",
  "order code",
  "order number",
  "cat number",
  "catalog number",
  "vpn",
  "id",
];
const GENERIC_SELLERS = ["supplier", "vendor", "distributor", "retailer", "seller"];

const SPECS: Record<BomField, AliasSpec[]> = {
  line_number: [
    {
      phrases: ["line number", "line", "item", "item number", "line item", "pos", "position"],
      score: 1,
    },
    { phrases: ["row", "s number", "sr number", "sl number", "serial", "bom line"], score: 0.8 },
    { phrases: ["number", "index", "component"], score: 0.5, ambiguous: true },
  ],
  reference_designators: [
    {
      phrases: [
        "reference designator",
        "refdes",
        "ref des",
        "designator",
        "reference",
        "ref",
        "part reference",
        "reference designation",
        "circuit reference",
      ],
      score: 1,
    },
    {
      phrases: [
        "location",
        "line note",
        "customer reference",
        "customer number",
        "position reference",
      ],
      score: 0.6,
      ambiguous: true,
    },
    // "Designation": the designators in some tools, the value in KiCad's PCB-editor export.
    { phrases: ["designation"], score: 0.7, ambiguous: true },
    // Eagle's bom.ulp calls the designators "Part"; KiCad/KiBot use "Part" for the symbol.
    { phrases: ["part"], score: 0.5, ambiguous: true },
  ],
  quantity: [
    {
      phrases: [
        "quantity",
        "qty",
        "quant",
        "qnty",
        "qnt",
        "quantity per pcb",
        "qty per pcb",
        "quantity per board",
        "qty per board",
        "quantity per unit",
        "qty per unit",
        "qty each",
        "pcs",
        "piece",
      ],
      score: 1,
    },
    { phrases: ["order qty", "order quantity", "amount", "count", "usage"], score: 0.7 },
  ],
  manufacturer_name: [
    {
      phrases: [
        ...MANUFACTURER_WORDS,
        ...MANUFACTURER_WORDS.map((word) => `${word} name`),
        "maker",
        "hersteller",
      ],
      score: 1,
    },
    { phrases: ["brand", "make", "producer"], score: 0.8 },
  ],
  mpn: [
    {
      phrases: [
        "mpn",
        "mfpn",
        "manpartno",
        "manufacturer part",
        "manufacturer part number",
        ...MANUFACTURER_WORDS.flatMap((word) => MPN_SUFFIXES.map((suffix) => `${word} ${suffix}`)),
      ],
      score: 1,
    },
    // Cofactr maps "Part Number" to the MPN; it often is an internal or distributor number.
    { phrases: ["part number", "partnumber", "p number", "part num"], score: 0.75 },
    { phrases: ["pn"], score: 0.7 },
    { phrases: ["part code"], score: 0.6, ambiguous: true },
    { phrases: ["stock code", "device", "part"], score: 0.5, ambiguous: true },
  ],
  custom_id: [
    {
      phrases: [
        "custom part number",
        "custom id",
        "ipn",
        "internal",
        "internal part number",
        "internal pn",
        "internal id",
        "company part number",
        "cpn",
        "house part number",
        "our part number",
        "customer part number",
        "bom key",
        "cad key",
        "part key",
        "part id",
      ],
      score: 1,
    },
    { phrases: ["part number", "partnumber", "pn", "p number", "key"], score: 0.55 },
    { phrases: ["id"], score: 0.4, ambiguous: true },
  ],
  alternative_mpns: [
    {
      phrases: [
        "alternative",
        "alternate",
        "alt",
        "alt mpn",
        "alternative mpn",
        "alternate mpn",
        "alternative part number",
        "alternate part number",
        "alt part number",
        "second source",
        "substitute",
      ],
      score: 1,
    },
  ],
  description: [
    {
      phrases: [
        "description",
        "desc",
        "descr",
        "part description",
        "item description",
        "component description",
        "short description",
      ],
      score: 1,
    },
    { phrases: ["characteristic", "detail"], score: 0.8 },
    // What a hand-made list calls its parts: "frame", "Cage Rods 1in", "Microcontroller (MCU)".
    {
      phrases: [
        "part name",
        "item name",
        "component name",
        "product name",
        "article name",
        "material name",
        "plain name",
      ],
      score: 0.7,
    },
    { phrases: ["cmnt"], score: 0.6 },
  ],
  value: [
    { phrases: ["value", "part value", "component value"], score: 1 },
    { phrases: ["val"], score: 0.9 },
    // KiCad's PCB-editor BOM calls the value "Designation".
    { phrases: ["designation"], score: 0.5, ambiguous: true },
    // Altium and JLCPCB put the value (or the MPN) in "Comment".
    { phrases: ["comment"], score: 0.6, ambiguous: true },
  ],
  package: [
    {
      phrases: [
        "footprint",
        "package",
        "pcb footprint",
        "pcb package",
        "case package",
        "package case",
      ],
      score: 1,
    },
    { phrases: ["case", "land pattern", "footprint name"], score: 0.7 },
  ],
  do_not_place: [
    {
      phrases: [
        "dnp",
        "dnf",
        "dns",
        "dni",
        "nopop",
        "no pop",
        "do not place",
        "do not fit",
        "do not stuff",
        "do not populate",
        "do not mount",
        "do not install",
        "not fitted",
        "not populated",
        "not placed",
      ],
      score: 1,
      polarity: "dnp",
    },
    {
      phrases: [
        "fitted",
        "fit",
        "populate",
        "populated",
        "place",
        "placed",
        "stuff",
        "stuffed",
        "mounted",
        "install",
        "installed",
        "assemble",
        "assembled",
      ],
      score: 1,
      polarity: "fitted",
    },
    { phrases: ["mount"], score: 0.6, ambiguous: true, polarity: "fitted" },
    // KiBot's "Status" holds "DNF"/"DNC" markers; elsewhere "Status" may be a lifecycle.
    {
      phrases: ["status", "fit status", "fitted status", "dnp status"],
      score: 0.5,
      ambiguous: true,
      polarity: "marker",
    },
  ],
  link: [
    {
      phrases: [
        "datasheet",
        "data sheet",
        "datasheet url",
        "datasheet link",
        "link",
        "url",
        "pdf",
        "documentation",
        "product url",
        "product link",
      ],
      score: 1,
    },
  ],
  mount_type: [
    {
      phrases: [
        "mount type",
        "mounting type",
        "mounting",
        "mounting style",
        "mounting technology",
        "smd tht",
        "smt tht",
      ],
      score: 1,
    },
  ],
  // Cofactr's own importer reads a custom-part column (yes/no: a part of your own design).
  is_custom_part: [
    { phrases: ["is custom part", "custom part", "custom parts", "custom component"], score: 1 },
  ],
  comments: [
    { phrases: ["note", "remark", "memo", "annotation"], score: 0.8 },
    { phrases: ["comment"], score: 0.5, ambiguous: true },
  ],
  distributor_sku: [
    {
      phrases: [
        ...DISTRIBUTORS.flatMap((dist) => [
          dist,
          ...SKU_SUFFIXES.map((suffix) => `${dist} ${suffix}`),
        ]),
        ...GENERIC_SELLERS.flatMap((seller) =>
          ["part number", "pn", "sku", "number", "order code"].map(
            (suffix) => `${seller} ${suffix}`,
          ),
        ),
        "sku",
        "spn",
        "vpn",
        "order code",
        "supplier part",
        "cat number",
      ],
      score: 1,
    },
  ],
};

const TABLE = new Map<string, HeaderMatch[]>();
for (const [field, specs] of Object.entries(SPECS) as [BomField, AliasSpec[]][]) {
  for (const spec of specs) {
    for (const phrase of spec.phrases) {
      const key = normalizeHeader(phrase);
      const list = TABLE.get(key) ?? [];
      // The first (strongest) spec of a field wins for a phrase listed twice.
      if (list.some((match) => match.field === field)) continue;
      list.push({
        field,
        score: spec.score,
        ambiguous: spec.ambiguous ?? false,
        index: null,
        ...(spec.polarity ? { polarity: spec.polarity } : {}),
      });
      TABLE.set(key, list);
    }
  }
}

const QUANTITY_EXCLUDED = new Set([
  "available",
  "stock",
  "price",
  "cost",
  "moq",
  "minimum",
  "min",
  "multiple",
  "hand",
  "break",
  "pack",
  "package",
  "reel",
]);
const NOT_DESIGNATOR_CONTEXT = new Set([
  "customer",
  "order",
  "supplier",
  "vendor",
  "manufacturer",
  "mfr",
  "distributor",
  "internal",
  "price",
]);
const QUANTITY_WORDS = new Set([
  "qty",
  "quantity",
  "qnty",
  "quantite",
  "quantité",
  "menge",
  "anzahl",
]);
const DNP_WORDS = new Set(["dnp", "dnf", "dns", "dni", "nopop", "nofit"]);
const SKU_WORDS = new Set([
  "part",
  "number",
  "pn",
  "sku",
  "code",
  "order",
  "cat",
  "catalog",
  "vpn",
  "id",
]);
const NUMBER_WORDS = new Set(["number", "pn", "part", "code"]);
const LINK_WORDS = new Set(["link", "url", "href", "webpage", "website"]);
const PICTURE_WORDS = new Set(["image", "picture", "photo", "thumbnail", "img"]);
/** Maker words long enough to be the noun of a header ("man", "mf" are too short to tell). */
const MAKER_NOUNS = new Set(["manufacturer", "mfr", "mfg", "manuf", "maker", "brand"]);

/** Rules for headers the table does not list word for word. */
function compositeMatches(tokens: string[]): HeaderMatch[] {
  const found: HeaderMatch[] = [];
  const add = (field: BomField, score: number) =>
    found.push({ field, score, ambiguous: false, index: null });
  const first = tokens[0] ?? "";
  const rest = tokens.slice(1);
  if (MANUFACTURER_WORDS.includes(first) && rest.some((token) => NUMBER_WORDS.has(token))) {
    add("mpn", 0.85);
  }
  const distLength = DISTRIBUTORS.map((d) => d.split(" ")).find(
    (words) => words.every((word, i) => tokens[i] === word) && tokens.length > words.length,
  )?.length;
  if (distLength && tokens.slice(distLength).every((token) => SKU_WORDS.has(token))) {
    add("distributor_sku", 0.9);
  }
  // "Requested Quantity 1", "Order Qty.", "Qty per board": a quantity word, no price or stock word.
  if (tokens.some((t) => QUANTITY_WORDS.has(t)) && !tokens.some((t) => QUANTITY_EXCLUDED.has(t))) {
    add("quantity", first === "qty" || first === "quantity" ? 0.8 : 0.7);
  }
  // "MASTER DNP", "DNP variant A": a do-not-place word among others.
  if (tokens.some((t) => DNP_WORDS.has(t))) add("do_not_place", 0.8);
  if (tokens.length > 1 && tokens[tokens.length - 1] === "key") add("custom_id", 0.6);
  if (tokens.includes("datasheet")) add("link", 0.8);
  // "LCSC Link", "Product page URL": a link word, not one to a picture.
  else if (tokens.some((t) => LINK_WORDS.has(t)) && !tokens.some((t) => PICTURE_WORDS.has(t))) {
    add("link", 0.8);
  }
  // "Part Manufacturer", "Component Mfr": the maker word is the last, the noun the header names.
  const last = tokens[tokens.length - 1] ?? "";
  if (tokens.length > 1 && MAKER_NOUNS.has(last)) add("manufacturer_name", 0.85);
  // "PCB Reference", "Schematic Designators": a designator word, not about an order or a maker.
  if (
    tokens.some((t) => t === "designator" || t === "reference" || t === "refdes") &&
    !tokens.some((t) => NOT_DESIGNATOR_CONTEXT.has(t))
  ) {
    add("reference_designators", 0.8);
  }
  // "Supplier and ref", "Vendor code": a seller word and a code word.
  if (
    tokens.some((t) => GENERIC_SELLERS.includes(t)) &&
    tokens.some((t) => SKU_WORDS.has(t) || t === "ref" || t === "reference")
  ) {
    add("distributor_sku", 0.85);
  }
  if (
    tokens.includes("description") &&
    !tokens.some((t) => ["package", "link", "pin"].includes(t))
  ) {
    add("description", 0.7);
  }
  return found;
}

const MAX_HEADER_TEXT = 80;
const cache = new Map<string, HeaderMatch[]>();
const CACHE_LIMIT = 5000;

/** Every field the header could name, best first. */
export function matchHeader(raw: string): HeaderMatch[] {
  // Headers are a few words; a long cell names no field (and is not worth normalising).
  if (raw.length > MAX_HEADER_TEXT) return [];
  let matches = cache.get(raw);
  if (!matches) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    matches = computeMatches(raw);
    cache.set(raw, matches);
  }
  return matches.map((match) => ({ ...match }));
}

const LANGUAGE_NAMES: Record<string, string> = {
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  pl: "Polish",
  cs: "Czech",
  sv: "Swedish",
  ru: "Russian",
  zh: "Chinese",
  ja: "Japanese",
  ko: "Korean",
  en: "English",
};

function languageOf(lang: string): string {
  return lang
    .split(",")
    .map((code) => LANGUAGE_NAMES[code.trim()] ?? code)
    .join("/");
}

/** The English table and the multilingual lexicon, for one normalized phrase. */
function lookup(phrase: string, raw: string): HeaderMatch[] {
  const found = new Map<BomField, HeaderMatch>();
  for (const match of TABLE.get(phrase) ?? []) {
    found.set(match.field, {
      ...match,
      reason: `header "${raw.trim()}" names ${FIELD_LABELS[match.field]}`,
    });
  }
  for (const word of HEADER_WORD_INDEX.get(phrase) ?? []) {
    const known = found.get(word.field);
    if (known && known.score >= word.score) continue;
    found.set(word.field, {
      field: word.field,
      score: word.score,
      ambiguous: word.ambiguous ?? false,
      index: null,
      ...(word.polarity ? { polarity: word.polarity } : {}),
      reason: `header "${raw.trim()}" = ${FIELD_LABELS[word.field]} (${languageOf(word.lang)})`,
    });
  }
  return [...found.values()];
}

/** Every phrase the lexicon knows, for typo matching ("Manufacter", "Qunatity"). */
const VOCABULARY: string[] = [...new Set([...TABLE.keys(), ...HEADER_WORD_INDEX.keys()])];

/** A misspelt header: one edit away from a known phrase of 5+ letters, two from one of 9+. */
function typoMatches(phrase: string, raw: string): HeaderMatch[] {
  // Typos are looked for in short headers only: a data cell read while looking for the header
  // row ("Part 17, general purpose") is not compared with the whole vocabulary.
  if (phrase.length < 5 || phrase.length > 30 || phrase.split(" ").length > 3) return [];
  for (const known of VOCABULARY) {
    if (Math.abs(known.length - phrase.length) > 2 || known.length < 5) continue;
    const allowed = known.length >= 9 ? 2 : 1;
    if (!editDistanceAtMost(phrase, known, allowed)) continue;
    return lookup(known, raw).map((match) => ({
      ...match,
      score: match.score * 0.85,
      reason: `header "${raw.trim()}" ≈ "${known}" (a misspelling) names ${FIELD_LABELS[match.field]}`,
    }));
  }
  return [];
}

/** A header is split at "/" or "|" into at most this many alternatives. */
const MAX_ALTERNATIVES = 4;

/**
 * "Manufacturer / Source", "Part Number / Identifier", "型号 / 规格": a header that offers
 * alternative names for one column names what its parts name, each a little less surely.
 */
function alternativeMatches(raw: string): HeaderMatch[] {
  const parts = raw.split(/[/|]/).map((part) => part.trim());
  if (parts.length < 2 || parts.length > MAX_ALTERNATIVES) return [];
  const best = new Map<BomField, HeaderMatch>();
  for (const part of parts) {
    const normalized = normalizeHeader(part);
    if (normalized === "") continue;
    for (const match of lookup(normalized, raw)) {
      const known = best.get(match.field);
      if (known && known.score >= match.score * 0.85) continue;
      best.set(match.field, {
        ...match,
        score: match.score * 0.85,
        reason: `header "${raw.trim()}" offers "${part}", which names ${FIELD_LABELS[match.field]}`,
      });
    }
  }
  return [...best.values()];
}

function computeMatches(raw: string): HeaderMatch[] {
  const normalized = normalizeHeader(raw);
  if (normalized === "") return [];
  let matches = lookup(normalized, raw);
  if (matches.length === 0) {
    const { base, index } = splitHeaderIndex(normalized);
    if (base !== normalized && base !== "") {
      matches = lookup(base, raw).map((match) => ({
        ...match,
        score: match.score * 0.85,
        index,
        reason: `header "${raw.trim()}" names ${FIELD_LABELS[match.field]} (copy ${index})`,
      }));
    }
  }
  if (matches.length === 0) matches = alternativeMatches(raw);
  if (matches.length === 0) matches = typoMatches(normalized, raw);
  if (matches.length === 0) {
    matches = compositeMatches(headerTokens(raw)).map((match) => ({
      ...match,
      reason: `header "${raw.trim()}" contains words of ${FIELD_LABELS[match.field]}`,
    }));
  }
  return matches.sort((a, b) => b.score - a.score);
}
