/** The assignment that maximises total evidence (Hungarian algorithm, via munkres). */
import { munkres } from "munkres";

/**
 * Pairs of (row, column) maximising the sum of `utility`, each row and each column used at
 * most once. Pairs of zero utility are left out: zero means "no evidence".
 */
export function bestAssignment(utility: readonly (readonly number[])[]): [number, number][] {
  if (utility.length === 0 || (utility[0]?.length ?? 0) === 0) return [];
  const cost = utility.map((row) => row.map((value) => -value));
  return munkres(cost).filter(([row, column]) => (utility[row]?.[column] ?? 0) > 0);
}
