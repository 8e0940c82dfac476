// Reads the Yjs update out of one incoming Hocuspocus frame, without a dependency on lib0's decoder:
// varString document name, varUint message type (0 sync, 4 sync reply), varUint sync step
// (1 step 2, 2 update), varUint8Array update. Anything else (awareness, auth, step 1) carries no update.

const SYNC = 0;
const SYNC_REPLY = 4;
const STEP_2 = 1;
const UPDATE = 2;

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  varUint(): number {
    let n = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('truncated message');
      const b = this.bytes[this.pos++]!;
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
      if (mult > 2 ** 53) throw new RangeError('varUint too long');
    }
  }
  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new RangeError('truncated message');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

/** The Yjs update a sync frame carries, or null for every other frame (or one that cannot be read). */
export function syncUpdateOf(frame: Uint8Array): Uint8Array | null {
  try {
    const r = new Reader(frame);
    r.bytesOf(r.varUint()); // document name
    const type = r.varUint();
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    const step = r.varUint();
    if (step !== STEP_2 && step !== UPDATE) return null;
    return r.bytesOf(r.varUint());
  } catch {
    return null;
  }
}
