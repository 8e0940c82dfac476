import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/collab/token';
import type { WorkshopStatus } from '../../src/state';
import { linkStatus, linkSuffix, parseWorkshopLink, tokenRole, wallLinkHash, type SocketStatus } from '../../src/sketch/workshop-link';

const token = (role: 'editor' | 'viewer') => signToken('s', { room: 'r1', role, exp: 2_000_000_000 });

describe('workshop link', () => {
  it('reads room, token, server and the role the server token claims', () => {
    const t = token('editor');
    expect(parseWorkshopLink(`#map=14/22.5/114.1&workshop=r1&token=${t}&server=ws://127.0.0.1:4567`)).toEqual({ room: 'r1', token: t, server: 'ws://127.0.0.1:4567', role: 'editor', wall: false });
    expect(parseWorkshopLink(`#workshop=r1&token=${token('viewer')}`, 'tablet.local')).toMatchObject({ server: 'ws://tablet.local:1234', role: 'viewer' });
  });

  it('refuses a link without room or token, or with a server that is not ws:// or wss://', () => {
    expect(parseWorkshopLink('#map=14/22.5/114.1')).toBeNull();
    expect(parseWorkshopLink('#workshop=r1')).toBeNull();
    expect(parseWorkshopLink(`#workshop=r1&token=${token('editor')}&server=http://evil.example`)).toBeNull();
  });

  it('an unreadable token is taken as a viewer (the server decides anyway)', () => {
    expect(tokenRole('garbage')).toBe('viewer');
    expect(tokenRole('')).toBe('viewer');
  });

  it('keeps only the link parameters, for the view writer to append', () => {
    const t = token('editor');
    expect(linkSuffix(`#map=1/2/3&workshop=r1&token=${t}&other=x`)).toBe(`&workshop=r1&token=${t}`);
    expect(linkSuffix('#map=1/2/3')).toBe('');
  });

  it('the results wall: wall=1 joins as a viewer even with an editor token, and is kept in the hash', () => {
    const t = token('editor');
    expect(parseWorkshopLink(`#workshop=r1&token=${t}&wall=1`)).toMatchObject({ role: 'viewer', wall: true });
    expect(parseWorkshopLink(`#workshop=r1&token=${t}&wall=0`)).toMatchObject({ role: 'editor', wall: false });
    expect(linkSuffix(`#map=1/2/3&workshop=r1&token=${t}&wall=1`)).toBe(`&workshop=r1&token=${t}&wall=1`);
  });

  it("the wall's link: the workshop's room, token and server with wall=1, no view; none without a workshop", () => {
    const t = token('viewer');
    expect(wallLinkHash(`#map=14/22.5/114.1&workshop=r1&token=${t}&server=ws%3A%2F%2F10.0.0.2%3A1234`))
      .toBe(`#workshop=r1&token=${t}&server=ws%3A%2F%2F10.0.0.2%3A1234&wall=1`);
    expect(wallLinkHash(`#workshop=r1&token=${t}&wall=1`)).toBe(`#workshop=r1&token=${t}&wall=1`);
    expect(wallLinkHash('#map=14/22.5/114.1')).toBeNull();
  });

  it("the link's state over a server that dies and comes back: joining once, then offline through every retry, never flickering back to joining", () => {
    // The provider's socket states as it reports them: join, the server killed, three failed retries, back.
    const socket: SocketStatus[] = ['connecting', 'connected', 'disconnected', 'connecting', 'disconnected', 'connecting', 'disconnected', 'connecting', 'connected'];
    const shown: WorkshopStatus[] = [];
    let s: WorkshopStatus = 'connecting';
    for (const x of socket) shown.push((s = linkStatus(s, x)));
    expect(shown).toEqual(['connecting', 'connected', 'offline', 'offline', 'offline', 'offline', 'offline', 'offline', 'connected']);
    // A server that is not there from the start: offline after the first failed attempt.
    expect(linkStatus(linkStatus('connecting', 'disconnected'), 'connecting')).toBe('offline');
    // A refused link stays refused whatever the socket does.
    for (const x of ['connecting', 'connected', 'disconnected'] as const) expect(linkStatus('refused', x)).toBe('refused');
  });
});
