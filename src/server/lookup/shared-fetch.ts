/**
 * Fetching once across instances. What memory lacks is first looked for in the shared level;
 * what is still missing is claimed there: this instance fetches what it claimed, and waits
 * for the instances holding the rest, reading their answers from the shared level. A claim
 * whose holder gave up or died (its lease lapsed) is claimed again. If the shared level fails
 * at any point, this instance fetches whatever is still unanswered itself: Redis failing never
 * fails a lookup.
 */
import type { LookupResult } from "../../core/api";
import type { SharedLevel } from "./shared-level";

/** A claim lapses this long after its holder stopped renewing it (e.g. it crashed). */
export const CLAIM_LEASE_MS = 5_000;
const RENEW_EVERY_MS = 1_500;
/** Polling the shared level for others' answers: first after this, doubling up to the max. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 200;

export interface SharedFetchSteps {
  /** Loads what the shared level holds for these needs (by index) into memory and answers
   * those memory can now answer whole. Rejects when the shared level fails. */
  fromShared(indexes: readonly number[]): Promise<Map<number, LookupResult>>;
  /** Asks Cofactr for these needs and remembers the answers; never rejects. */
  fetch(indexes: readonly number[]): Promise<LookupResult[]>;
  /** Resolves once what was remembered has reached the shared level. */
  flush(): Promise<void>;
  /** Counts shared-level hits and misses (metrics). */
  counted?(hits: number, misses: number): void;
}

export async function fetchAcrossInstances(
  level: SharedLevel,
  claimKeys: readonly string[],
  steps: SharedFetchSteps,
  waitUntil: number,
): Promise<LookupResult[]> {
  const results: (LookupResult | undefined)[] = claimKeys.map(() => undefined);
  const fetchingHere = new Set<number>();
  const work: Promise<void>[] = [];
  const settle = (answers: Map<number, LookupResult>) => {
    for (const [index, result] of answers) results[index] ??= result;
  };
  const fetchHere = (indexes: number[], claimed: boolean) => {
    indexes.forEach((index) => fetchingHere.add(index));
    work.push(fetchOwned(level, indexes, claimed ? claimKeys : null, steps, results));
  };

  try {
    let open = claimKeys.map((_, index) => index);
    const known = await steps.fromShared(open);
    settle(known);
    steps.counted?.(known.size, open.length - known.size);
    open = open.filter((index) => results[index] === undefined);
    while (open.length > 0 && Date.now() < waitUntil) {
      const owned = await level.claim(
        open.map((index) => claimKeys[index] ?? ""),
        CLAIM_LEASE_MS,
      );
      const mine = open.filter((_, position) => owned[position]);
      if (mine.length > 0) fetchHere(mine, true);
      open = await waitForHolders(
        level,
        open.filter((_, position) => !owned[position]),
        claimKeys,
        steps,
        settle,
        waitUntil,
      );
    }
  } catch {
    // The shared level failed: this instance answers the rest alone.
    const rest = claimKeys
      .map((_, index) => index)
      .filter((index) => results[index] === undefined && !fetchingHere.has(index));
    if (rest.length > 0) fetchHere(rest, false);
  }
  await Promise.all(work);
  return results.map(
    (result) =>
      result ?? {
        status: "error",
        message: "Cofactr did not answer within this request's deadline.",
      },
  );
}

/** Fetches, publishes, then releases the claims (in that order: a waiter that sees a claim
 * gone finds the answer already shared). Never rejects. */
async function fetchOwned(
  level: SharedLevel,
  indexes: readonly number[],
  claimKeys: readonly string[] | null,
  steps: SharedFetchSteps,
  results: (LookupResult | undefined)[],
): Promise<void> {
  const keys = claimKeys ? indexes.map((index) => claimKeys[index] ?? "") : [];
  const renewal =
    keys.length > 0
      ? setInterval(
          () => void level.renew(keys, CLAIM_LEASE_MS).catch(() => undefined),
          RENEW_EVERY_MS,
        )
      : undefined;
  try {
    const fetched = await steps.fetch(indexes);
    indexes.forEach((index, position) => (results[index] = fetched[position]));
    await steps.flush();
  } finally {
    clearInterval(renewal);
    if (keys.length > 0) await level.release(keys).catch(() => undefined);
  }
}

/**
 * Waits for other instances' answers. Returns the needs whose claim lapsed unanswered (to be
 * claimed again); rejects when the shared level fails.
 */
async function waitForHolders(
  level: SharedLevel,
  waiting: number[],
  claimKeys: readonly string[],
  steps: SharedFetchSteps,
  settle: (answers: Map<number, LookupResult>) => void,
  waitUntil: number,
): Promise<number[]> {
  let delay = FIRST_POLL_MS;
  let open = waiting;
  const lapsed: number[] = [];
  while (open.length > 0 && Date.now() < waitUntil) {
    await sleep(Math.min(delay, Math.max(0, waitUntil - Date.now())));
    delay = Math.min(MAX_POLL_MS, delay * 2);
    // Claims first, answers second: a holder shares its answer before it lets go.
    const held = await level.held(open.map((index) => claimKeys[index] ?? ""));
    const answers = await steps.fromShared(open);
    settle(answers);
    const stillHeld: number[] = [];
    open.forEach((index, position) => {
      if (!answers.has(index)) (held[position] ? stillHeld : lapsed).push(index);
    });
    open = stillHeld;
  }
  return lapsed;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
