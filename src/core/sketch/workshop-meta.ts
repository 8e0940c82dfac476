// The workshop's `meta` map: when a workshop has outlived its retention_days. A workshop without meta,
// or without a usable created / retention_days, never expires (docs/co-sketch.md).

const DAY_MS = 86_400_000;

export type WorkshopMeta = { created?: unknown; retention_days?: unknown };

/** The time (ms since epoch) after which the workshop is erased, or null when it never expires. */
export function expiresAt(meta: WorkshopMeta): number | null {
  const created = typeof meta.created === 'string' ? Date.parse(meta.created) : Number.NaN;
  const days = meta.retention_days;
  if (Number.isNaN(created) || typeof days !== 'number' || !Number.isFinite(days) || days < 0) return null;
  return created + days * DAY_MS;
}

export function isExpired(meta: WorkshopMeta, nowMs: number): boolean {
  const at = expiresAt(meta);
  return at !== null && nowMs > at;
}
