export { suggestSites, type SuggestSitesInput, type SiteSuggestion } from './suggest-sites';
export {
  uncoveredWeightFromAccess, uncoveredWeightFromHomes, candidateCoverageFromDistances, remainingUncovered,
} from './coverage';
export { networkPoints, selectPoints, thinByGrid, DEFAULT_MAX_CANDIDATES, type CandidatePoints } from './candidates';
export { networkCoverage } from './network-coverage';
