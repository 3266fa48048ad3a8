/**
 * Fault injection: latency, a concurrency ceiling answered 429, random 502/504, failing jobs,
 * set programmatically, through /__admin/faults, or per request with `X-Emulator-Fault`.
 */
import { z } from "zod";
import { SeededRandom } from "./catalogue/random";
import type { FaultSettings } from "./contract";

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  concurrencyLimit: 0,
  retryAfterSeconds: 2,
  rate502: 0,
  rate504: 0,
  failNextJobs: 0,
};

/** What `/__admin/faults` accepts: any subset of the settings, each within its range. */
export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    concurrencyLimit: z.number().int().min(0),
    retryAfterSeconds: z.number().min(0).max(3600),
    rate502: z.number().min(0).max(1),
    rate504: z.number().min(0).max(1),
    failNextJobs: z.number().int().min(0),
  })
  .partial()
  .strict();

export type InjectedStatus = 429 | 500 | 502 | 504;

/** A parsed `X-Emulator-Fault` header, e.g. "504", "delay=250", "delay=100,429", "job-fail". */
export interface RequestFault {
  status: InjectedStatus | null;
  delayMs: number;
  jobFail: boolean;
}

export const NO_REQUEST_FAULT: RequestFault = { status: null, delayMs: 0, jobFail: false };

export function parseFaultHeader(
  value: string | string[] | undefined,
): RequestFault | { error: string } {
  if (value === undefined) return NO_REQUEST_FAULT;
  const fault: RequestFault = { status: null, delayMs: 0, jobFail: false };
  const parts = (Array.isArray(value) ? value.join(",") : value).split(",");
  for (const raw of parts) {
    const part = raw.trim().toLowerCase();
    if (part === "") continue;
    if (part === "429" || part === "500" || part === "502" || part === "504") {
      fault.status = Number(part) as InjectedStatus;
    } else if (part === "job-fail") {
      fault.jobFail = true;
    } else if (/^delay=\d+$/.test(part)) {
      fault.delayMs = Math.min(600_000, Number(part.slice("delay=".length)));
    } else {
      return {
        error: `Unknown X-Emulator-Fault "${raw.trim()}" (use 429, 500, 502, 504, delay=<ms> or job-fail)`,
      };
    }
  }
  return fault;
}

export class FaultController {
  private current: FaultSettings;
  /** Requests admitted and not yet answered, injected latency included. */
  inFlight = 0;
  /** Seeded so that a given rate gives the same sequence of failures on every run. */
  private readonly random = new SeededRandom(0x5eed);

  constructor(private readonly initial: Partial<FaultSettings> = {}) {
    this.current = { ...DEFAULT_FAULTS, ...initial };
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  set(changes: Partial<FaultSettings>): void {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    this.current = { ...this.current, ...defined };
  }

  /** Back to the settings the emulator was started with. */
  reset(): void {
    this.current = { ...DEFAULT_FAULTS, ...this.initial };
  }

  /** Whether the concurrency ceiling leaves room for one more request. */
  admits(): boolean {
    const limit = this.current.concurrencyLimit;
    return limit <= 0 || this.inFlight < limit;
  }

  /** The random 502/504 for this request, if any. */
  drawGatewayFault(): 502 | 504 | null {
    if (this.current.rate502 > 0 && this.random.next() < this.current.rate502) return 502;
    if (this.current.rate504 > 0 && this.random.next() < this.current.rate504) return 504;
    return null;
  }

  /** Consumes one of the "next N jobs fail" credits. */
  takeJobFailure(): boolean {
    if (this.current.failNextJobs <= 0) return false;
    this.current.failNextJobs -= 1;
    return true;
  }
}
