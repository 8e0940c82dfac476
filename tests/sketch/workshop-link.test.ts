import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/collab/token';
import { linkSuffix, parseWorkshopLink, tokenRole } from '../../src/sketch/workshop-link';

const token = (role: 'editor' | 'viewer') => signToken('s', { room: 'r1', role, exp: 2_000_000_000 });

describe('workshop link', () => {
  it('reads room, token, server and the role the server token claims', () => {
    const t = token('editor');
    expect(parseWorkshopLink(`#map=14/22.5/114.1&workshop=r1&token=${t}&server=ws://127.0.0.1:4567`)).toEqual({ room: 'r1', token: t, server: 'ws://127.0.0.1:4567', role: 'editor' });
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
});
