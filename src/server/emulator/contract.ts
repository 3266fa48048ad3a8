/**
 * How the rest of the project starts and steers the embedded Cofactr emulator. The emulator
 * serves plain HTTP on loopback: the Knowledge Graph under `/graph`, the Platform API under
 * `/platform` (so `/platform/v1/boms/`).
 */

export interface EmulatorCredentials {
  graphClientId: string;
  graphApiKey: string;
  platformApiKey: string;
}

export const DEFAULT_EMULATOR_CREDENTIALS: EmulatorCredentials = {
  graphClientId: "demo-client",
  graphApiKey: "demo-graph-key",
  platformApiKey: "demo-platform-key",
};

/** Faults injected into every mount; all off by default. */
export interface FaultSettings {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** Requests in flight above this are answered 429 with Retry-After (0 = no ceiling). */
  concurrencyLimit: number;
  /** Retry-After seconds sent with 429/504 (may be fractional, e.g. 0.05, for tests). */
  retryAfterSeconds: number;
  /** Share (0..1) of requests answered 502 / 504. */
  rate502: number;
  rate504: number;
  /** The next N async jobs end in failure. */
  failNextJobs: number;
}

export interface EmulatorStats {
  /** Every HTTP request the emulator received, both mounts. */
  requests: number;
  graphRequests: number;
  platformRequests: number;
  /** Products returned by the Knowledge Graph (what Cofactr meters). */
  meteredParts: number;
  /** Requests answered 429 / 5xx by fault injection. */
  rejected: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  credentials?: Partial<EmulatorCredentials>;
  faults?: Partial<FaultSettings>;
  /** Job lifecycle: advance one state per poll (default, deterministic) or per `stepMs`. */
  jobTiming?: { mode: "polls" } | { mode: "clock"; stepMs: number };
  /** Bounds on what the emulator keeps (defaults: finished jobs for an hour, 200 jobs of which
   * 10 unfinished, 500 BOMs, 100,000 BOM lines, 200 programs). */
  limits?: Partial<EmulatorLimits>;
  log?: boolean;
}

export interface EmulatorLimits {
  finishedJobLifetimeMs: number;
  maxJobs: number;
  maxPendingJobs: number;
  maxBoms: number;
  maxBomLines: number;
  /** Programs kept; the least recently written go first. */
  maxPrograms: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  /** `${url}/graph`: the Knowledge Graph base (append `/products/`). */
  graphUrl: string;
  /** `${url}/platform`: the Platform API base (append `/v1/boms/`). */
  platformUrl: string;
  credentials: EmulatorCredentials;
  setFaults(faults: Partial<FaultSettings>): void;
  resetFaults(): void;
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}
