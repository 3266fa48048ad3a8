/**
 * What every client in the project (the server's Cofactr clients, the functions' batcher, the
 * pane's job polling) agrees on about retrying an HTTP request.
 */

/** Rate limited, or a gateway that gave up: worth another try. Other 4xx and 500 are final. */
export const TRANSIENT_HTTP_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * A Retry-After header in milliseconds: delta-seconds (Cofactr may send fractions) or an HTTP
 * date. Null when the header is absent or unreadable; never negative.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (header == null || header.trim() === "") return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
