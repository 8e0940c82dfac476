/**
 * The sidebar's width: a focusable separator (WAI-ARIA window splitter) on its right edge. Dragging moves a
 * thin guide line and applies the width on release; arrow keys step it (Shift: larger steps, Home/End: the
 * limits) and apply after a short pause. Every applied width resizes the map's WebGL canvas, which costs
 * seconds with software WebGL, so it is not done on every pointer move or key press. Remembered per device.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const KEY = 'cfc.sidebarWidth';
export const SIDEBAR_DEFAULT = 400;
export const SIDEBAR_MIN = 280;
const STEP = 16;
const KEY_DELAY_MS = 250;

/** At least 320 px of map stay visible; never wider than 900 px. */
export const sidebarMax = (): number => Math.max(SIDEBAR_MIN, Math.min(900, window.innerWidth - 320));
const clamp = (w: number) => Math.round(Math.min(sidebarMax(), Math.max(SIDEBAR_MIN, w)));

function saved(): number {
  try {
    const n = Number(localStorage.getItem(KEY));
    return Number.isFinite(n) && n > 0 ? clamp(n) : SIDEBAR_DEFAULT;
  } catch {
    return SIDEBAR_DEFAULT;
  }
}

export function useSidebarWidth(): readonly [number, (w: number) => void] {
  const [width, setWidth] = useState(saved);
  const apply = useCallback((w: number) => {
    const v = clamp(w);
    setWidth(v);
    try {
      localStorage.setItem(KEY, String(v));
    } catch {
      // storage may be unavailable (private mode); the width then lasts for the session
    }
  }, []);
  return [width, apply] as const;
}

export function SidebarResizer({ width, onResize }: { readonly width: number; readonly onResize: (w: number) => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const start = useRef({ x: 0, w: 0 });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const shown = pending ?? width;

  function onKey(e: KeyboardEvent) {
    const base = pending ?? width;
    const step = e.shiftKey ? STEP * 4 : STEP;
    const next = { ArrowLeft: base - step, ArrowRight: base + step, ArrowDown: base - step, ArrowUp: base + step, Home: SIDEBAR_MIN, End: sidebarMax() }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const v = clamp(next);
    setPending(v);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      onResize(v);
      setPending(null);
    }, KEY_DELAY_MS);
  }
  function onDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, w: width };
    setDragging(true);
    setPending(width);
  }
  function onMove(e: PointerEvent<HTMLDivElement>) {
    if (dragging) setPending(clamp(start.current.w + e.clientX - start.current.x));
  }
  function onUp(e: PointerEvent<HTMLDivElement>) {
    if (!dragging) return;
    setDragging(false);
    onResize(clamp(start.current.w + e.clientX - start.current.x));
    setPending(null);
  }

  return (
    <>
      <div className={dragging ? 'sidebar-resizer dragging' : 'sidebar-resizer'} style={{ left: shown }}
        role="separator" aria-orientation="vertical" aria-controls="sidebar" aria-label={t('layout.sidebarResize')} tabIndex={0}
        aria-valuenow={shown} aria-valuemin={SIDEBAR_MIN} aria-valuemax={sidebarMax()}
        onKeyDown={onKey} onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} />
      {pending !== null && pending !== width && <div className="sidebar-resize-ghost" style={{ left: pending - 1 }} aria-hidden="true" />}
    </>
  );
}
