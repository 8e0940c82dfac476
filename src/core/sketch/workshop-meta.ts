// The workshop's `meta` map: which keys and values it may hold, and when a workshop has outlived its retention_days. A workshop without meta,
// or without a usable created / retention_days, never expires (docs/co-sketch.md).

import { GROUP_MAX_CHARS as GROUP_LABEL_MAX_CHARS, isIsoTimestamp } from './rules';

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

export const META_KEYS = ['title', 'created', 'groups', 'retention_days'] as const;
export const TITLE_MAX_CHARS = 120;
export const MAX_GROUPS = 50;

const chars = (v: string) => [...v].length;

/** True when `value` may be stored under meta `key`; unknown keys never may. */
export function isValidMetaValue(key: string, value: unknown): boolean {
  switch (key) {
    case 'title':
      return typeof value === 'string' && chars(value) <= TITLE_MAX_CHARS;
    case 'created':
      return isIsoTimestamp(value);
    case 'groups':
      return (
        Array.isArray(value) &&
        value.length <= MAX_GROUPS &&
        value.every((g) => typeof g === 'string' && g.trim().length > 0 && chars(g) <= GROUP_LABEL_MAX_CHARS)
      );
    case 'retention_days':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    default:
      return false;
  }
}
