import { existsSync } from 'node:fs';
import type { CollabConfig } from './config';
import { readLiveLock } from './server-lock';
import { WorkshopStore } from './sqlite-store';
import { signToken } from './token';

// `npm run collab -- erase --room ID`: through the running server when one owns the database (it
// disconnects the room's clients and forgets its copy), else straight in the file.

export type EraseOutcome = { erased: boolean; via: 'server' | 'file' };

export async function eraseWorkshop(config: CollabConfig, secret: string, room: string): Promise<EraseOutcome> {
  const owner = readLiveLock(config.dbPath);
  if (owner) {
    const token = signToken(secret, { room, role: 'erase', exp: Math.floor(Date.now() / 1000) + 60 });
    const url = `http://${owner.host}:${owner.port}/erase?room=${encodeURIComponent(room)}`;
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { erased?: boolean; error?: string };
    if (!res.ok) throw new Error(`the running server (pid ${owner.pid}) refused to erase: ${body.error ?? res.status}`);
    return { erased: body.erased === true, via: 'server' };
  }
  if (!existsSync(config.dbPath)) return { erased: false, via: 'file' };
  const store = await WorkshopStore.open(config.dbPath);
  try {
    return { erased: store.delete(room), via: 'file' };
  } finally {
    store.close();
  }
}
