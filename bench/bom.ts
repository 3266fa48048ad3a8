/**
 * BOM reading benchmark: maps and validates a generated 10,000-line sheet (with a preamble,
 * refdes ranges, DNP rows, alternates and a few bad cells) through readBom.
 * Usage: npm run bench:bom [-- --json] [--lines N] [--runs N]
 * Then an adversarial sheet: 1,000 rows of 5,000-character cells of digits, spaces, slashes and
 * unit letters (what backtracking patterns choke on), read once.
 * With --json, the last line is {"lines", "ms", "adversarial_rows", "adversarial_ms", "peak_rss_mb"}
 * (ms: median of the runs).
 */
import { readBom, type Grid } from "../src/core/bom";

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const MAKERS = ["Texas Instruments", "Murata", "Yageo", "Vishay", "STMicroelectronics", "Samsung"];
const PREFIXES = ["R", "C", "U", "D", "L", "Q", "J"];

/** A deterministic pseudo-random sheet, so every run reads the same cells. */
export function generateSheet(lines: number): Grid {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const grid: Grid = [
    ["Bill of materials", "generated for the benchmark"],
    [],
    [
      "Item",
      "Qty",
      "Reference(s)",
      "Value",
      "Footprint",
      "Description",
      "Manufacturer",
      "MPN",
      "MPN 2",
      "Digi-Key Part Number",
      "DNP",
    ],
  ];
  const next = new Map<string, number>();
  for (let i = 1; i <= lines; i++) {
    const prefix = PREFIXES[i % PREFIXES.length] as string;
    const count = 1 + Math.floor(random() * 6);
    const start = next.get(prefix) ?? 1;
    next.set(prefix, start + count);
    const refs =
      count >= 3 && random() < 0.5
        ? `${prefix}${start}-${prefix}${start + count - 1}`
        : Array.from({ length: count }, (_, k) => `${prefix}${start + k}`).join(", ");
    const mpn = `${prefix}X${Math.floor(random() * 1e6)}-${i}`;
    grid.push([
      i,
      random() < 0.02 ? "#N/A" : count,
      refs,
      `${Math.floor(random() * 100)}k`,
      "R_0603_1608Metric",
      `Part ${i}, ${prefix} family, general purpose`,
      MAKERS[i % MAKERS.length] as string,
      mpn,
      random() < 0.3 ? `${mpn}-ALT` : "",
      `${Math.floor(random() * 1e6)}-ND`,
      random() < 0.05 ? "DNP" : "",
    ]);
  }
  return grid;
}

/** 1,000 rows × 6 cells of 5,000 characters from an alphabet that value and refdes patterns like. */
export function adversarialSheet(rows = 1000, width = 5000): Grid {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = "0123456789 /.,-kKMmunpµFRVΩ%x";
  const cell = () => {
    let text = "";
    while (text.length < width) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  };
  const grid: Grid = [["Qty", "Reference", "Value", "MPN", "Description", "Notes"]];
  for (let r = 0; r < rows; r++) grid.push(Array.from({ length: 6 }, cell));
  return grid;
}

function main() {
  const lines = argument("--lines", 10_000);
  const runs = argument("--runs", 5);
  const json = process.argv.includes("--json");
  const grid = generateSheet(lines);
  readBom(grid); // warm-up: JIT and regex compilation are not what is measured
  const times: number[] = [];
  let result = readBom(grid);
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = readBom(grid);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = Math.round((times[Math.floor(times.length / 2)] as number) * 10) / 10;
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  if (result.lines.length !== lines) {
    throw new Error(`expected ${lines} lines, read ${result.lines.length}`);
  }
  const hostile = adversarialSheet();
  const hostileStart = performance.now();
  const hostileResult = readBom(hostile);
  const adversarialMs = Math.round((performance.now() - hostileStart) * 10) / 10;
  const summary = {
    lines: result.lines.length,
    ms,
    adversarial_rows: hostile.length - 1,
    adversarial_ms: adversarialMs,
    adversarial_lines: hostileResult.lines.length,
    peak_rss_mb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  };
  if (!json) {
    console.log(
      `readBom on ${lines} lines: median ${ms} ms over ${runs} runs (min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)})`,
    );
    console.log(`issues: ${result.issues.length}; peak RSS ${peakRssMb} MB`);
    console.log(
      `adversarial: ${hostile.length - 1} rows of 5,000-character cells in ${adversarialMs} ms`,
    );
  }
  console.log(JSON.stringify(summary));
}

// Run when executed (npm run bench:bom), not when imported for its generator.
if (require.main === module) main();
