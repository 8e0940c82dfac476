import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signToken } from '../../src/collab/token';
import { connect, point, settled, sleep, until, type Client } from './helpers/client';
import { SECRET, runCli, startServer, storedNames, type ServerProcess } from './helpers/server-process';

// Tokens, viewers, erase, and the document rules, against the real server process.

const dir = mkdtempSync(join(tmpdir(), 'collab-rules-'));
const dbPath = join(dir, 'workshops.sqlite');
const hour = () => Math.floor(Date.now() / 1000) + 3600;
const token = (room: string, role: 'editor' | 'viewer' = 'editor') => signToken(SECRET, { room, role, exp: hour() });
const fileHas = (text: string) => existsSync(dbPath) && readFileSync(dbPath).includes(Buffer.from(text));
let server: ServerProcess;
const clients: Client[] = [];
const open = (room: string, t = token(room)) => {
  const c = connect(server.port, room, t);
  clients.push(c);
  return c;
};

// startServer allows the server 30 s to start (a loaded machine); vitest's hooks would give up at 10 s.
beforeAll(async () => {
  server = await startServer(dbPath);
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  server.proc.kill('SIGKILL');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

describe('collab server: tokens and roles', () => {
  it('refuses a bad token, and accepts one printed by the CLI', async () => {
    const bad = [
      signToken('another-secret-0123456789', { room: 'auth', role: 'editor', exp: hour() }),
      signToken(SECRET, { room: 'other-room', role: 'editor', exp: hour() }),
      signToken(SECRET, { room: 'auth', role: 'editor', exp: Math.floor(Date.now() / 1000) - 1 }),
      signToken(SECRET, { room: 'auth', role: 'erase', exp: hour() }),
      'not-a-token',
      '',
    ].map((t) => open('auth', t));
    await until('every bad token refused', () => bad.every((c) => c.authFailures.length > 0));
    for (const c of bad) c.features.set('x', point('x', { kind: 'wish' }));
    const printed = await runCli(dbPath, ['token', '--room', 'auth', '--role', 'editor', '--hours', '1']);
    expect(printed.code).toBe(0);
    const good = open('auth', printed.out.trim());
    await settled(good);
    await sleep(300);
    expect(good.features.size).toBe(0);
    expect(bad.every((c) => !c.provider.isSynced)).toBe(true);
  });

  it("never lets a viewer's update reach the document", async () => {
    const editor = open('viewer');
    await settled(editor);
    editor.features.set('e1', point('e1', { kind: 'wish' }));
    const viewer = open('viewer', token('viewer', 'viewer'));
    await until('viewer reads the editor', () => viewer.features.has('e1'));
    viewer.features.set('v1', point('v1', { kind: 'danger' }));
    viewer.features.delete('e1');
    await sleep(600);
    const late = open('viewer');
    await settled(late);
    expect([...late.features.keys()]).toEqual(['e1']);
    expect(editor.features.has('v1')).toBe(false);
    expect(editor.features.has('e1')).toBe(true);
  });
});

describe('collab server: document rules', () => {
  it('strips an unknown property key without disconnecting the writer', async () => {
    const a = open('keys');
    const b = open('keys');
    await Promise.all([settled(a), settled(b)]);
    a.features.set('f1', point('f1', { kind: 'wish', name: 'Li Wei Xiaoming', age_band: '7_12', note: 'x'.repeat(141) }));
    await until('b sees the cleaned feature', () => b.features.has('f1') && !('name' in (b.features.get('f1') as { properties: object }).properties));
    const clean = { type: 'Feature', id: 'f1', geometry: { type: 'Point', coordinates: [114.05, 22.54] }, properties: { kind: 'wish', age_band: '7_12' } };
    expect(b.features.get('f1')).toEqual(clean);
    await until('the writer gets the cleaned feature back', () => JSON.stringify(a.features.get('f1')) === JSON.stringify(clean));
    a.features.set('bad', { type: 'Feature', id: 'bad', geometry: { type: 'Point', coordinates: [500, 0] }, properties: { kind: 'wish' } });
    a.features.set('f2', point('f2', { kind: 'route' }));
    await until('the writer still syncs', () => b.features.has('f2'));
    expect(b.features.has('bad')).toBe(false);
    a.doc.transact(() => {
      a.doc.getMap('meta').set('title', 'Class 3b');
      a.doc.getMap('meta').set('facilitator', 'Ms Wang');
    });
    await until('meta cleaned', () => b.doc.getMap('meta').has('title') && !a.doc.getMap('meta').has('facilitator'));
    expect(b.doc.getMap('meta').toJSON()).toEqual({ title: 'Class 3b' });
    expect(a.closes).toEqual([]);
    await until('stored', () => fileHas('f2') && fileHas('Class 3b'));
    expect(fileHas('Li Wei Xiaoming')).toBe(false);
    expect(fileHas('Ms Wang')).toBe(false);
  });

  it('refuses a message over 1 MB and keeps serving the room', async () => {
    const big = open('big');
    const other = open('big');
    await Promise.all([settled(big), settled(other)]);
    big.features.set('huge', point('huge', { kind: 'wish', note: 'n'.repeat(1_100_000) }));
    await until('the oversized message closed the socket', () => big.closes.some((c) => c.code === 1009));
    big.destroy();
    other.features.set('small', point('small', { kind: 'wish' }));
    const late = open('big');
    await until('the room still works', () => late.features.has('small'));
    expect(late.features.has('huge')).toBe(false);
  });

  it('holds at most 10,000 features', async () => {
    const a = open('limit');
    await settled(a);
    for (let batch = 0; batch < 6; batch++) {
      a.doc.transact(() => {
        for (let i = 0; i < 1700; i++) a.features.set(`p${batch}-${i}`, point(`p${batch}-${i}`, { kind: 'wish' }));
      });
      await settled(a, 30_000);
    }
    await until('the server trimmed to 10,000', () => a.features.size === 10_000, 30_000);
    const late = open('limit');
    await settled(late, 30_000);
    expect(late.features.size).toBe(10_000);
  });
});

describe('collab server: erase and retention', () => {
  it('erases a workshop while the server runs: clients disconnected, nothing stored, the room comes back empty', async () => {
    const a = open('gone');
    await settled(a);
    a.features.set('secret-wish', point('secret-wish', { kind: 'wish', note: 'ERASE-ME-MARKER' }));
    await settled(a);
    await until('stored', () => fileHas('ERASE-ME-MARKER'));
    const erased = await runCli(dbPath, ['erase', '--room', 'gone']);
    expect(erased.out).toContain('erased gone (server)');
    await until('the client was told', () => a.closes.some((c) => c.reason === 'workshop erased'));
    a.destroy();
    expect(await storedNames(dbPath)).not.toContain('gone');
    expect(fileHas('ERASE-ME-MARKER')).toBe(false);
    // A client that keeps its old copy and reconnects cannot bring the workshop back.
    const stale = connect(server.port, 'gone', token('gone'), a.doc);
    clients.push(stale);
    await until('the stale copy is refused', () => stale.closes.some((c) => c.reason === 'workshop erased'));
    stale.destroy();
    const again = open('gone');
    await settled(again);
    await sleep(300);
    expect(again.features.size).toBe(0);
    // New work in the same room is stored as usual.
    again.features.set('after', point('after', { kind: 'wish' }));
    await settled(again);
    expect(again.features.size).toBe(1);
  });

  it('erases with the server stopped, and erases expired workshops on start', async () => {
    const ws = open('offline-erase');
    const old = open('old');
    await Promise.all([settled(ws), settled(old)]);
    ws.features.set('w', point('w', { kind: 'wish' }));
    old.doc.transact(() => {
      old.doc.getMap('meta').set('created', '2020-01-01T00:00:00Z');
      old.doc.getMap('meta').set('retention_days', 30);
      old.features.set('o', point('o', { kind: 'wish' }));
    });
    await Promise.all([settled(ws), settled(old)]);
    await until('both stored', () => fileHas('offline-erase') && fileHas('2020-01-01'));
    for (const c of clients) c.destroy();
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await storedNames(dbPath)).toEqual(expect.arrayContaining(['offline-erase', 'old', 'keys']));

    const erased = await runCli(dbPath, ['erase', '--room', 'offline-erase']);
    expect(erased.out).toContain('erased offline-erase (file)');
    expect(await storedNames(dbPath)).not.toContain('offline-erase');

    server = await startServer(dbPath);
    expect(server.output()).toContain('erased old: past its retention_days');
    const names = await storedNames(dbPath);
    expect(names).not.toContain('old');
    expect(names).toContain('keys'); // no meta: never expires
    const check = open('old');
    await settled(check);
    expect(check.features.size).toBe(0);
    expect(new Y.Doc().getMap('meta').size).toBe(0);
  });
});
