import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

// A collaborating client in Node: the real Hocuspocus provider over the `ws` WebSocket.

/**
 * `ws` reports a socket closed while still connecting (the provider's cleanup of an attempt it gave up
 * on, or a destroy) as an 'error' event, which throws when nobody listens; a browser's WebSocket just
 * fires it. The provider's own listeners are added as usual.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

export type Client = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  features: Y.Map<unknown>;
  closes: { code: number; reason: string }[];
  authFailures: string[];
  destroy: () => void;
};

/** `options` (the app's reconnect options, say) are laid over this helper's fast retries. */
export function connect(port: number, room: string, token: string, doc = new Y.Doc(), options: Record<string, unknown> = {}): Client {
  const closes: Client['closes'] = [];
  const authFailures: string[] = [];
  let destroyed = false;
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${port}`,
    name: room,
    token,
    document: doc,
    WebSocketPolyfill: QuietWebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 400,
    onAuthenticationFailed: ({ reason }) => authFailures.push(reason),
    onClose: ({ event }) => closes.push({ code: event.code, reason: event.reason }),
    ...options,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    doc,
    provider,
    features: doc.getMap('features'),
    closes,
    authFailures,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
    },
  };
}

export async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Synced with the server and nothing of ours unacknowledged. */
export async function settled(c: Client, timeoutMs?: number): Promise<void> {
  await until('client synced', () => c.provider.isSynced && !c.provider.hasUnsyncedChanges, timeoutMs);
}

export function point(id: string, properties: Record<string, unknown>, lon = 114.05, lat = 22.54) {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}
