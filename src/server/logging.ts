/** Logger options: request headers that carry keys or tokens are never written out. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers['x-api-key']",
  "req.headers['x-client-id']",
  "req.headers['x-gateway-token']",
  "req.headers['x-admin-token']",
  "req.headers['x-cofactr-client-id']",
  "req.headers['x-cofactr-api-key']",
  "req.headers['x-cofactr-platform-key']",
];

export function loggerOptions(level: string): { level: string; redact: string[] } {
  return { level, redact: REDACTED_PATHS };
}
