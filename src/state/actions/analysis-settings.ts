/** Undoable edits of the access-analysis settings kept in `doc.settings` (saved with the project). */
import { AGE_BANDS, DEFAULT_WALK_SPEED_MPS, type AgeBand } from '../../core/model';
import { defineAction } from './define';

/** Sorted, de-duplicated, positive: what the analysis and the table expect. */
export const setThresholds = defineAction('settings.thresholds', (doc, { thresholdsM }: { thresholdsM: readonly number[] }) => {
  const next = [...new Set(thresholdsM.filter((m) => Number.isFinite(m) && m > 0).map((m) => Math.round(m * 10) / 10))].sort((a, b) => a - b);
  if (next.length === 0 || next.join() === doc.settings.thresholdsM.join()) return doc;
  return { ...doc, settings: { ...doc.settings, thresholdsM: next } };
});

export const setMaxSnap = defineAction('settings.maxSnap', (doc, { maxSnapM }: { maxSnapM: number }) => {
  if (!Number.isFinite(maxSnapM) || maxSnapM <= 0 || maxSnapM > 5000 || maxSnapM === doc.settings.maxSnapM) return doc;
  return { ...doc, settings: { ...doc.settings, maxSnapM } };
});

/** One band's speed (m/s, 0 < v ≤ 5); the first edit writes every band, starting from DEFAULT_WALK_SPEED_MPS. */
export const setWalkSpeed = defineAction('settings.walkSpeed', (doc, { band, mps }: { band: AgeBand; mps: number }) => {
  if (!AGE_BANDS.includes(band) || !Number.isFinite(mps) || mps <= 0 || mps > 5) return doc;
  if (doc.settings.walkSpeedsMps?.[band] === mps) return doc;
  return { ...doc, settings: { ...doc.settings, walkSpeedsMps: { ...DEFAULT_WALK_SPEED_MPS, ...doc.settings.walkSpeedsMps, [band]: mps } } };
});
