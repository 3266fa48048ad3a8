/**
 * Bounded edit distance for typo matching ("Manufacter" ≈ "manufacturer", "Murrata" ≈ "murata").
 * Counts insertions, deletions, substitutions and swaps of two neighbouring characters
 * ("Littlefuse" ≈ "Littelfuse"): the typos people make in hand-typed sheets.
 */

/**
 * True when `a` and `b` are at most `k` edits apart. Only a band of width 2k+1 around the diagonal
 * is computed, so the cost is O(k · length) and a long string against a short one returns at once.
 */
export function editDistanceAtMost(a: string, b: string, k: number): boolean {
  if (!Number.isInteger(k) || k < 0) return false;
  if (Math.abs(a.length - b.length) > k) return false;
  if (a === b) return true;
  if (k === 0) return false;
  const m = a.length;
  const n = b.length;
  const outside = k + 1;
  // Three rows: two back (for swaps), one back, current. Each row only writes its band and the
  // two cells just outside it, which later rows read as "too far": no full-row reset needed.
  let before = new Array<number>(n + 1).fill(outside);
  let previous = new Array<number>(n + 1).fill(outside);
  let current = new Array<number>(n + 1).fill(outside);
  for (let j = 0; j <= Math.min(n, k); j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - k);
    const to = Math.min(n, i + k);
    current[from - 1] = i <= k ? i : outside;
    if (to + 1 <= n) current[to + 1] = outside;
    let rowBest = current[from - 1] ?? outside;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? outside) + 1,
        (current[j - 1] ?? outside) + 1,
        (previous[j - 1] ?? outside) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? outside) + 1);
      }
      current[j] = Math.min(best, outside);
      rowBest = Math.min(rowBest, current[j] ?? outside);
    }
    if (rowBest > k) return false;
    [before, previous, current] = [previous, current, before];
  }
  return (previous[n] ?? outside) <= k;
}
