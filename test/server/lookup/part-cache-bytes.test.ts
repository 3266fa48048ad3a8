/**
 * LOOKUP_CACHE_MB bounds what the cache counts; these tests hold that count to the heap bytes the
 * entries really take. Measured in a fresh process with the garbage collector run to completion,
 * over thousands of realistic emulator parts, so the figures are steady (no timing involved).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PartCache } from "../../../src/server/lookup/part-cache";
import { compactJson, storedBytes } from "../../../src/server/lookup/stored-text";
import { catalogueParts } from "./support/catalogue-parts";
import type { Measured } from "./support/measure-cache-bytes";
import { cacheTuning } from "../support/tuning";

/** Real bytes stay within this factor of the counted bytes, either way. */
const FACTOR = 1.3;
const MEASURE_SCRIPT = path.join(__dirname, "support", "measure-cache-bytes.ts");

describe("the lookup cache's byte count", () => {
  let measured: Record<string, Measured>;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--expose-gc", MEASURE_SCRIPT],
      { timeout: 120_000 },
    );
    measured = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, Measured>;
  }, 150_000);

  it.each([["static"], ["market"], ["query"]])(
    `tracks the heap bytes of %s entries within a factor of ${FACTOR}`,
    (kind) => {
      const { real, counted } = measured[kind] ?? { real: 0, counted: 0 };
      expect(counted).toBeGreaterThan(1_000_000);
      expect(real).toBeLessThanOrEqual(counted * FACTOR);
      expect(real).toBeGreaterThanOrEqual(counted / FACTOR);
    },
  );

  it("never counts more than LOOKUP_CACHE_MB, evicting the least recently used", () => {
    const parts = catalogueParts(1000);
    const maxBytes = 1024 * 1024;
    const cache = new PartCache(cacheTuning({ maxBytes }), { now: () => 1 });
    parts.forEach(({ facts }) => cache.rememberStatic("", facts));
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    expect(cache.bytes).toBeGreaterThan(maxBytes * 0.9);
    const first = parts[0]?.facts.cpid ?? "";
    const last = parts[999]?.facts.cpid ?? "";
    expect(cache.staticFacts("", first)).toBeUndefined();
    expect(cache.staticFacts("", last)?.cpid).toBe(last);
  });
});

describe("stored text", () => {
  it("escapes characters above Latin-1 so that V8 keeps one byte per character", () => {
    const value = { description: "10 kΩ ±1% 0.1 µF 🔌", cpid: "X" };
    const text = compactJson(value);
    expect([...text].filter((character) => character.charCodeAt(0) > 0xff)).toEqual([]);
    expect(text).toContain("\\u03a9");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("counts text with wider characters at two bytes each", () => {
    const narrow = storedBytes("k", "a".repeat(1000));
    const wide = storedBytes("k", `${"a".repeat(999)}Ω`);
    expect(wide - narrow).toBe(1000);
  });

  it("gives back what was stored, for every kind of entry", () => {
    const [part] = catalogueParts(1);
    if (!part) throw new Error("empty catalogue");
    const cache = new PartCache(cacheTuning(), { now: () => 1 });
    cache.rememberStatic("scope", part.facts);
    cache.rememberMarket("scope", part.facts.cpid, part.market);
    cache.rememberQuery("scope", "q", { kind: "not_found", message: "No part «x»", fetchedAt: 1 });
    expect(cache.staticFacts("scope", part.facts.cpid)).toEqual(part.facts);
    expect(cache.marketFacts("scope", part.facts.cpid)).toEqual(part.market);
    expect(cache.query("scope", "q")).toEqual({
      kind: "not_found",
      message: "No part «x»",
      fetchedAt: 1,
    });
    expect(cache.staticFacts("", part.facts.cpid)).toBeUndefined();
  });
});
