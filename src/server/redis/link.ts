/**
 * The one Redis connection of an instance (ioredis). Redis is a help, never a dependency: a
 * command while it is away fails at once (no offline queue) so that callers fall back to what
 * this instance can do alone, and the link reconnects by itself. Going away and coming back are
 * logged once each. The URL may hold a password: it is never logged.
 */
import { Redis } from "ioredis";
import type { RedisSettings } from "../config";

/** How long one command may take before it counts as failed (and the caller falls back). */
const COMMAND_TIMEOUT_MS = 2_500;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect attempts back off to this and go on for ever. */
const MAX_RECONNECT_DELAY_MS = 1_000;

export interface LinkLog {
  warn(message: string): void;
  info(message: string): void;
}

export class RedisLink {
  readonly client: Redis;
  readonly keyPrefix: string;
  /** null until the first connection attempt has succeeded or failed. */
  private up: boolean | null = null;
  private closing = false;
  private readonly watchers = new Set<(up: boolean) => void>();

  constructor(
    settings: RedisSettings,
    private readonly log: LinkLog,
  ) {
    this.keyPrefix = settings.keyPrefix;
    this.client = new Redis(settings.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_TIMEOUT_MS,
      enableAutoPipelining: true,
      retryStrategy: (times) => Math.min(50 * times, MAX_RECONNECT_DELAY_MS),
    });
    this.client.on("ready", () => this.changed(true));
    this.client.on("close", () => this.changed(false));
    // Without a listener ioredis reports every failed reconnection as an unhandled error.
    this.client.on("error", () => this.changed(false));
  }

  /** Whether commands can be sent now. */
  get available(): boolean {
    return this.client.status === "ready";
  }

  /** Calls `watcher` on every change between reachable and unreachable. */
  watch(watcher: (up: boolean) => void): void {
    this.watchers.add(watcher);
  }

  /** Waits (bounded) until Redis answers; false when it did not within `ms`. */
  async ready(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.available && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.available;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.watchers.clear();
    if (this.available) {
      await this.client.quit().catch(() => undefined);
    }
    this.client.disconnect();
  }

  private changed(up: boolean): void {
    if (this.up === up || this.closing) return;
    const first = this.up === null;
    this.up = up;
    if (up) {
      this.log.info(
        first
          ? "Redis reachable: sharing cache and upstream ceiling"
          : "Redis reachable again: sharing cache and upstream ceiling again",
      );
    } else {
      this.log.warn(
        "Redis unreachable: this instance uses its own cache and its local share of the upstream ceiling until Redis is back",
      );
    }
    for (const watcher of this.watchers) watcher(up);
  }
}
