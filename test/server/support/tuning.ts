import type { LookupCacheTuning, UpstreamTuning } from "../../../src/server/config";

/** Small timings so that retry and timeout paths run in milliseconds. */
export function fastTuning(overrides: Partial<UpstreamTuning> = {}): UpstreamTuning {
  return {
    concurrency: 4,
    attemptTimeoutMs: 2_000,
    deadlineMs: 5_000,
    maxAttempts: 3,
    backoffMs: 10,
    ...overrides,
  };
}

export function cacheTuning(overrides: Partial<LookupCacheTuning> = {}): LookupCacheTuning {
  return {
    ttlMs: 60_000,
    staticTtlMs: 600_000,
    notFoundTtlMs: 60_000,
    maxBytes: 64 * 1024 * 1024,
    ...overrides,
  };
}
