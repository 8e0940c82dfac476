import { useTranslation } from 'react-i18next';
import { SKETCH_KINDS } from '../../core/sketch';
import { iconOf } from '../../sketch/sketch-icons';
import { useAppState } from '../store-context';
import { Icon } from './Icon';
import { Presence } from './Presence';
import { ProposalEffectView } from './ProposalEffectView';
import { SelectedSketch } from './SelectedSketch';
import { SessionChooser } from './SessionChooser';
import { SketchTools, useSketchKeys } from './SketchTools';
import { WallLink } from './WallLink';
import { WorkshopSummary } from './WorkshopSummary';
import './sketch.css';

/** The 'Sketch' tab: the workshop, the session, the drawing tools, the selected mark and what a proposal changed. */
export function SketchPanel() {
  const { t } = useTranslation();
  const kid = useAppState((s) => s.sketch.kidMode);
  const setKidMode = useAppState((s) => s.setKidMode);
  const features = useAppState((s) => s.sketch.features);
  useSketchKeys(!kid);
  const counts = SKETCH_KINDS.map((k) => [k, features.filter((f) => f.properties.kind === k).length] as const).filter(([, n]) => n > 0);
  return (
    <section className="panel sketch-panel" aria-labelledby="sketch-title">
      <h2 id="sketch-title">{t('sketch.title')}</h2>
      <p className="note">{t('sketch.intro')}</p>
      <Presence />
      <WallLink />
      <button type="button" className="sketch-btn big primary" data-testid="kid-mode-on" onClick={() => setKidMode(true)}>
        <Icon id="kid" /><span className="word">{t('sketch.kidMode')}</span>
      </button>
      {/* In kid mode the tools are on the map, big; the sidebar is hidden (sketch.css). */}
      {!kid && <SessionChooser />}
      {!kid && <SketchTools />}
      <p className="sketch-counts" data-testid="sketch-count" data-count={features.length}>
        {counts.length === 0 ? t('sketch.empty') : counts.map(([k, n], i) => (
          <span key={k}>{i > 0 && ' · '}<Icon id={iconOf(k)} size={16} className="inline-pic" /> {t(`sketch.kind.${k}`)} {n}</span>
        ))}
      </p>
      <SelectedSketch />
      <ProposalEffectView />
      <WorkshopSummary />
    </section>
  );
}
