import { useTranslation } from 'react-i18next';
import { useAppState } from '../store-context';
import { Presence } from './Presence';
import { SessionChooser } from './SessionChooser';
import { SketchTools, useSketchKeys } from './SketchTools';
import { Icon } from './Icon';
import './sketch.css';

/** Kid mode: the map with a bar of big picture buttons for a touch screen; the session is asked first. */
export function KidMode() {
  const { t } = useTranslation();
  const on = useAppState((s) => s.sketch.kidMode);
  const chosen = useAppState((s) => s.sketch.sessionChosen);
  const setKidMode = useAppState((s) => s.setKidMode);
  const setTool = useAppState((s) => s.setSketchTool);
  useSketchKeys(on);
  if (!on) return null;
  return (
    <div className="kid-mode" data-testid="kid-mode">
      {!chosen ? <SessionChooser big /> : <SketchTools big />}
      <div className="kid-mode-foot">
        <Presence />
        <button type="button" className="sketch-btn big" data-testid="kid-mode-off" onClick={() => { setTool('none'); setKidMode(false); }}>
          <Icon id="close" /><span className="word">{t('sketch.kidModeOff')}</span>
        </button>
      </div>
    </div>
  );
}
