/**
 * Folding of names for lookup: lower case, accents and apostrophes dropped, "&" read as "and",
 * split into letter/digit words ("Würth Elektronik eiSos GmbH & Co. KG" → "wurth", "elektronik",
 * "eisos", "gmbh", "and", "co", "kg"). Letters of every script are kept (厚声).
 */

const ASCII = /^[\x20-\x7e]*$/;

/** The text folded, separators kept: "Würth & Co." → "wurth +and+ co.". */
export function foldText(text: string): string {
  // Most cells are plain ASCII: skip the Unicode decomposition for them.
  const base = ASCII.test(text) ? text : text.normalize("NFKD").replace(/\p{M}/gu, "");
  return base.toLowerCase().replace(/ß/g, "ss").replace(/&/g, "+and+").replace(/['’`]/g, "");
}

/** The letter/digit words of already folded text. */
export function splitFolded(folded: string): string[] {
  const parts = ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u);
  return parts.filter((token) => token !== "");
}

export function foldTokens(text: string): string[] {
  return splitFolded(foldText(text));
}
