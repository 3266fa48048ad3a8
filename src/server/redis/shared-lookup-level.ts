/**
 * The lookup cache's shared level on Redis: values with their own lifetimes (PX), and claims
 * (SET NX PX) that say which instance is fetching a part. A claim holds this instance's random
 * token, so that only its holder extends or releases it, and it lapses by itself when the
 * holder dies.
 */
import { randomUUID } from "node:crypto";
import type { SharedEntry, SharedLevel, SharedValue } from "../lookup/shared-level";
import type { RedisLink } from "./link";

/** Each key's value and milliseconds left, in one command (one round trip, one timeout). */
const READ = `
local found = {}
for i, key in ipairs(KEYS) do
  found[2 * i - 1] = redis.call('GET', key)
  found[2 * i] = redis.call('PTTL', key)
end
return found`;

/** ARGV holds a value and its lifetime in milliseconds per key. */
const WRITE = `
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[2 * i - 1], 'PX', ARGV[2 * i])
end
return 0`;

/** Claims each free key; returns 1 where claimed, 0 where someone holds it. */
const CLAIM = `
local claimed = {}
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then claimed[i] = 1 else claimed[i] = 0 end
end
return claimed`;

const RENEW = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 0`;

const RELEASE = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0`;

/** Keys deleted per SCAN step, and the most steps one `forget` takes. */
const SCAN_COUNT = 1_000;
const MAX_SCAN_STEPS = 10_000;

export class RedisLookupLevel implements SharedLevel {
  /** This instance's claims carry this token. */
  private readonly token = randomUUID();

  constructor(private readonly link: RedisLink) {}

  get available(): boolean {
    return this.link.available;
  }

  async read(keys: readonly string[]): Promise<(SharedValue | null)[]> {
    if (keys.length === 0) return [];
    const reply = await this.eval(READ, keys, []);
    if (!Array.isArray(reply) || reply.length !== 2 * keys.length) {
      throw new Error("Redis answered a read with an unexpected reply");
    }
    return keys.map((_, index) => {
      const value: unknown = reply[2 * index];
      const ttl: unknown = reply[2 * index + 1];
      if (typeof value !== "string" || typeof ttl !== "number" || ttl <= 0) return null;
      return { json: value, ttlMs: ttl };
    });
  }

  async write(entries: readonly SharedEntry[]): Promise<void> {
    const lasting = entries.filter((entry) => entry.ttlMs >= 1);
    if (lasting.length === 0) return;
    await this.eval(
      WRITE,
      lasting.map((entry) => entry.key),
      lasting.flatMap((entry) => [entry.json, String(Math.ceil(entry.ttlMs))]),
    );
  }

  async claim(keys: readonly string[], leaseMs: number): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const reply = await this.script(CLAIM, keys, leaseMs);
    if (!Array.isArray(reply) || reply.length !== keys.length) {
      throw new Error("Redis answered a claim with an unexpected reply");
    }
    return reply.map((claimed) => claimed === 1);
  }

  async renew(keys: readonly string[], leaseMs: number): Promise<void> {
    if (keys.length > 0) await this.script(RENEW, keys, leaseMs);
  }

  async release(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.script(RELEASE, keys, 0);
  }

  async held(keys: readonly string[]): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const pipeline = this.link.client.pipeline();
    for (const key of keys) pipeline.exists(this.place(key));
    const replies = (await pipeline.exec()) ?? [];
    throwFirstError(replies);
    return keys.map((_, index) => replies[index]?.[1] === 1);
  }

  async forget(prefix: string): Promise<void> {
    const pattern = `${escapeGlob(this.place(prefix))}*`;
    let cursor = "0";
    for (let step = 0; step < MAX_SCAN_STEPS; step += 1) {
      const [next, keys] = await this.link.client.scan(
        cursor,
        "MATCH",
        pattern,
        "COUNT",
        SCAN_COUNT,
      );
      if (keys.length > 0) await this.link.client.unlink(...keys);
      cursor = next;
      if (cursor === "0") return;
    }
  }

  private script(lua: string, keys: readonly string[], leaseMs: number): Promise<unknown> {
    return this.eval(lua, keys, [this.token, String(leaseMs)]);
  }

  private eval(lua: string, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const placed = keys.map((key) => this.place(key));
    return this.link.client.eval(lua, placed.length, ...placed, ...args);
  }

  private place(key: string): string {
    return `${this.link.keyPrefix}${key}`;
  }
}

function throwFirstError(replies: [Error | null, unknown][] | null): void {
  const failed = (replies ?? []).find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}

/** A key prefix as a SCAN pattern that matches it literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}
