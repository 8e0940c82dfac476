/**
 * A workshop link: `#workshop=ROOM&token=TOKEN[&server=ws://host:port]` (beside the map view,
 * `#map=z/lat/lon&workshop=…`); `&wall=1` opens the results wall, read-only. The token is the server's (`npm run collab -- token`); the app only reads
 * its role to know whether to offer drawing, the server decides. In the hash, so it never reaches a web
 * server's logs.
 */
import type { SketchRole, WorkshopStatus } from '../state/sketch-slice';

export interface WorkshopLink {
  readonly room: string;
  readonly token: string;
  readonly server: string;
  readonly role: SketchRole;
  /** `wall=1`: this screen shows the results wall and never draws (a viewer whatever the token says). */
  readonly wall: boolean;
}

/** The parameters a workshop link adds to the hash (kept when the map rewrites the view). */
export const LINK_PARAMS = ['workshop', 'token', 'server', 'wall'] as const;
/** `npm run collab`'s default port (docs/co-sketch.md). */
export const DEFAULT_COLLAB_PORT = 1234;

function base64UrlJson(s: string): unknown {
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** The role a token claims (unverified: the server checks the signature); viewer when unreadable. */
export function tokenRole(token: string): SketchRole {
  const claims = base64UrlJson(token.split('.')[0] ?? '') as { role?: unknown } | null;
  return claims?.role === 'editor' ? 'editor' : 'viewer';
}

export function parseWorkshopLink(hash: string, pageHost = '127.0.0.1'): WorkshopLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get('workshop');
  const token = params.get('token');
  if (!room || !token || room.length > 128) return null;
  const given = params.get('server');
  let server = `ws://${pageHost}:${DEFAULT_COLLAB_PORT}`;
  if (given) {
    try {
      const u = new URL(given);
      if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return null;
      server = u.href.replace(/\/$/, '');
    } catch {
      return null;
    }
  }
  const wall = params.get('wall') === '1';
  return { room, token, server, role: wall ? 'viewer' : tokenRole(token), wall };
}

/** The link's own parameters from a hash, as `&k=v…` to append after `#map=…` (empty without a link). */
export function linkSuffix(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const kept = new URLSearchParams();
  for (const k of LINK_PARAMS) {
    const v = params.get(k);
    if (v) kept.set(k, v);
  }
  const s = kept.toString();
  return s ? `&${s}` : '';
}

/** The results wall's link for the workshop of `hash` (its room, token and server, `wall=1`); null without one. */
export function wallLinkHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.get('workshop') || !params.get('token')) return null;
  const kept = new URLSearchParams();
  for (const k of LINK_PARAMS) {
    const v = params.get(k);
    if (v && k !== 'wall') kept.set(k, v);
  }
  kept.set('wall', '1');
  return `#${kept.toString()}`;
}

/** The provider's socket states (the values of @hocuspocus/provider's WebSocketStatus). */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * The link state shown for a socket state: joining until the first connection or the first failure;
 * after that every retry (the provider's socket goes connecting → disconnected over and over while the
 * server or the network is gone) stays 'offline', so the screen does not flicker between "joining" and
 * "offline", until a socket is open again. A refused link stays refused.
 */
export function linkStatus(current: WorkshopStatus, socket: SocketStatus): WorkshopStatus {
  if (current === 'refused') return current;
  if (socket === 'connected') return 'connected';
  if (socket === 'disconnected') return 'offline';
  return current === 'none' || current === 'connecting' ? 'connecting' : 'offline';
}

/**
 * The provider's reconnect timing in a workshop: the first retry after 1 s, then doubling with jitter
 * up to 4 s (its default, 30 s, would leave a room of tablets waiting half a minute after the server or
 * the Wi-Fi is back; a handful of tablets retrying every few seconds costs the server nothing).
 */
export const RECONNECT = { delay: 1000, minDelay: 500, maxDelay: 4000, factor: 2 } as const;

/**
 * How long one connection attempt may take before it is dropped and a new one made. The provider's
 * attempts have no time limit of their own: a socket whose opening hangs (a Wi-Fi gone quiet, where
 * nothing answers and nothing refuses) was never retried, and the tablet stayed offline after the
 * network was back. Generous, since a busy page on a slow tablet reads its first message late.
 */
export const ATTEMPT_TIMEOUT_MS = 20_000;

/**
 * The provider's options for reconnecting: RECONNECT's timing, and an attempt that takes longer than
 * `attemptTimeoutMs` starts over (`connect()` drops the hanging socket and opens a new one).
 */
export function reconnectOptions(socket: () => { connect(): Promise<unknown> } | undefined, attemptTimeoutMs = ATTEMPT_TIMEOUT_MS) {
  return { ...RECONNECT, timeout: attemptTimeoutMs, handleTimeout: async () => socket()?.connect() };
}
