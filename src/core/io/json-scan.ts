/**
 * Why JSON.parse failed, independent of the engine's message (V8 no longer gives a position): the
 * text ends inside a value (truncated), or the first offending character is at a line and column.
 */
export type JsonFailure = { readonly kind: 'truncated' } | { readonly kind: 'syntax'; readonly line: number; readonly column: number };

class Stop {
  constructor(readonly at: number) {}
}

export function diagnoseJson(text: string): JsonFailure {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const need = (c: string) => {
    if (i >= n) throw new Stop(n);
    if (text[i] !== c) throw new Stop(i);
    i++;
  };
  const str = () => {
    need('"');
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    need('"');
  };
  const value = (depth: number): void => {
    ws();
    if (i >= n) throw new Stop(n);
    const c = text[i];
    if (depth > 2000) throw new Stop(i);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          str();
          ws();
          need(':');
        }
        value(depth + 1);
        ws();
        if (i >= n) throw new Stop(n);
        if (text[i] === ',') i++;
        else return need(close);
      }
    }
    if (c === '"') return str();
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) throw new Stop(i);
    i += m[0].length;
  };
  try {
    value(0);
    ws();
    if (i < n) throw new Stop(i);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.at >= n) return { kind: 'truncated' };
    const before = text.slice(0, e.at);
    return { kind: 'syntax', line: before.split('\n').length, column: e.at - before.lastIndexOf('\n') };
  }
  // Parsed here but not by JSON.parse (e.g. a control character in a string): point at the start.
  return { kind: 'syntax', line: 1, column: 1 };
}
