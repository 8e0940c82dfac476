import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { analysisInputsKey, type ProposalEffect } from '../../state';
import { featurePoint } from '../../sketch/feature-point';
import { ageIcon, iconOf } from '../../sketch/sketch-icons';
import { WALL_KINDS, wallFigures, type WallProposal } from '../../sketch/wall-figures';
import { SUMMARY_BANDS } from '../../sketch/workshop-summary';
import { categoryLabel } from '../analysis/format';
import { formatNumber } from '../format-number';
import { LanguageSwitch } from '../LanguageSwitch';
import { useAppState, useAppStore } from '../store-context';
import { Icon } from './Icon';
import { Presence } from './Presence';
import { effectData, effectFigures } from './ProposalEffectView';
import { ageLabel } from './SessionChooser';
import './wall.css';

/** The smallest span (degrees) the wall's map shows around the marks: a street's worth around a single mark. */
const MIN_SPAN = 0.006;

/**
 * The wall's map shows every mark: fitted when the first arrive, again when one lands outside the view,
 * and again after any other camera move the app asks for (the demo city zooms to itself once loaded).
 */
function useFitMarks() {
  const store = useAppStore();
  const features = useAppState((s) => s.sketch.features);
  const camera = useAppState((s) => s.cameraRequest?.seq ?? 0);
  const mine = useRef(-1);
  useEffect(() => {
    if (!features.length) return;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of features.map(featurePoint)) [w, s, e, n] = [Math.min(w, x), Math.min(y, s), Math.max(e, x), Math.max(n, y)];
    const vb = store.getState().viewBounds;
    if (camera === mine.current && vb && w >= vb[0] && s >= vb[1] && e <= vb[2] && n <= vb[3]) return;
    // A margin of 15 % around the marks, and more above them: a sticker stands on its point.
    const [cx, cy, hx, hy] = [(w + e) / 2, (s + n) / 2, Math.max(e - w, MIN_SPAN) / 2, Math.max(n - s, MIN_SPAN) / 2];
    store.getState().requestBounds([cx - 1.3 * hx, cy - 1.3 * hy, cx + 1.3 * hx, cy + 1.5 * hy]);
    mine.current = store.getState().cameraRequest?.seq ?? 0;
  }, [features, camera, store]);
}

/** Measures the proposals whenever they (or the layers they are measured on) change. */
function useMeasure(proposals: readonly WallProposal[]) {
  const store = useAppStore();
  const key = proposals.map((p) => `${p.id}:${p.category}:${p.point.join(',')}`).join('|');
  const inputs = useAppState((s) => analysisInputsKey(s.doc.layers));
  const loaded = useAppState((s) => s.doc.layers.some((l) => l.role === 'homes' && s.layerData[l.id]));
  useEffect(() => {
    if (loaded) void store.getState().measureWall();
  }, [key, inputs, loaded, store]);
}

function WallProposalCard({ proposal, effect }: { readonly proposal: WallProposal; readonly effect: ProposalEffect | undefined }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const nf = (x: number | null | undefined) => (x === null || x === undefined ? '–' : formatNumber(Math.round(x), lang));
  const figures = effect ? effectFigures(effect) : null;
  const gain = figures?.childrenGain ?? null;
  const gaps = effect?.gaps;
  const finest = gaps?.levels.at(-1);
  const closed = gaps ? gaps.levels.reduce((a, l) => a + l.closed, 0) : 0;
  return (
    <article className="wall-proposal" data-testid="wall-proposal" data-id={proposal.id} data-measured={!!effect}
      {...(effect ? effectData(effect) : {})} {...(gaps ? { 'data-failing-before': gaps.failingBefore, 'data-failing-after': gaps.failingAfter, 'data-closed': closed } : {})}>
      <h4>
        <Icon id="proposal" size={44} className="inline-pic" />
        <span>{categoryLabel(t, proposal.category)}</span>
        {figures?.within !== undefined && <span className="wall-within">{t('sketch.wall.within', { m: nf(figures.within) })}</span>}
      </h4>
      {!effect ? <p className="wall-note" role="status">{t('sketch.wall.measuring')}</p> : (
        <>
          {effect.error && <p className="sketch-issue" role="alert">{t(`error.${effect.error}`, { defaultValue: effect.error })}</p>}
          <p className="wall-label">{t('sketch.wall.childrenWithin')}</p>
          <p className="wall-before-after">
            <span className="before">{nf(effect.before?.children)}</span>
            <span className="arrow" aria-hidden="true">→</span>
            <strong className="after">{nf(effect.after?.children)}</strong>
          </p>
          {gain !== null && (
            <p className={gain > 0 ? 'wall-gain up' : 'wall-gain'}>{gain > 0 ? t('sketch.wall.gain', { count: Math.round(gain), n: nf(gain) }) : t('sketch.wall.noGain')}</p>
          )}
          <p className="wall-small">{t('sketch.wall.homesWithin', { before: nf(effect.before?.homes), after: nf(effect.after?.homes) })}</p>
          {gaps && (
            <p className="wall-small">
              {t('sketch.wall.failing', { before: nf(gaps.failingBefore), after: nf(gaps.failingAfter) })}
              {' · '}{t('sketch.wall.closed', { count: closed, n: nf(closed) })}
              {finest && <>{' · '}{t('sketch.wall.friendly', { level: t(`rules.scale.${finest.level}`), before: nf(finest.friendlyBefore), after: nf(finest.friendlyAfter), units: nf(finest.units) })}</>}
            </p>
          )}
        </>
      )}
    </article>
  );
}

