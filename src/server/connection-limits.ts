/**
 * What one client can hold open or make the server wait for: header, body and keep-alive
 * timeouts, an idle-socket timeout, and a cap on open connections per client address, so that a
 * few slow or idle clients cannot use up the server's file descriptors.
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionLimits } from "./config";

/** How often Node looks for requests past their header or body timeout. */
const TIMEOUT_CHECK_INTERVAL_MS = 500;
/** A socket idle this long past the API deadline has nothing more coming. */
const IDLE_MARGIN_MS = 10_000;

/** Options for Node's HTTP(S) server (Fastify passes them through). */
export function httpServerOptions(limits: ConnectionLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.bodyTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, limits.headersTimeoutMs),
  };
}

/** Fastify's own timeout options (it sets them on the server after creating it). */
export function fastifyTimeouts(limits: ConnectionLimits, apiDeadlineMs: number) {
  return {
    requestTimeout: limits.bodyTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // While the server works on an answer the socket is idle: the idle limit must outlast it.
    connectionTimeout: Math.max(apiDeadlineMs, limits.bodyTimeoutMs) + IDLE_MARGIN_MS,
  };
}

/** Closes each new connection that would take its address over the cap. */
export function capConnectionsPerAddress(server: Server, maxPerAddress: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = open.get(address) ?? 0;
    if (count >= maxPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
