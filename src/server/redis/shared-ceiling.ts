/**
 * One upstream concurrency ceiling for every instance: a semaphore in Redis whose slots are
 * leases (a sorted set of holders scored by when their lease ends), so that an instance that
 * dies holding a slot loses it when the lease ends. Redis's own clock decides, never the
 * instances'. A Retry-After from Cofactr sets a pause every instance waits out before its next
 * request. While Redis is unreachable the instance keeps to its local share of the ceiling.
 */
import { randomUUID } from "node:crypto";
import { TaskCancelledError } from "cockatiel";
import { localGate, type ConcurrencyGate } from "../upstream/resilience";
import type { RedisLink } from "./link";

/** 1: a slot is ours; 0: all slots are held; -N: every instance is paused for N ms more. */
const ACQUIRE = `
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return -paused end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/** Lengthens the pause to ARGV[1] ms from now, never shortens it. */
const PAUSE = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 0`;

/** Waiting for a free slot: first poll after this, growing to the max (with jitter). */
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 100;

export interface SharedCeilingOptions {
  /** Names the ceiling in Redis, e.g. "graph": one per Cofactr API. */
  name: string;
  /** Slots across all instances (UPSTREAM_CONCURRENCY). */
  limit: number;
  /** A slot is freed by itself this long after it was taken (longer than any one attempt). */
  leaseMs: number;
  /** Slots this instance takes alone while Redis is unreachable. */
  fallbackLimit: number;
}

/** Thrown inside `acquire` when Redis stops answering: the caller falls back. */
class RedisGone extends Error {}

export class SharedCeiling implements ConcurrencyGate {
  private readonly fallback: ConcurrencyGate;
  private readonly slotsKey: string;
  private readonly pauseKey: string;
  private readonly instance = randomUUID();
  private taken = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly options: SharedCeilingOptions,
  ) {
    this.fallback = localGate(options.fallbackLimit);
    this.slotsKey = `${link.keyPrefix}ceiling:${options.name}`;
    this.pauseKey = `${link.keyPrefix}pause:${options.name}`;
  }

  async execute<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (!this.link.available) return this.fallback.execute(task, signal);
    let holder: string;
    try {
      holder = await this.acquire(signal);
    } catch (error) {
      if (error instanceof TaskCancelledError) throw error;
      return this.fallback.execute(task, signal);
    }
    try {
      return await task();
    } finally {
      // A release that fails is not waited for: the lease ends by itself.
      this.link.client.zrem(this.slotsKey, holder).catch(() => undefined);
    }
  }

  pause(ms: number): void {
    if (!this.link.available || !(ms > 0)) return;
    this.link.client.eval(PAUSE, 1, this.pauseKey, String(Math.ceil(ms))).catch(() => undefined);
  }

  /** Waits for a slot; TaskCancelledError once `signal` aborts, RedisGone if Redis fails. */
  private async acquire(signal: AbortSignal): Promise<string> {
    this.taken += 1;
    const holder = `${this.instance}:${this.taken}`;
    let poll = FIRST_POLL_MS;
    for (;;) {
      if (signal.aborted) throw new TaskCancelledError();
      if (!this.link.available) throw new RedisGone();
      let reply: unknown;
      try {
        reply = await this.link.client.eval(
          ACQUIRE,
          2,
          this.slotsKey,
          this.pauseKey,
          String(this.options.limit),
          String(this.options.leaseMs),
          holder,
        );
      } catch {
        throw new RedisGone();
      }
      if (reply === 1) return holder;
      const paused = typeof reply === "number" && reply < 0 ? -reply : 0;
      const wait = paused > 0 ? paused : poll * (0.5 + Math.random());
      poll = Math.min(MAX_POLL_MS, poll * 2);
      await sleep(wait, signal);
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the loop then throws). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
