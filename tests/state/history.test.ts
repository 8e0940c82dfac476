import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/core/model';
import { EMPTY_HISTORY, recordStep, redoStep, undoStep } from '../../src/state/history';

const a = emptyProject('a');
const b = emptyProject('b');
const c = emptyProject('c');

describe('history', () => {
  it('records, undoes and redoes steps', () => {
    let h = recordStep(EMPTY_HISTORY, a, 'x', 'record');
    h = recordStep(h, b, 'y', 'record');
    const u = undoStep(h, c)!;
    expect(u.doc).toBe(b);
    expect(u.history.future[0].doc).toBe(c);
    const r = redoStep(u.history, u.doc)!;
    expect(r.doc).toBe(c);
    expect(r.history.past.map((e) => e.label)).toEqual(['x', 'y']);
  });

  it('skip leaves history alone; merge folds steps with the same key', () => {
    expect(recordStep(EMPTY_HISTORY, a, 'x', 'skip')).toBe(EMPTY_HISTORY);
    let h = recordStep(EMPTY_HISTORY, a, 'opacity', 'merge', 'o:1');
    h = recordStep(h, b, 'opacity', 'merge', 'o:1');
    expect(h.past).toHaveLength(1);
    expect(h.past[0].doc).toBe(a);
    h = recordStep(h, c, 'opacity', 'merge', 'o:2');
    expect(h.past).toHaveLength(2);
  });

  it('a new step clears the redo stack; nothing to undo returns null', () => {
    const h = undoStep(recordStep(EMPTY_HISTORY, a, 'x', 'record'), b)!.history;
    expect(h.future).toHaveLength(1);
    expect(recordStep(h, a, 'z', 'record').future).toHaveLength(0);
    expect(undoStep(EMPTY_HISTORY, a)).toBeNull();
  });
});
