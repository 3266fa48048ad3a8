/** Do-not-place: reading a DNP/fitted cell with the right polarity, and literal "DNP" markers. */
import type { DnpPolarity } from "./aliases";

const TRUE_WORDS = new Set(["yes", "y", "x", "1", "true", "✓", "✔", "ja", "oui", "si", "*"]);
const FALSE_WORDS = new Set(["no", "n", "0", "false", "-", "nein", "non"]);
const DNP_WORDS =
  /^(?:dnp|dnf|dns|dni|nopop|no pop|np|nf|not fitted|not placed|not populated|not mounted|not stuffed|not installed|do not (?:place|fit|stuff|populate|mount|install)|excluded?|omit(?:ted)?)$/;
const FITTED_WORDS =
  /^(?:fitted|fit|placed|place|populated?|stuffed?|mounted|installed?|assembled?|dnc)$/;

export interface DnpReading {
  /** True when the part is not placed. */
  dnp: boolean;
  /** False when the cell's word was not understood (the reading is then a default). */
  recognised: boolean;
}

function simplify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

/** True when the cell is a word a DNP or fitted column uses (yes/no/x/DNP/fitted…). */
export function isDnpVocabulary(text: string): boolean {
  // The longest DNP phrase is "do not populate": longer cells are never DNP marks.
  if (text.length > 32) return false;
  const word = simplify(text);
  return (
    word === "" ||
    TRUE_WORDS.has(word) ||
    FALSE_WORDS.has(word) ||
    DNP_WORDS.test(word) ||
    FITTED_WORDS.test(word)
  );
}

/**
 * A do-not-place phrase inside free text, in the languages BOM notes are written in: "just a
 * footprint, not populated", "DNP for rev B", "nicht bestücken", "ne pas monter", "no montar".
 */
const DNP_PHRASE =
  /(?:^|[^\p{L}\p{N}])(?:(?:dnp|dnf|dns|dni|nopop|no pop|no stuff|unpopulated|unplaced|unfitted)(?![\p{L}\p{N}])|not (?:be )?(?:fitted|placed|populated|mounted|stuffed|installed|assembled)|do(?:n't| not) (?:place|fit|stuff|populate|mount|install|assemble)|nicht (?:bestück|bestueck|montier|platzier)|unbestückt|ne pas (?:monter|placer|peupler)|non (?:monté|placé|peuplé|montat|popolat)|no (?:montar|poblar|colocar|montad))|不贴|不焊|不上件|未贴/u;

/** Longer text is read only this far for a do-not-place phrase. */
const MAX_NOTE_SCAN = 400;

/** True when free text says the part is not placed ("footprint only, not populated"). */
export function mentionsDnp(text: string): boolean {
  return DNP_PHRASE.test(simplify(text.slice(0, MAX_NOTE_SCAN)));
}

/** A mark only a placement column holds ("DNP", "not fitted", "populated"), unlike a bare yes/no. */
export function isPlacementMark(text: string): boolean {
  if (text.length > 32) return false;
  const word = simplify(text);
  return DNP_WORDS.test(word) || FITTED_WORDS.test(word);
}

/** Reads one cell of a do-not-place column whose header has the given polarity. */
export function readDnpCell(text: string, polarity: DnpPolarity): DnpReading {
  const word = simplify(text);
  if (word === "") return { dnp: false, recognised: true };
  if (DNP_WORDS.test(word)) return { dnp: true, recognised: true };
  if (FITTED_WORDS.test(word)) return { dnp: false, recognised: true };
  // A notes column ("Notes", "Status"): a DNP phrase marks the part, other text is a note;
  // a bare yes/no says nothing there, since nothing tells which way it points.
  if (polarity === "marker") {
    if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) return { dnp: false, recognised: false };
    return { dnp: mentionsDnp(text), recognised: true };
  }
  if (polarity === "dnp") {
    if (TRUE_WORDS.has(word)) return { dnp: true, recognised: true };
    if (FALSE_WORDS.has(word)) return { dnp: false, recognised: true };
    // KiCost's rule: anything else written in a DNP column marks the part as not placed.
    return { dnp: true, recognised: false };
  }
  if (polarity === "fitted") {
    if (TRUE_WORDS.has(word)) return { dnp: false, recognised: true };
    if (FALSE_WORDS.has(word)) return { dnp: true, recognised: true };
  }
  return { dnp: false, recognised: false };
}

/** A yes/no cell ("yes", "x", "1", "true" / "no", "0", "-"): true, false, or null if neither. */
export function readYesNo(text: string): boolean | null {
  const word = simplify(text);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word) || word === "") return false;
  return null;
}

/** "DNP" written into a value cell ("DNP", "10k DNP", "DNF"). */
export function hasDnpMarker(text: string): boolean {
  return /(?:^|[\s,;/()[\]])(?:dnp|dnf|dns|nopop|do not (?:place|fit|populate|stuff))(?=$|[\s,;/()[\]])/i.test(
    text,
  );
}

/** A cell that is nothing but a DNP word ("DNP", "do not place"), e.g. in an MPN column. */
export function isDnpWord(text: string): boolean {
  // Every DNP word starts with d, n, e or o: most cells are rejected without any copying.
  if (text.length > 24 || !/^\s*[dneo]/i.test(text)) return false;
  return DNP_WORDS.test(simplify(text));
}
