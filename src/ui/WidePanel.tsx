/**
 * A table that can open full width: inline in the sidebar, or (after "Expand") in a wide overlay over the
 * map that Escape or "Close" dismisses, focus going back to the Expand button. The children render in one
 * place at a time, so ids and test ids stay unique.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export function WidePanel({ title, children, testId, bodyClass }: {
  readonly title: string; readonly children: ReactNode; readonly testId: string; /** Classes the children's styles need in the overlay. */ readonly bodyClass?: string;
}) {
  const { t } = useTranslation();
  const [wide, setWide] = useState(false);
  const expand = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!wide) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setWide(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [wide]);
  const wasWide = useRef(false);
  useEffect(() => {
    if (wasWide.current && !wide) expand.current?.focus();
    wasWide.current = wide;
  }, [wide]);

  if (!wide) {
    return (
      <div className="wide-panel-inline">
        <button ref={expand} type="button" className="expand-table" onClick={() => setWide(true)} aria-label={t('layout.expandTable', { table: title })}>
          {t('layout.expand')}
        </button>
        {children}
      </div>
    );
  }
  return (
    <>
      <p className="muted wide-panel-placeholder">{t('layout.openWide', { table: title })}
        <button ref={expand} type="button" onClick={() => setWide(false)}>{t('layout.close')}</button></p>
      {createPortal(
        <div className="wide-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid={testId}>
          <header className="wide-panel-head">
            <h2 id={titleId}>{title}</h2>
            <button ref={close} type="button" onClick={() => setWide(false)}>{t('layout.close')}</button>
          </header>
          <div className={`wide-panel-body ${bodyClass ?? ''}`}>{children}</div>
        </div>,
        document.body,
      )}
    </>
  );
}
