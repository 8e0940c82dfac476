/** Words and numbers for rules: measured/target with units, statuses and reasons, issue reasons, rule and unit names. */
import type { TFunction, i18n as I18n } from 'i18next';
import { comparatorOf, isShareMetric, WHOLE_AREA_UNIT_ID, type GapRecord, type Rule, type RuleSetIssue, type Scorecard } from '../../core/rules';
import type { Language } from '../../state';
import { formatNumber } from '../format-number';

type MetricRecord = Pick<GapRecord, 'metric'> & { readonly per1000?: boolean };

/** A measured value or target in the metric's unit (%, m, count, m² per child); n/a for NaN. */
export function formatValue(t: TFunction, r: MetricRecord, x: number, lang: Language): string {
  const nf = (v: number, digits: number) => formatNumber(v, lang, digits);
  if (Number.isNaN(x)) return t('rulesUi.measure.na');
  if (x === Infinity) return t('rules.result.unreachable');
  if (isShareMetric(r.metric)) return t('rules.unit.share', { value: nf(x * 100, 1) });
  if (r.metric === 'worst_distance') return t('rules.unit.m', { value: nf(x, 0) });
  if (r.metric === 'play_area_per_child') return t('rules.unit.m2PerChild', { value: nf(x, 2) });
  if (r.per1000) return t('rulesUi.measure.per1000', { value: nf(x, 2) });
  return t('rulesUi.measure.count', { value: nf(x, 2) });
}

export function ruleTarget(t: TFunction, rule: Rule, lang: Language): string {
  const per1000 = rule.metric.kind === 'facility_count' && !!rule.metric.per_1000_children;
  return `${t(`rules.comparator.${comparatorOf(rule)}`)} ${formatValue(t, { metric: rule.metric.kind, per1000 }, rule.target, lang)}`;
}

const compactFormats = new Map<string, Intl.NumberFormat>();
/** 17,560,061 → "17.6M" / "1756万". */
function compactPeople(n: number, lang: Language): string {
  let f = compactFormats.get(lang);
  if (!f) compactFormats.set(lang, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 })));
  return f.format(n);
}

export const recordTarget = (t: TFunction, r: GapRecord, lang: Language): string =>
  `${t(`rules.comparator.${r.comparator}`)} ${formatValue(t, r, r.target, lang)}`;

/** For a target scaled by population: "(800 for 17.6M people, scaled to 36,000)"; '' otherwise. */
export function scaledTargetNote(t: TFunction, r: GapRecord, lang: Language): string {
  if (r.population_base === undefined || r.target_original === undefined) return '';
  return t('rulesUi.measure.scaled', {
    original: formatValue(t, r, r.target_original, lang), base: compactPeople(r.population_base, lang),
    population: formatNumber(Math.round(r.population ?? 0), lang),
  });
}

/** The synthetic whole-study-area city (no city boundary loaded) has no name in data: words come from i18n. */
export const WHOLE_AREA_LABEL_KEY = 'rulesUi.wholeExtract';

/** The unit's name in the page's language; '' for the unnamed whole-area unit (use WHOLE_AREA_LABEL_KEY). */
export const unitName = (u: Pick<Scorecard, 'unit_name' | 'unit_name_zh' | 'unit_id'>, lang: Language): string =>
  (lang === 'zh' && u.unit_name_zh) || u.unit_name || (u.unit_id === WHOLE_AREA_UNIT_ID ? '' : u.unit_id);

/** unitName, with the translated label for the whole-area unit. */
export const unitLabel = (t: TFunction, u: Pick<Scorecard, 'unit_name' | 'unit_name_zh' | 'unit_id'>, lang: Language): string =>
  unitName(u, lang) || t(WHOLE_AREA_LABEL_KEY);

/** One refusal reason: `rules.issue.<code>` with its params and the path it is about. */
export function formatIssue(t: TFunction, i18n: I18n, issue: RuleSetIssue): string {
  const exclusive = issue.code === 'too_small' && issue.params['inclusive'] === false ? '_exclusive' : '';
  const key = `rules.issue.${issue.code}${exclusive}`;
  const params = Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  const path = issue.path.join('.') || '—';
  return i18n.exists(key) ? t(key, { ...params, path }) : `${path}: ${issue.code}`;
}

export const RULE_DISPLAY_CATEGORIES = (r: Pick<GapRecord, 'category'>): string[] => (r.category ? r.category.split('+') : []);

/** The status word: Passed / Failed / Not applicable (never "passed" for a rule that does not apply). */
export const verdictWord = (t: TFunction, r: Pick<GapRecord, 'status'>): string => t(`rules.verdict.${r.status}`);

/** Row class: pass (green), fail (red), na (grey) — not-applicable is never drawn like a pass. */
export const verdictClass = (r: Pick<GapRecord, 'status'>): 'pass' | 'fail' | 'na' =>
  r.status === 'passed' ? 'pass' : r.status === 'failed' ? 'fail' : 'na';

/**
 * Why a record is not applicable or failed without a comparison, in words; '' for an ordinary one.
 * `missing`: the evaluation's categories without a facility (a composite names only those).
 */
export function reasonText(t: TFunction, r: Pick<GapRecord, 'reason' | 'category'>, missing?: readonly string[]): string {
  if (!r.reason) return '';
  const cats = RULE_DISPLAY_CATEGORIES(r);
  const named = missing && r.reason === 'no-facility' ? cats.filter((c) => missing.includes(c)) : cats;
  const category = categoryWords(t, named.length ? named : cats);
  return t(`rules.reason.${r.reason}`, { category });
}

/** The measured cell: "none within reach" when the category has no facility, else formatValue. */
export const measuredText = (t: TFunction, r: GapRecord, lang: Language): string =>
  r.reason === 'no-facility' ? t('rules.measured.noneWithin') : formatValue(t, r, r.measured, lang);

/** Children affected, or the homes when the data has no child counts (NaN children). */
export const affectedText = (t: TFunction, r: Pick<GapRecord, 'children_affected' | 'homes_affected'>, lang: Language): string =>
  Number.isNaN(r.children_affected) ? (r.homes_affected > 0 ? t('rules.affected.homes', { count: formatNumber(r.homes_affected, lang) }) : '—')
    : formatNumber(Math.round(r.children_affected), lang);

/** Category names inside a sentence ("no kindergarten in the data"); lower case leaves Chinese as it is. */
export const categoryWords = (t: TFunction, cats: readonly string[]): string =>
  cats.map((c) => t(`category.${c}`, { defaultValue: c }).toLowerCase()).join(' / ');
