/**
 * Bytes of a text export into a string: the encoding from a byte-order mark, else from the
 * pattern of NUL bytes (UTF-16 without a mark), else UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252 (what old Windows tools write: £ µ ° ± as single bytes).
 */

type Utf16 = "utf-16le" | "utf-16be";
export type TextEncodingName = "utf-8" | Utf16 | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes started with a byte-order mark (dropped from `text`). */
  byteOrderMark: boolean;
}

/** How many leading bytes the NUL-pattern test looks at: enough for a few lines. */
const SNIFF_BYTES = 4096;

/**
 * UTF-16 text without a byte-order mark shows as ASCII characters paired with NUL bytes: NULs at
 * odd offsets for little-endian, at even offsets for big-endian.
 */
function utf16FromNulPattern(bytes: Uint8Array): Utf16 | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  // Most characters of a BOM are ASCII, so most pairs carry one NUL on the same side.
  if (oddNuls >= pairs * 0.4 && evenNuls <= pairs * 0.05) return "utf-16le";
  if (evenNuls >= pairs * 0.4 && oddNuls <= pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1). Mapped here rather than
 * by TextDecoder, which some runtimes (jsdom) treat as plain Latin-1 and lose the € and quotes.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** C1 controls (U+0080-U+009F) a plain Latin-1 decoding leaves where Windows-1252 has text. */
const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(C1_CONTROLS, (char) =>
      String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] as number),
    );
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, fatal = false): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  // ignoreBOM: the mark is removed by the caller, who knows whether it was there.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/** UTF-16 by its byte-order mark or by its NUL pattern, else null. */
export function utf16Layout(bytes: Uint8Array): Utf16 | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return utf16FromNulPattern(bytes);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith("utf-8", bytes.subarray(3)), encoding: "utf-8", byteOrderMark: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeWith("utf-16le", bytes.subarray(2));
    return { text, encoding: "utf-16le", byteOrderMark: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeWith("utf-16be", bytes.subarray(2));
    return { text, encoding: "utf-16be", byteOrderMark: true };
  }
  const utf16 = utf16FromNulPattern(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16, byteOrderMark: false };
  try {
    return { text: decodeWith("utf-8", bytes, true), encoding: "utf-8", byteOrderMark: false };
  } catch {
    return {
      text: decodeWith("windows-1252", bytes),
      encoding: "windows-1252",
      byteOrderMark: false,
    };
  }
}

/** The text of a file, whatever its encoding (see `decodeBytes`). */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}
