/**
 * The io worker → analysis worker channel: a MessagePort pair the composition root makes (and makes again
 * after either worker restarts). The io worker posts a layer's table under a key with its buffers
 * transferred; the analysis worker keeps it and acknowledges, so `send` resolves only once the table is
 * there. No layer data crosses the main thread.
 */
import type { LayerTable } from '../core/tables';
import { layerTableBuffers } from '../core/tables';

/** What both ends need of a port (a DOM MessagePort, or node:worker_threads' in tests). */
export interface LayerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  start?(): void;
  close?(): void;
}

type ChannelMessage =
  | { readonly type: 'layer'; readonly key: string; readonly table: LayerTable }
  | { readonly type: 'ack'; readonly key: string };

export const CHANNEL_ERRORS = { notConnected: 'channel.not-connected', replaced: 'channel.replaced' } as const;

/** The io worker's end. */
export function createLayerSender() {
  let port: LayerPort | null = null;
  const waiting = new Map<string, { resolve(): void; reject(e: Error): void }[]>();
  const failAll = (code: string) => {
    for (const list of waiting.values()) for (const w of list) w.reject(Object.assign(new Error(code), { code }));
    waiting.clear();
  };
  return {
    connect(p: LayerPort): void {
      port?.close?.();
      failAll(CHANNEL_ERRORS.replaced);
      port = p;
      p.addEventListener('message', (e) => {
        const m = e.data as ChannelMessage;
        if (m?.type !== 'ack') return;
        const list = waiting.get(m.key);
        waiting.delete(m.key);
        for (const w of list ?? []) w.resolve();
      });
      p.start?.();
    },
    get connected(): boolean {
      return port !== null;
    },
    /** Posts the table (its buffers transferred: unusable here afterwards); resolves when the other end holds it. */
    send(key: string, table: LayerTable): Promise<void> {
      const p = port;
      if (!p) return Promise.reject(Object.assign(new Error(CHANNEL_ERRORS.notConnected), { code: CHANNEL_ERRORS.notConnected }));
      return new Promise<void>((resolve, reject) => {
        waiting.set(key, [...(waiting.get(key) ?? []), { resolve, reject }]);
        const message: ChannelMessage = { type: 'layer', key, table };
        p.postMessage(message, layerTableBuffers(table));
      });
    },
  };
}

/** The analysis worker's end: every table received goes to `put`, then is acknowledged. */
export function createLayerReceiver(put: (key: string, table: LayerTable) => void) {
  let port: LayerPort | null = null;
  return {
    connect(p: LayerPort): void {
      port?.close?.();
      port = p;
      p.addEventListener('message', (e) => {
        const m = e.data as ChannelMessage;
        if (m?.type !== 'layer') return;
        put(m.key, m.table);
        p.postMessage({ type: 'ack', key: m.key } satisfies ChannelMessage);
      });
      p.start?.();
    },
  };
}
