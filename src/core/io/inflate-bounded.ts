/**
 * zlib / gzip inflation that never produces more than a limit: the compressed input is pushed in small
 * steps, so one step inflates to at most ~1032 × STEP bytes (deflate's best ratio), and the output is
 * counted as it comes. A decompression bomb stops at the limit instead of exhausting memory.
 */
import { Gunzip, Unzlib } from 'fflate';

/** Compressed bytes per push: at most ~16 MiB of output between two checks. */
const STEP = 16 * 1024;

export class InflateLimitError extends Error {
  constructor(
    /** Bytes inflated when the limit was passed (a lower bound of the real size). */
    readonly produced: number,
    readonly limit: number,
  ) {
    super(`inflated size over ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

export class InflateCorruptError extends Error {
  constructor(
    detail: string,
    /** The compressed data ended before the stream did (fflate's code 0): a file cut short, not a damaged one. */
    readonly eof = false,
  ) {
    super(detail);
    this.name = 'InflateCorruptError';
  }
}

export interface BoundedInflater {
  /** Pushes compressed bytes; throws InflateLimitError past the limit, InflateCorruptError on bad data. */
  push(data: Uint8Array, final: boolean): void;
  /** Bytes inflated so far. */
  readonly produced: number;
}

/** A streaming inflater handing each inflated chunk to `onChunk`, refusing to produce more than `limit`. */
export function createBoundedInflater(
  kind: 'zlib' | 'gzip',
  limit: number,
  onChunk: (chunk: Uint8Array, final: boolean) => void,
): BoundedInflater {
  let produced = 0;
  const ondata = (chunk: Uint8Array, final: boolean) => {
    produced += chunk.length;
    if (produced > limit) throw new InflateLimitError(produced, limit);
    onChunk(chunk, final);
  };
  const stream = kind === 'zlib' ? new Unzlib(ondata) : new Gunzip(ondata);
  return {
    push(data, final) {
      for (let pos = 0; pos < data.length || (final && pos === 0); pos += STEP) {
        const end = Math.min(data.length, pos + STEP);
        const last = final && end >= data.length;
        try {
          stream.push(data.subarray(pos, end), last);
        } catch (e) {
          if (e instanceof InflateLimitError) throw e;
          // Errors from the consumer pass through; fflate's own errors carry a numeric code.
          const code = (e as { code?: unknown })?.code;
          if (typeof code === 'number') throw new InflateCorruptError(String((e as Error).message), code === 0);
          throw e;
        }
        if (last) break;
      }
    },
    get produced() {
      return produced;
    },
  };
}

/** Inflates a whole buffer, at most `limit` bytes. */
export function inflateBounded(kind: 'zlib' | 'gzip', data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const inflater = createBoundedInflater(kind, limit, (c) => chunks.push(c));
  inflater.push(data, true);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(inflater.produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
