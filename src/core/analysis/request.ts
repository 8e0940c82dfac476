/**
 * The one access request builder: what the project's settings and the active scenario ask of a run. The
 * Access panel and the rule check both build their requests here, so the same document gives the same run
 * (they used to differ: one left the scenario's proposals out).
 */
import type { Settings } from '../model';
import type { AccessRequest, ProposedFacility } from './types';

export interface RequestChoice {
  /** Categories to analyse; [] lets a rule check take the ones its rule set needs. */
  readonly categories: readonly string[];
  /** The active scenario's facility proposals. */
  readonly proposals: readonly ProposedFacility[];
  /** Reachable streets for the map ('segments'), or none when only numbers are needed. */
  readonly isochrones: NonNullable<AccessRequest['isochrones']>;
}

export function buildAccessRequest(settings: Settings, choice: RequestChoice): AccessRequest {
  return {
    categories: choice.categories,
    thresholds: settings.thresholdsM.map((m) => ({ m })),
    ...(settings.walkSpeedsMps ? { speedsMps: settings.walkSpeedsMps } : {}),
    maxSnapM: settings.maxSnapM,
    isochrones: choice.isochrones,
    ...(choice.proposals.length ? { proposals: choice.proposals } : {}),
  };
}
