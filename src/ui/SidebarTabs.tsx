/**
 * The sidebar's panels as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs). Each panel is its
 * own component; a feature adds itself by adding one entry to PANELS.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelId } from '../state';
import { useAppState } from './store-context';

export interface PanelEntry {
  readonly id: PanelId;
  /** i18n key of the tab label. */
  readonly labelKey: string;
  readonly render: () => ReactNode;
}

export function SidebarTabs({ panels }: { readonly panels: readonly PanelEntry[] }) {
  const { t } = useTranslation();
  const open = useAppState((s) => s.openPanel);
  const setOpen = useAppState((s) => s.setOpenPanel);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const active = panels.find((p) => p.id === open) ?? panels[0]!;

  function onKey(e: KeyboardEvent, i: number) {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + panels.length) % panels.length;
    setOpen(panels[next]!.id);
    refs.current[next]?.focus();
  }

  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label={t('panel.tabs')}>
        {panels.map((p, i) => (
          <button key={p.id} ref={(el) => { refs.current[i] = el; }} role="tab" id={`tab-${p.id}`} type="button"
            aria-selected={p.id === active.id} aria-controls={`panel-${p.id}`} tabIndex={p.id === active.id ? 0 : -1}
            className={p.id === active.id ? 'active' : undefined} onClick={() => setOpen(p.id)} onKeyDown={(e) => onKey(e, i)}>
            {t(p.labelKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} className="sidebar-panel">
        {active.render()}
      </div>
    </>
  );
}
