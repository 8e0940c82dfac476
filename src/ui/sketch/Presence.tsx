import { useTranslation } from 'react-i18next';
import { useAppState } from '../store-context';
import { Icon } from './Icon';

/**
 * Who is in the workshop: a colour and an emoji each (awareness carries nothing else). The emoji is the
 * accessible name; the picture is a bundled face in the person's colour (emoji fonts may be missing).
 * The link's state comes first, with a picture (a child may not read it): offline (the server or the
 * network gone) is shown in warning colours until the provider is back, and marks keep being drawn.
 */
export function Presence() {
  const { t } = useTranslation();
  const room = useAppState((s) => s.sketch.room);
  const role = useAppState((s) => s.sketch.role);
  const w = useAppState((s) => s.sketch.workshop);
  if (w.status === 'none') return null;
  return (
    <div className="sketch-presence" data-testid="sketch-presence" data-status={w.status}>
      <span className={`status status-${w.status}`} role="status" data-testid="sketch-link-status">
        {(w.status === 'connected' || w.status === 'offline') && <Icon id={w.status === 'connected' ? 'online' : 'offline'} size={20} className="inline-pic" />}
        {t(`sketch.workshop.${w.status}`, { room })}
      </span>
      {role === 'viewer' && <span className="badge">{t('sketch.workshop.viewer')}</span>}
      <ul aria-label={t('sketch.workshop.present')}>
        {w.peers.map((p) => (
          <li key={p.clientId} className="peer" data-testid="peer" data-self={p.self} style={{ borderColor: p.colour, background: `${p.colour}33` }}
            aria-label={p.emoji} title={p.self ? t('sketch.workshop.you') : t(`sketch.workshop.role.${p.role}`)}>
            <Icon id="kid" size={22} className="inline-pic" />
          </li>
        ))}
      </ul>
    </div>
  );
}
