/**
 * Human progress on stderr for the commands: the stage in English (the app's own message), a percentage,
 * at most one line per `everyMs` within a stage (a new stage always prints), and the elapsed time.
 */
import type { Progress } from '../core/jobs';
import { translate } from './messages';

export interface ProgressPrinter {
  (p: Pick<Progress, 'stage' | 'fraction' | 'detail'>): void;
  /** Seconds since the printer was made. */
  readonly elapsedS: () => number;
}

export function progressPrinter(write: (line: string) => void, opts: { everyMs?: number; now?: () => number } = {}): ProgressPrinter {
  const everyMs = opts.everyMs ?? 1000;
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  let lastStage = '';
  let lastAt = -Infinity;
  let lastPct = -1;
  const print = (p: Pick<Progress, 'stage' | 'fraction' | 'detail'>): void => {
    const t = now();
    const pct = p.fraction === undefined ? undefined : Math.max(0, Math.min(100, Math.round(p.fraction * 100)));
    const newStage = p.stage !== lastStage;
    if (!newStage && (t - lastAt < everyMs || pct === lastPct)) return;
    lastStage = p.stage;
    lastAt = t;
    lastPct = pct ?? -1;
    const head = pct === undefined ? '[    ]' : `[${String(pct).padStart(3)}%]`;
    const secs = ((t - t0) / 1000).toFixed(1);
    write(`${head} ${translate(p.stage, p.detail ?? {})} (${secs} s)`);
  };
  return Object.assign(print, { elapsedS: () => (now() - t0) / 1000 });
}
