/** BOM health rules: which lifecycle statuses are a risk. */

/** NRFND (and NRND), EOL / end of life / last time buy, Obsolete / discontinued. */
const RISKY_LIFECYCLE =
  /\b(?:nrfnd|nrnd|not recommended|eol|end of life|last time buy|obsolete|discontinued)\b/;

/** Whether a lifecycle status means the part is being phased out (case and spacing ignored). */
export function isLifecycleRisk(lifecycle: string | null): boolean {
  if (lifecycle === null) return false;
  return RISKY_LIFECYCLE.test(lifecycle.toLowerCase().replace(/[\s_-]+/g, " "));
}
