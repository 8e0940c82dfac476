import { useTranslation } from 'react-i18next';
import { wallLinkHash } from '../../sketch/workshop-link';
import { useAppState } from '../store-context';

/**
 * "Open results wall": the link a second screen opens (this workshop's room, token and server with
 * `wall=1`), to copy or open. The wall never draws; with an editor's token the note says how to make a
 * viewer's.
 */
export function WallLink() {
  const { t } = useTranslation();
  const status = useAppState((s) => s.sketch.workshop.status);
  const role = useAppState((s) => s.sketch.role);
  const room = useAppState((s) => s.sketch.room);
  if (status === 'none') return null;
  const hash = wallLinkHash(window.location.hash);
  if (!hash) return null;
  const href = `${window.location.origin}${window.location.pathname}${window.location.search}${hash}`;
  return (
    <details className="wall-link" data-testid="wall-link">
      <summary>{t('sketch.wall.open')}</summary>
      <p className="note">{t('sketch.wall.openHint')}</p>
      <label>{t('sketch.wall.link')}
        <input type="text" readOnly value={href} data-testid="wall-link-url" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <a href={href} target="_blank" rel="noopener noreferrer" data-testid="wall-link-open">{t('sketch.wall.openNow')}</a>
      {role === 'editor' && <p className="note">{t('sketch.wall.editorToken', { room })}</p>}
    </details>
  );
}
