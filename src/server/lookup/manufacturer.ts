/**
 * Whether the manufacturer a sheet names is the one Cofactr names: "TI" or "Texas Instr." for
 * "Texas Instruments", "Murata" for "Murata Manufacturing", "Wurth" for "Würth Elektronik".
 * Used only to choose among candidates whose MPN already matches exactly, so a generous rule
 * is safe.
 */

import { foldTokens } from "../../core/bom/lexicon/fold";
import { LEGAL_SUFFIXES } from "../../core/bom/lexicon/manufacturers";

/**
 * Company-form and generic words that say nothing about which company it is: the BOM lexicon's
 * company suffixes, and two more it has no use for, as it looks only at a name's end and lists
 * "Murata Manufacturing" as an alias.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set([...LEGAL_SUFFIXES, "manufacturing", "the"]);

/** Names folded as the BOM lexicon folds them: "Würth & Co." → "wurth", "and", "co". */
const words = foldTokens;

/** The words that tell the company: generic words go wherever they stand, but the first. */
function distinctive(all: string[]): string[] {
  // A name starts with its own word, be it a company form too ("AB Connectors", "SE Spezial").
  const kept = all.filter((word, i) => !GENERIC_WORDS.has(word) || (i === 0 && word !== "the"));
  return kept.length > 0 ? kept : all;
}

function initials(all: string[]): string {
  return all.map((word) => word[0] ?? "").join("");
}

/** `short`'s words, in order, are each a prefix (≥2 letters, or whole) of `long`'s words. */
function isWordPrefixSequence(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  for (let offset = 0; offset + short.length <= long.length; offset += 1) {
    const fits = short.every((word, index) => {
      const target = long[offset + index] ?? "";
      return word === target || (word.length >= 2 && target.startsWith(word));
    });
    if (fits) return true;
  }
  return false;
}

function oneWayMatch(given: string[], known: string[]): boolean {
  const givenCore = distinctive(given);
  const knownCore = distinctive(known);
  if (isWordPrefixSequence(givenCore, knownCore)) return true;
  // An acronym typed as one word: "TI", "ADI", "TDK"-style initials.
  const acronym = given.length === 1 ? (given[0] ?? "") : "";
  if (acronym.length >= 2 && acronym.length <= 5) {
    if (acronym === initials(known) || acronym === initials(knownCore)) return true;
  }
  // Names written together or apart: "onsemi" / "ON Semi", "STMicro" / "ST Micro".
  const givenJoined = givenCore.join("");
  const knownJoined = knownCore.join("");
  return givenJoined.length >= 2 && knownJoined.startsWith(givenJoined);
}

export function manufacturerMatches(given: string, known: string | null | undefined): boolean {
  if (!known) return false;
  const a = words(given);
  const b = words(known);
  if (a.length === 0 || b.length === 0) return false;
  return oneWayMatch(a, b) || oneWayMatch(b, a);
}