/**
 * The results wall: beside the map, the workshop's marks by kind and age band, who is here, and what each
 * proposal changes, in type big enough to read across a room. Read-only: a viewer of the workshop.
 */
export function ResultsWall() {
  const on = useAppState((s) => s.wall.on);
  return on ? <WallBody /> : null;
}

function WallBody() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const features = useAppState((s) => s.sketch.features);
  const effects = useAppState((s) => s.wall.effects);
  const measuring = useAppState((s) => s.wall.measuring);
  const setWall = useAppState((s) => s.setWall);
  const figures = useMemo(() => wallFigures(features), [features]);
  useFitMarks();
  useMeasure(figures.proposals);
  const nf = (x: number) => formatNumber(x, lang);
  const maxBand = Math.max(1, ...SUMMARY_BANDS.map((b) => figures.byBand[b]));
  const newestFirst = [...figures.proposals].reverse();
  return (
    <aside className="results-wall" data-testid="results-wall" aria-labelledby="wall-title" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="wall-head">
        <h2 id="wall-title">{t('sketch.wall.title')}</h2>
        <LanguageSwitch className="lang-switch wall-lang" />
        <button type="button" className="wall-leave" data-testid="wall-leave" onClick={() => setWall(false)}>{t('sketch.wall.leave')}</button>
      </header>
      <div className="wall-present" aria-label={t('sketch.wall.present')}><Presence /></div>
      <section className="wall-marks" data-testid="wall-marks" data-total={figures.marks} aria-labelledby="wall-marks-title">
        <h3 id="wall-marks-title"><span>{t('sketch.wall.marks')}</span> <strong className="wall-total">{nf(figures.marks)}</strong></h3>
        <ul className="wall-kinds">
          {WALL_KINDS.map((k) => (
            <li key={k} data-kind={k} data-count={figures.byKind[k]} className={figures.byKind[k] ? '' : 'none'}>
              <Icon id={iconOf(k)} size={46} className="inline-pic" />
              <strong className="n">{nf(figures.byKind[k])}</strong>
              <span className="label">{t(`sketch.kind.${k}`)}</span>
            </li>
          ))}
        </ul>
        <h3 className="wall-sub">{t('sketch.wall.byAge')}</h3>
        <ul className="wall-ages">
          {SUMMARY_BANDS.map((b) => (
            <li key={b} data-band={b} data-count={figures.byBand[b]}>
              {b === 'unknown' ? <span className="age-pic" /> : <Icon id={ageIcon(b)} size={32} className="inline-pic" />}
              <span className="label">{b === 'unknown' ? t('sketch.wall.noAge') : ageLabel(b)}</span>
              <strong className="n">{nf(figures.byBand[b])}</strong>
              <span className="bar" aria-hidden="true"><span style={{ width: `${(100 * figures.byBand[b]) / maxBand}%` }} /></span>
            </li>
          ))}
        </ul>
      </section>
      <section className="wall-proposals" data-testid="wall-proposals" aria-labelledby="wall-proposals-title">
        <h3 id="wall-proposals-title">{t('sketch.wall.proposals')} <strong className="wall-total">{nf(figures.proposals.length)}</strong></h3>
        {measuring && <p className="wall-note" role="status">{t('sketch.wall.measuring')}</p>}
        {newestFirst.length === 0 ? <p className="wall-note">{t('sketch.wall.noProposals')}</p>
          : newestFirst.map((p) => <WallProposalCard key={p.id} proposal={p} effect={effects[p.id]} />)}
      </section>
    </aside>
  );
}
