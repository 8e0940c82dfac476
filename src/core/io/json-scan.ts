/**
 * Why JSON.parse failed, independent of the engine's message (V8 no longer gives a position): the
 * text ends inside a value (truncated), or the first offending character is at a line and column.
 * An explicit stack, not recursion: a file nested 100,000 deep and cut short is truncated, not a syntax
 * error at the depth where a recursive scanner would give up.
 */
export type JsonFailure = { readonly kind: 'truncated' } | { readonly kind: 'syntax'; readonly line: number; readonly column: number };

class Stop {
  constructor(readonly at: number) {}
}

const LITERAL = /-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;

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
  const key = () => {
    ws();
    str();
    ws();
    need(':');
  };
  /** Closers of the open arrays and objects, innermost last. */
  const open: string[] = [];
  try {
    for (;;) {
      // A value.
      ws();
      if (i >= n) throw new Stop(n);
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        const close = c === '{' ? '}' : ']';
        if (text[i] !== close) {
          open.push(close);
          if (c === '{') key();
          continue;
        }
        i++;
      } else if (c === '"') str();
      else {
        LITERAL.lastIndex = i;
        const m = LITERAL.exec(text);
        if (!m) throw new Stop(i);
        i += m[0].length;
      }
      // After a value: a comma and the next one, or closers.
      for (;;) {
        ws();
        if (open.length === 0) {
          if (i < n) throw new Stop(i);
          // Parsed here but not by JSON.parse (e.g. a control character in a string): point at the start.
          return { kind: 'syntax', line: 1, column: 1 };
        }
        if (i >= n) throw new Stop(n);
        if (text[i] === ',') {
          i++;
          if (open[open.length - 1] === '}') key();
          break;
        }
        need(open.pop()!);
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.at >= n) return { kind: 'truncated' };
    const before = text.slice(0, e.at);
    return { kind: 'syntax', line: before.split('\n').length, column: e.at - before.lastIndexOf('\n') };
  }
}
