/**
 * The add-rule form's metrics, the fields each one reads, and the rule the form's values make. The draft
 * is not checked here: the core validates it (zod schema and cross-checks) and refuses with reasons.
 */
import { isShareMetric, type RuleDraft } from '../../core/rules';

export const FORM_METRICS = ['share_within', 'worst_distance', 'presence', 'facility_count', 'safe_route_share'] as const;
export type FormMetric = (typeof FORM_METRICS)[number];

/** Safe-route rules route to each home's nearest school (the safe routes' own categories): no facility field. */
export const usesCategory = (kind: FormMetric): boolean => kind !== 'safe_route_share';
export const usesAgeBand = (kind: FormMetric): boolean => kind === 'share_within' || kind === 'worst_distance' || kind === 'safe_route_share';
export const usesThreshold = (kind: FormMetric): boolean => kind === 'share_within';
/** Share targets are typed in per cent. */
export const targetInPercent = (kind: FormMetric): boolean => isShareMetric(kind);

export const isFormMetric = (k: string): k is FormMetric => (FORM_METRICS as readonly string[]).includes(k);

/** The form's values by field name ('' when absent). */
export type FormValues = (name: string) => string;

function metricOf(kind: string, v: FormValues): unknown {
  const category = v('category');
  const age_band = v('ageBand');
  switch (kind) {
    case 'share_within': return { kind, category, age_band, threshold_m: Number(v('threshold')) };
    case 'worst_distance': return { kind, category, age_band };
    case 'safe_route_share': return { kind, age_band };
    default: return { kind, category };
  }
}

export function ruleDraftFromForm(v: FormValues): RuleDraft {
  const kind = v('kind');
  const target = Number(v('target'));
  const year = v('year');
  return {
    id: v('id'), scale: v('scale'), title: { en: v('titleEn'), zh: v('titleZh') }, metric: metricOf(kind, v),
    target: isFormMetric(kind) && targetInPercent(kind) ? target / 100 : target, severity: v('severity'),
    source: { document: v('document'), ...(year ? { year: Number(year) } : {}), clause: v('clause'), confirmed: v('status') },
  } as unknown as RuleDraft; // the core validates every field and refuses with reasons
}
