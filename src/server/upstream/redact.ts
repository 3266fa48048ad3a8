/** Credentials scrubbed out of whatever Cofactr sends back: an error body may quote the key it
 * refused, and such text travels on into /api answers and log lines. */
const REDACTED = "[redacted]";
/** Shorter values are not keys (Cofactr's are long); scrubbing them would garble messages. */
const MIN_SECRET_LENGTH = 6;

/** The secret values in request headers: each whole value, and the part after a scheme word
 * ("Api-Key <key>" also yields "<key>"). */
export function secretsIn(headers: Record<string, string>): string[] {
  const secrets = Object.values(headers).flatMap((value) => {
    const trimmed = value.trim();
    const afterScheme = trimmed.split(/\s+/).slice(1).join(" ");
    return [trimmed, afterScheme];
  });
  // Longest first, so that "Api-Key <key>" goes before "<key>" would split it.
  return [...new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
}

/** `value` with every occurrence of a secret in its strings replaced, at any depth. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") {
    return secrets.reduce(
      (text, secret) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text),
      value,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, secrets)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, redactSecrets(field, secrets)]),
    ) as T;
  }
  return value;
}
