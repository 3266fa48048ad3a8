/**
 * Reference designators: splitting a cell into refs (ranges like R1-R4, R1-4, R1..R4,
 * "R5 to R10", C17/18 expanded) and compressing refs back into ranges for display.
 */

export interface RefdesExpansion {
  refs: string[];
  /** Human-readable problems: broken ranges, duplicates. The input never throws. */
  problems: string[];
}

/** Ranges wider than this are reported rather than expanded (a typo like R1-R100000). */
export const MAX_RANGE_SIZE = 1000;
/** No board has more parts on one line: a cell that expands further is not a designator list. */
export const MAX_REFS_PER_CELL = 5000;

const SEPARATORS = /[,;\s]+/;
const PLUS_JOINED = /^[A-Z]+\d+(?:\+[A-Z]+\d+)+$/i;

/**
 * The tokens of a designator cell: split at commas, semicolons and spaces, and at "+" between
 * whole designators ("C5+C9+C10" in hand-made sheets; "CHG+1" stays one name).
 */
export function refdesTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of text.split(SEPARATORS)) {
    if (token === "") continue;
    if (token.includes("+") && PLUS_JOINED.test(token)) tokens.push(...token.split("+"));
    else tokens.push(token);
  }
  return tokens;
}
const CONNECTORS = new Set(["-", "–", "—", "..", "...", "->", "to", "thru", "through", "~"]);
const RANGE = /^([A-Z]+)(\d+)(?:[-–—~]|\.\.\.?|->)([A-Z]*)(\d+)$/i;
const SLASH_LIST = /^([A-Z]+)(\d+)((?:[/\\][A-Z]*\d+)+)$/i;
const NUMBERED = /^([A-Z]+)(0|[1-9]\d*)$/i;
const SIMPLE_REF = /^[A-Z]+\d+$/i;

function numberText(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** "R 1, R 2": a prefix typed apart from its number is one reference (not "to 7" though). */
function joinSplitPrefixes(tokens: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = tokens[i + 1];
    if (
      next !== undefined &&
      /^[A-Z]{1,4}$/i.test(token) &&
      /^\d+$/.test(next) &&
      !CONNECTORS.has(token.toLowerCase())
    ) {
      joined.push(token + next);
      i++;
    } else joined.push(token);
  }
  return joined;
}

/** Joins "R5", "to", "R10" and "R5-", "R10" back into one range token. */
function joinConnectors(tokens: string[], problems: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const previous = joined[joined.length - 1];
    if (token.length <= 7 && CONNECTORS.has(token.toLowerCase())) {
      const next = tokens[i + 1];
      if (previous === undefined || next === undefined) {
        problems.push(`"${token}" has no reference on one side`);
        continue;
      }
      joined[joined.length - 1] = `${previous}-${next}`;
      i++;
    } else if (/(?:-|\.\.)$/.test(token) && /^[A-Z]+\d+(?:-|\.\.)$/i.test(token) && tokens[i + 1]) {
      joined.push(`${token.replace(/(?:-|\.\.)$/, "")}-${tokens[i + 1]}`);
      i++;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

function expandRange(token: string, match: RegExpMatchArray, problems: string[]): string[] {
  const [, prefix = "", startText = "", endPrefix = "", endText = ""] = match;
  if (endPrefix !== "" && endPrefix.toLowerCase() !== prefix.toLowerCase()) {
    problems.push(`"${token}" is not a range: it mixes prefixes ${prefix} and ${endPrefix}`);
    return [token];
  }
  const start = Number(startText);
  const end = Number(endText);
  if (end < start) {
    problems.push(`"${token}" is a descending range`);
    return [token];
  }
  if (end - start + 1 > MAX_RANGE_SIZE) {
    problems.push(`"${token}" spans ${end - start + 1} references (more than ${MAX_RANGE_SIZE})`);
    return [token];
  }
  const width = startText.length > 1 && startText.startsWith("0") ? startText.length : 0;
  const refs: string[] = [];
  for (let n = start; n <= end; n++) refs.push(prefix + numberText(n, width));
  return refs;
}

function expandSlashList(token: string, match: RegExpMatchArray, problems: string[]): string[] {
  const [, prefix = "", first = "", tail = ""] = match;
  const refs = [prefix + first];
  for (const part of tail.split(/[/\\]/).slice(1)) {
    const [, partPrefix = "", digits = ""] = /^([A-Z]*)(\d+)$/i.exec(part) ?? [];
    if (partPrefix !== "" && partPrefix.toLowerCase() !== prefix.toLowerCase()) {
      problems.push(`"${token}" mixes prefixes ${prefix} and ${partPrefix}`);
      return [token];
    }
    refs.push(prefix + digits);
  }
  return refs;
}

/** Splits a refdes cell into single references. */
export function expandRefdes(
  text: string,
  options: { slashLists?: boolean } = {},
): RefdesExpansion {
  const problems: string[] = [];
  const tokens = joinConnectors(joinSplitPrefixes(refdesTokens(String(text ?? ""))), problems);
  const refs: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    // The common case, a plain "R12", needs none of the range patterns.
    if (SIMPLE_REF.test(token)) {
      const key = token.toUpperCase();
      if (seen.has(key)) problems.push(`${token} is listed twice`);
      else {
        seen.add(key);
        refs.push(token);
      }
      continue;
    }
    const range = RANGE.exec(token);
    const slash = range || options.slashLists === false ? null : SLASH_LIST.exec(token);
    const expanded = range
      ? expandRange(token, range, problems)
      : slash
        ? expandSlashList(token, slash, problems)
        : [token];
    for (const ref of expanded) {
      if (refs.length >= MAX_REFS_PER_CELL) {
        problems.push(
          `more than ${MAX_REFS_PER_CELL} references: the rest of the cell is not read`,
        );
        return { refs, problems };
      }
      const key = ref.toUpperCase();
      if (seen.has(key)) {
        problems.push(`${ref} is listed twice`);
        continue;
      }
      seen.add(key);
      refs.push(ref);
    }
  }
  return { refs, problems };
}

/** One collator for every comparison: localeCompare builds one per call, 100× slower. */
const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

/** Refs back to a short form: runs of three or more become ranges ("R1-R4, R7, R9"). */
export function compressRefdes(refs: readonly string[]): string {
  const numbered = new Map<string, Set<number>>();
  const literals: string[] = [];
  for (const ref of refs) {
    const match = NUMBERED.exec(ref);
    if (match) {
      const [, prefix = "", digits = ""] = match;
      const set = numbered.get(prefix) ?? new Set<number>();
      set.add(Number(digits));
      numbered.set(prefix, set);
    } else if (!literals.includes(ref)) {
      literals.push(ref);
    }
  }
  const parts: { key: string; text: string }[] = [];
  for (const [prefix, set] of numbered) {
    const numbers = [...set].sort((a, b) => a - b);
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
      const first = numbers[i] as number;
      const last = numbers[j] as number;
      if (j - i >= 2) {
        parts.push({ key: `${prefix}${first}`, text: `${prefix}${first}-${prefix}${last}` });
      } else {
        for (let k = i; k <= j; k++)
          parts.push({ key: `${prefix}${numbers[k]}`, text: `${prefix}${numbers[k]}` });
      }
      i = j + 1;
    }
  }
  for (const literal of literals) parts.push({ key: literal, text: literal });
  return parts
    .sort((a, b) => naturalCompare(a.key, b.key))
    .map((part) => part.text)
    .join(", ");
}
