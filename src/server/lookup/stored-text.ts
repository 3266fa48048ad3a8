/**
 * Text as the lookup cache stores it, and what it costs. V8 keeps a string whose characters all
 * fit in Latin-1 at one byte per character, and any other string at two: JSON written with every
 * character above U+00FF escaped ("Ω" as "\u03a9") stays one-byte and parses back unchanged.
 */

/** Above Latin-1: a string holding any of these is stored two bytes per character. */
const WIDE_CHARACTERS = /[\u0100-\uffff]/g;
const HAS_WIDE_CHARACTER = new RegExp(WIDE_CHARACTERS.source);

/** Heap bytes of a string beyond its characters (V8's header, rounded up). */
const STRING_HEADER_BYTES = 24;

/**
 * What one cache entry costs beyond its key and value text: lru-cache's slots (key, value,
 * size, links and two timestamps per entry), its Map's share of the hash table, and the
 * headroom arrays keep when they grow. Measured: see part-cache-bytes.test.ts.
 */
export const ENTRY_OVERHEAD_BYTES = 160;

/** `value` as JSON text that V8 stores one byte per character. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value).replace(WIDE_CHARACTERS, escapeCharacter);
}

/** Heap bytes of one cache entry: its key, its text and the cache's own bookkeeping. */
export function storedBytes(entryKey: string, text: string): number {
  return stringBytes(entryKey) + stringBytes(text) + ENTRY_OVERHEAD_BYTES;
}

function stringBytes(text: string): number {
  const perCharacter = HAS_WIDE_CHARACTER.test(text) ? 2 : 1;
  return STRING_HEADER_BYTES + perCharacter * text.length;
}

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
