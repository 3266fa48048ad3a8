/**
 * A cache level every instance shares (Redis, when REDIS_URL is set), behind each instance's
 * own memory, and the claims by which one instance fetches a part while the others wait for
 * it. Keys are logical; the implementation places them. Every method may reject when the level
 * is unreachable: callers then carry on alone.
 */
export interface SharedValue {
  json: string;
  /** Milliseconds the value has left. */
  ttlMs: number;
}

export interface SharedEntry extends SharedValue {
  key: string;
}

export interface SharedLevel {
  /** Whether it is reachable now (a cheap, local check). */
  readonly available: boolean;
  read(keys: readonly string[]): Promise<(SharedValue | null)[]>;
  write(entries: readonly SharedEntry[]): Promise<void>;
  /** Claims each key nobody holds, for `leaseMs`; true where this instance now holds it. */
  claim(keys: readonly string[], leaseMs: number): Promise<boolean[]>;
  /** Extends this instance's own claims. */
  renew(keys: readonly string[], leaseMs: number): Promise<void>;
  /** Gives up this instance's own claims. */
  release(keys: readonly string[]): Promise<void>;
  /** Whether each key is held by anyone. */
  held(keys: readonly string[]): Promise<boolean[]>;
  /** Forgets every value whose key starts with `prefix`. */
  forget(prefix: string): Promise<void>;
}
