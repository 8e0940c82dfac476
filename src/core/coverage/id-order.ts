/**
 * "Ties broken by the smallest id" (access-contract.md): ids compare as numbers when both read as finite
 * numbers (so 9 < 10), otherwise by code units. A stable total order, the same in app and CLI.
 */
export function compareIds(a: string, b: string): number {
  const na = a.trim() === '' ? NaN : Number(a);
  const nb = b.trim() === '' ? NaN : Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** rank[i] = position of ids[i] in id order (ties keep input order). */
export function idRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((i, j) => compareIds(ids[i], ids[j]) || i - j);
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}
