import { TRANSIENT_HTTP_STATUSES, parseRetryAfterMs } from "../../src/core/http-retry";

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  it.each<[string | null | undefined, number | null]>([
    ["2", 2000],
    ["0.05", 50],
    [" 3 ", 3000],
    ["0", 0],
    ["-4", 0],
    ["Mon, 23 Nov 2026 12:00:05 GMT", 5000],
    ["Mon, 23 Nov 2026 11:00:00 GMT", 0],
    ["soon", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%p → %p ms", (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});

describe("TRANSIENT_HTTP_STATUSES", () => {
  it("retries rate limits and gateway failures, not client errors or plain 500s", () => {
    for (const status of [429, 502, 503, 504])
      expect(TRANSIENT_HTTP_STATUSES.has(status)).toBe(true);
    for (const status of [400, 401, 404, 422, 500]) {
      expect(TRANSIENT_HTTP_STATUSES.has(status)).toBe(false);
    }
  });
});
