import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncUpdateOf } from '../../src/collab/sync-message';
import { signToken, verifyToken } from '../../src/collab/token';

const secret = 'unit-secret-0123456789';
const now = Date.parse('2026-12-03T08:00:00Z');
const exp = now / 1000 + 3600;

describe('room tokens', () => {
  it('is base64url JSON and an HMAC-SHA256 of it, computed independently', () => {
    const t = signToken(secret, { room: 'r1', role: 'viewer', exp });
    const [payload, mac] = t.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({ room: 'r1', role: 'viewer', exp });
    expect(mac).toBe(createHmac('sha256', secret).update(payload!).digest('base64url'));
    expect(verifyToken(secret, t, now)).toEqual({ ok: true, claims: { room: 'r1', role: 'viewer', exp } });
  });

  it('refuses another secret, a changed payload, an expired token and junk', () => {
    const t = signToken(secret, { room: 'r1', role: 'viewer', exp });
    expect(verifyToken('other-secret-0123456789', t, now)).toEqual({ ok: false, reason: 'signature' });
    const forged = `${Buffer.from(JSON.stringify({ room: 'r1', role: 'editor', exp })).toString('base64url')}.${t.split('.')[1]}`;
    expect(verifyToken(secret, forged, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyToken(secret, t, exp * 1000)).toEqual({ ok: false, reason: 'expired' });
    for (const junk of ['', '.', 'abc', 42, null, 'a.b.c']) expect(verifyToken(secret, junk, now).ok).toBe(false);
  });
});

describe('syncUpdateOf', () => {
  // A Hocuspocus frame: varString name, varUint type, varUint step, varUint8Array payload.
  const frame = (name: string, type: number, step: number, payload: Uint8Array) => {
    const varUint = (n: number) => {
      const out: number[] = [];
      while (n >= 0x80) {
        out.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
      }
      out.push(n);
      return out;
    };
    const nameBytes = [...new TextEncoder().encode(name)];
    return new Uint8Array([...varUint(nameBytes.length), ...nameBytes, ...varUint(type), ...varUint(step), ...varUint(payload.length), ...payload]);
  };

  it('reads the update of sync step 2 and update frames, nothing else', () => {
    const doc = new Y.Doc();
    doc.getMap('features').set('a', { note: 'x'.repeat(300) }); // a payload longer than one varint byte
    const update = Y.encodeStateAsUpdate(doc);
    expect(syncUpdateOf(frame('room', 0, 2, update))).toEqual(update);
    expect(syncUpdateOf(frame('房间', 0, 1, update))).toEqual(update);
    expect(syncUpdateOf(frame('room', 4, 1, update))).toEqual(update);
    expect(syncUpdateOf(frame('room', 0, 0, update))).toBeNull(); // step 1 carries a state vector
    expect(syncUpdateOf(frame('room', 1, 0, update))).toBeNull(); // awareness
    expect(syncUpdateOf(frame('room', 0, 2, update).subarray(0, 10))).toBeNull(); // truncated
  });
});
