/**
 * Folding of names for lookup: lower case, accents and apostrophes dropped, "&" read as "and",
 * split into letter/digit words ("Würth Elektronik eiSos GmbH & Co. KG" → würth… → "wurth",
 * "elektronik", "eisos", "gmbh", "and", "co", "kg"). Letters of every script are kept (厚声).
 */
export function foldTokens(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "");
  return folded.split(/[^\p{L}\p{N}]+/u).filter((token) => token !== "");
}
