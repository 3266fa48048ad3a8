/**
 * Header text normalization: "Mfr. Part #", "MFR_PART_NO" and "mfr part number" all become
 * "mfr part number", so one alias covers every spelling.
 */

/** Abbreviations that mean "number" ("no" only at the end: "No Pop" is not a number). */
const NUMBER_WORDS = new Set(["num", "nr", "nbr", "nº", "numb", "n°"]);

/** Words whose trailing "s" is not a plural. */
const KEEP_S = /(?:ss|us|is|pcs|ds|qs)$/;

function singular(token: string): string {
  if (token.length > 3 && token.endsWith("s") && !KEEP_S.test(token)) return token.slice(0, -1);
  return token;
}

/** Lowercased word tokens of a header, punctuation dropped, plurals and "no"/"#" unified. */
export function headerTokens(raw: string): string[] {
  let text = raw.normalize("NFKC").trim();
  // camelCase and lower→UPPER boundaries: "LibPart" → "Lib Part", "HelpURL" → "Help URL".
  text = text.replace(/([a-z])([A-Z])/g, "$1 $2");
  text = text.toLowerCase();
  text = text.replace(/\(s\)/g, "s");
  text = text.replace(/['’]s\b/g, "");
  text = text.replace(/\bp\s*\/\s*n\b/g, "pn").replace(/\bm\s*\/\s*f\b/g, "mf");
  text = text.replace(/#/g, " number ");
  // "Manufacturer1" → "manufacturer 1": a trailing index belongs apart.
  text = text.replace(/(\p{L}{2,})(\d+)(?=\P{L}|$)/gu, "$1 $2");
  const tokens = text.split(/[^\p{L}\p{N}+]+/u).filter((token) => token !== "");
  return tokens.map((token, i) => {
    const next = tokens[i + 1];
    const isNumberWord =
      NUMBER_WORDS.has(token) || (token === "no" && (next === undefined || /^\d+$/.test(next)));
    return isNumberWord ? "number" : singular(token);
  });
}

export function normalizeHeader(raw: string): string {
  return headerTokens(raw).join(" ");
}

/**
 * The header without its index numbers ("manufacturer 1 part number" → "manufacturer part
 * number", index 1), so numbered copies of a column match the same alias.
 */
export function splitHeaderIndex(normalized: string): { base: string; index: number | null } {
  const tokens = normalized.split(" ");
  const kept: string[] = [];
  let index: number | null = null;
  for (const token of tokens) {
    if (/^\d{1,2}$/.test(token) && tokens.length > 1) index = Number(token);
    else kept.push(token);
  }
  return { base: kept.join(" "), index };
}

/** Empty headers and spreadsheet/tool placeholders ("Field3", "Column 2", "Unnamed: 4"). */
export function isUnlabelledHeader(raw: string): boolean {
  const normalized = normalizeHeader(raw);
  if (normalized === "") return true;
  return /^(?:field|column|col|unnamed|untitled|header)(?: \d+)*$/.test(normalized);
}
