import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Document } from '@hocuspocus/server';
import { MAX_MESSAGE_BYTES } from '../core/sketch';
import { handleAdminRequest } from './admin-request';
import type { CollabConfig } from './config';
import { ErasedRooms } from './erased-rooms';
import { guardFeatures } from './guard-features';
import { eraseExpired } from './retention';
import { removeLock, readLiveLock, writeLock } from './server-lock';
import { WorkshopStore } from './sqlite-store';
import { verifyToken } from './token';

// The collaboration server: Hocuspocus (Yjs) on 127.0.0.1, workshops in one SQLite file.

/** Close code and reason sent to the clients of an erased workshop, so they drop their copy. */
export const ERASED_REASON = 'workshop erased';
export const ERASED_CODE = 4410;

// Store at most 300 ms after the last update, and at least every 700 ms while updates keep coming:
// every update is on disk within 1 s of reaching the server.
const STORE_DEBOUNCE_MS = 300;
const STORE_MAX_DEBOUNCE_MS = 700;

export type CollabServer = { port: number; stop: () => Promise<void>; erase: (room: string) => Promise<boolean> };

export async function startCollabServer(
  config: CollabConfig,
  secret: string,
  log: (line: string) => void = () => {},
): Promise<CollabServer> {
  const owner = readLiveLock(config.dbPath);
  if (owner) throw new Error(`another server (pid ${owner.pid}, port ${owner.port}) uses ${config.dbPath}`);
  mkdirSync(dirname(config.dbPath), { recursive: true });
  const store = await WorkshopStore.open(config.dbPath);
  const tombstones = new ErasedRooms();
  const expired = eraseExpired(store, Date.now(), (name, state) => tombstones.remember(name, state));
  for (const name of expired) log(`erased ${name}: past its retention_days`);

  const erased = new WeakSet<Document>();
  const erasing = new Set<string>();

  const server = new Server(
    {
      address: config.host,
      port: config.port,
      quiet: true,
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      extensions: [
        new Database({
          fetch: async ({ documentName }) => store.get(documentName),
          store: async ({ documentName, document, state }) => {
            // An erased document still in memory must never write itself back.
            if (erased.has(document)) return;
            store.put(documentName, state);
          },
        }),
      ],
      async onAuthenticate({ token, documentName, connectionConfig }) {
        if (erasing.has(documentName)) throw new Error('workshop is being erased');
        const check = verifyToken(secret, token);
        if (!check.ok) throw new Error(`token refused: ${check.reason}`);
        const { room, role } = check.claims;
        if (room !== documentName || role === 'erase') throw new Error('token refused: not for this workshop');
        // Hocuspocus drops every update of a read-only connection before it reaches the document.
        if (role === 'viewer') connectionConfig.readOnly = true;
        return { role };
      },
      async afterLoadDocument({ document, documentName }) {
        guardFeatures(document, (r) => log(`${documentName}: feature ${r.key} ${r.action}`));
      },
      async beforeHandleMessage({ documentName, update }) {
        if (tombstones.bringsBack(documentName, update)) {
          throw Object.assign(new Error(ERASED_REASON), { code: ERASED_CODE, reason: ERASED_REASON });
        }
      },
      async onRequest({ request, response }) {
        await handleAdminRequest(request, response, secret, erase);
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );

  async function erase(room: string): Promise<boolean> {
    erasing.add(room);
    try {
      const document = server.hocuspocus.documents.get(room);
      const stored = store.get(room);
      if (stored) tombstones.remember(room, stored);
      if (document) {
        tombstones.remember(room, document);
        erased.add(document);
        document.connections.forEach(({ connection }) => connection.close({ code: ERASED_CODE, reason: ERASED_REASON }));
        // Closing the last connection unloads the document; wait for it so a new connection gets a new one.
        for (let i = 0; i < 250 && server.hocuspocus.documents.has(room); i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        if (server.hocuspocus.documents.has(room)) throw new Error(`workshop ${room} did not unload`);
      }
      const removed = store.delete(room);
      log(`erased ${room}`);
      return removed || document !== undefined;
    } finally {
      erasing.delete(room);
    }
  }

  await server.listen();
  const port = server.address.port;
  writeLock(config.dbPath, { pid: process.pid, host: config.host, port });
  return {
    port,
    erase,
    stop: async () => {
      await server.destroy();
      store.close();
      removeLock(config.dbPath);
    },
  };
}
