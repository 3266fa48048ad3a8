/**
 * What a file is, from its bytes (never its name): an Office Open XML workbook (XLSX/XLSM, also
 * when saved under a .csv name), text, or a format this reader cannot take, with a message that
 * says how to convert it.
 */
import { utf16Layout } from "./decode";

export interface UnsupportedFormat {
  kind: "unsupported";
  format: string;
  /** What the file is and how to convert it into something readable. */
  message: string;
}

export type SniffedFormat = { kind: "xlsx" } | { kind: "text" } | UnsupportedFormat;

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const SAVE_AS =
  "Open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV.";

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((byte, i) => bytes[i] === byte);
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function utf16leBytes(text: string): number[] {
  return Array.from(text).flatMap((char) => [char.charCodeAt(0), 0]);
}

/** Whether `needle` occurs in `bytes` (a plain scan: linear in the file for these short needles). */
function containsBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function sniffZip(bytes: Uint8Array): SniffedFormat {
  // ZIP entry names are stored uncompressed, in each local header and in the central directory.
  if (containsBytes(bytes, asciiBytes("xl/workbook.xml"))) return { kind: "xlsx" };
  if (containsBytes(bytes, asciiBytes("xl/workbook.bin"))) {
    return {
      kind: "unsupported",
      format: "xlsb",
      message: `This is an Excel Binary Workbook (.xlsb), which cannot be read here. ${SAVE_AS}`,
    };
  }
  if (containsBytes(bytes, asciiBytes("application/vnd.oasis.opendocument.spreadsheet"))) {
    return {
      kind: "unsupported",
      format: "ods",
      message: `This is an OpenDocument spreadsheet (.ods), which cannot be read here. ${SAVE_AS}`,
    };
  }
  return {
    kind: "unsupported",
    format: "zip",
    message:
      "This is a ZIP archive but not an Excel workbook (no xl/workbook.xml inside). Unpack it, or export the BOM as .xlsx or CSV.",
  };
}

function sniffOle2(bytes: Uint8Array): SniffedFormat {
  // Office encrypts a password-protected .xlsx into an OLE2 container with this stream.
  if (containsBytes(bytes, utf16leBytes("EncryptedPackage"))) {
    return {
      kind: "unsupported",
      format: "encrypted",
      message:
        "This workbook is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again as .xlsx.",
    };
  }
  if (containsBytes(bytes, utf16leBytes("WordDocument"))) {
    return {
      kind: "unsupported",
      format: "doc",
      message:
        "This is a Word document (.doc), not a spreadsheet. Copy the BOM table into Excel and save it as .xlsx or CSV.",
    };
  }
  return {
    kind: "unsupported",
    format: "xls",
    message: `This is a legacy Excel 97-2003 workbook (.xls), which cannot be read here. ${SAVE_AS}`,
  };
}

/** Bytes that text never holds: a few NULs mean a binary file (UTF-16 is decided before this). */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 4096);
  let nuls = 0;
  for (let i = 0; i < length; i++) if (bytes[i] === 0) nuls++;
  return nuls > Math.max(2, length / 100);
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return sniffZip(bytes);
  if (startsWith(bytes, OLE2_SIGNATURE)) return sniffOle2(bytes);
  if (startsWith(bytes, asciiBytes("%PDF-"))) {
    return {
      kind: "unsupported",
      format: "pdf",
      message:
        "This is a PDF, not a spreadsheet. Export the BOM from its design tool as CSV or .xlsx.",
    };
  }
  if (utf16Layout(bytes) === null && looksBinary(bytes)) {
    return {
      kind: "unsupported",
      format: "binary",
      message:
        "This file is binary, neither text (CSV, TSV, a part list) nor an Excel workbook. Export the BOM as CSV or .xlsx.",
    };
  }
  return { kind: "text" };
}

/** How far into decoded text to look for the signs of a web page or an XML spreadsheet. */
const MARKUP_SNIFF_CHARS = 4096;

/**
 * Text that is markup, not a table of text: an HTML page or an Excel 2003 XML spreadsheet (web
 * tools and old exporters save both with an .xls name). Null for ordinary text.
 */
export function sniffMarkup(text: string): UnsupportedFormat | null {
  const start = text.slice(0, MARKUP_SNIFF_CHARS).trimStart().toLowerCase();
  if (!start.startsWith("<")) return null;
  if (start.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return {
      kind: "unsupported",
      format: "xml-spreadsheet",
      message: `This is an Excel 2003 XML Spreadsheet, which cannot be read here. ${SAVE_AS}`,
    };
  }
  if (start.includes("<html") || start.includes("<table") || start.includes("<!doctype html")) {
    return {
      kind: "unsupported",
      format: "html",
      message: `This is a web page (HTML), as some web tools save under an .xls name, not a spreadsheet file. ${SAVE_AS}`,
    };
  }
  return null;
}
