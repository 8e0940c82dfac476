/**
 * The safe-routes profile lives in the document (`doc.safetyProfile`, saved in the project file; absent:
 * the shipped `child-v1`). Edits are one undo step each and go through the core's parseProfile: an invalid
 * profile never enters the document, the refusal carries the core's issue codes (the UI words them).
 */
import type { Project } from '../../core/model';
import { CHILD_V1, parseProfile, type ProfileIssue, type SafetyProfile } from '../../core/safety';
import { defineAction } from './define';

/** The profile safe routes use: the document's, else child-v1. */
export const docSafetyProfile = (doc: Pick<Project, 'safetyProfile'>): SafetyProfile => doc.safetyProfile ?? CHILD_V1;

/** Puts a validated profile (setSafetyProfile checks it first). */
export const putSafetyProfile = defineAction('safety.put-profile', (doc, { profile }: { profile: SafetyProfile }) =>
  (doc.safetyProfile === profile ? doc : { ...doc, safetyProfile: profile }));

/** Back to the shipped child-v1. */
export const resetSafetyProfile = defineAction('safety.reset-profile', (doc, _: Record<string, never>) => {
  if (doc.safetyProfile === undefined) return doc;
  const { safetyProfile: _drop, ...rest } = doc;
  return rest;
});

/** The few numbers the panel's editor changes. */
export interface ProfileNumbers {
  readonly maxSchoolWalkM?: number;
  readonly longDetourRatio?: number;
  /** Crossing penalties in metres for PLTS 1..4. */
  readonly penaltyM?: readonly [number, number, number, number];
  /** Segment cost multipliers for PLTS 1..4. */
  readonly multiplier?: readonly [number, number, number, number];
}

export type ProfileEdit = { ok: true; profile: SafetyProfile } | { ok: false; issues: ProfileIssue[] };

/** The profile with these numbers changed, validated (zod, via parseProfile). */
export function editProfile(profile: SafetyProfile, n: ProfileNumbers): ProfileEdit {
  const next = {
    ...profile,
    cost: { multiplier: n.multiplier ? [...n.multiplier] : profile.cost.multiplier, penaltyM: n.penaltyM ? [...n.penaltyM] : profile.cost.penaltyM },
    route: {
      ...profile.route,
      ...(n.maxSchoolWalkM !== undefined ? { maxSchoolWalkM: n.maxSchoolWalkM } : {}),
      ...(n.longDetourRatio !== undefined ? { longDetourRatio: n.longDetourRatio } : {}),
    },
  };
  return parseProfile(next);
}
