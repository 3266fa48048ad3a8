/**
 * File reading benchmark: 1 MB inputs of very different shapes through readBomFileBytes (sniff,
 * decode, delimiter choice, fixed-width detection, parse): ordinary CSV, a fixed-width part
 * list, UTF-16 TSV, and hostile content (random bytes, one huge line, nothing but quotes or
 * spaces, ragged delimiters).
 * Usage: npm run bench:files [-- --json] [--runs N]
 * The last line is {"<input>": ms, ..., "max_ms"} (ms: median CPU time of the runs).
 */
import { readBomFileBytes } from "../src/core/bom/files";

const SIZE = 1 << 20;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `unit` repeated to 1 MB. */
function repeated(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

function randomBytes(): Uint8Array {
  let seed = 7;
  const bytes = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    bytes[i] = seed >>> 16;
  }
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const INPUTS: Record<string, () => Uint8Array> = {
  csv: () => utf8(repeated('12,4,"C1, C2, C3, C4",100nF,GRM188R71H104KA93D,Murata\n')),
  fixed_width: () =>
    utf8(repeated("C12      100nF          C-EUC0603          C0603              rcl      1\n")),
  utf16_tsv: () => {
    const text = repeated("R1, R2\t2\tRC0603FR-0710KL\tYageo\t10 kΩ\r\n");
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le[2 + i * 2] = code & 0xff;
      le[3 + i * 2] = code >> 8;
    }
    return le;
  },
  random_bytes: randomBytes,
  one_line: () => utf8(repeated("10k 0603 1% R1/R2 ")),
  quotes: () => utf8(repeated('"')),
  quote_per_line: () => utf8(repeated('1,"a"b\n')),
  spaces: () => utf8(repeated(" ")),
  spaces_and_newlines: () => utf8(repeated("   a  b\n ")),
  ragged: () => utf8(repeated(",;\t|,\n;;\t\n|||,\n")),
};

function main() {
  const runs = argument("--runs", 3);
  const json = process.argv.includes("--json");
  const summary: Record<string, number> = {};
  for (const [name, make] of Object.entries(INPUTS)) {
    const bytes = make();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      // CPU time of this process: on a shared machine, wall time mostly measures the neighbours.
      const start = process.cpuUsage();
      readBomFileBytes(bytes);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    summary[name] = Math.round((times[Math.floor(times.length / 2)] as number) * 10) / 10;
    if (!json) console.log(`${name}: ${summary[name]} ms (${bytes.length} bytes)`);
  }
  summary.max_ms = Math.max(...Object.values(summary));
  console.log(JSON.stringify(summary));
}

main();
