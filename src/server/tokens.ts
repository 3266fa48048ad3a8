/** A set of access tokens (gateway or admin), checked in constant time. */
import { createHash, timingSafeEqual } from "node:crypto";

export class TokenSet {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  get size(): number {
    return this.digests.length;
  }

  /** Fixed-length digests compared against every token without early exit, so the time taken
   * says nothing about how close a guess came or which token it resembled. */
  matches(given: string): boolean {
    const candidate = digest(given);
    return this.digests.reduce((found, known) => timingSafeEqual(known, candidate) || found, false);
  }
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token.trim()).digest();
}

/** The first value of a header, or undefined. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
