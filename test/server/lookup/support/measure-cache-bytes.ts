/**
 * Run by part-cache-bytes.test.ts in a fresh Node process (with --expose-gc), so that no other
 * test's heap (or V8 discarding its compiled code) moves the figures. For each kind of cache
 * entry it stores thousands of realistic emulator parts and prints, as one JSON line, the heap
 * bytes the second half of them really took and the bytes the cache counted for them (the first
 * half warms up the code and the cache's arrays, one-time costs that are not the entries').
 */
import { PartCache } from "../../../../src/server/lookup/part-cache";
import { cacheTuning } from "../../support/tuning";
import { catalogueParts, type CataloguePart } from "./catalogue-parts";

const PARTS = 4000;
const SPELLINGS_PER_PART = 10;

export interface Measured {
  real: number;
  counted: number;
}

type Fill = (cache: PartCache, parts: CataloguePart[]) => void;

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  if (!collectGarbage) throw new Error("run with --expose-gc");
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const fills: Record<string, Fill> = {
  static: (cache, parts) => parts.forEach(({ facts }) => cache.rememberStatic("", facts)),
  market: (cache, parts) =>
    parts.forEach(({ facts, market }) => cache.rememberMarket("", facts.cpid, market)),
  query: (cache, parts) =>
    parts.forEach(({ facts }) => {
      for (let spelling = 0; spelling < SPELLINGS_PER_PART; spelling += 1) {
        const queryKey = `${facts.mpn.toLowerCase()}|${facts.manufacturer} spelling ${spelling}`;
        cache.rememberQuery("", queryKey, { kind: "part", cpid: facts.cpid });
      }
    }),
};

function measure(fill: Fill, parts: CataloguePart[]): Measured {
  const cache = new PartCache(cacheTuning({ maxBytes: 1024 ** 3 }), { now: () => 1 });
  fill(cache, parts.slice(0, PARTS / 2));
  const heapBefore = heapUsed();
  const countedBefore = cache.bytes;
  fill(cache, parts.slice(PARTS / 2));
  return { real: heapUsed() - heapBefore, counted: cache.bytes - countedBefore };
}

const parts = catalogueParts(PARTS);
const measured = Object.fromEntries(
  Object.entries(fills).map(([kind, fill]) => [kind, measure(fill, parts)]),
);
console.log(JSON.stringify(measured));
