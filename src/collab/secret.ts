import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomically } from './sqlite-store';

// The signing secret of room tokens: COLLAB_SECRET, else a file next to the database, created once
// (random, readable by its owner only) and reused, so tokens stay valid across restarts.

export function loadSecret(env: NodeJS.ProcessEnv, secretFile: string): string {
  const fromEnv = env.COLLAB_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 16) throw new Error('COLLAB_SECRET must be at least 16 characters');
    return fromEnv;
  }
  if (existsSync(secretFile)) {
    const stored = readFileSync(secretFile, 'utf8').trim();
    if (stored.length >= 16) return stored;
    throw new Error(`the secret file ${secretFile} is damaged; delete it to create a new one`);
  }
  mkdirSync(dirname(secretFile), { recursive: true });
  const created = randomBytes(32).toString('base64url');
  writeAtomically(secretFile, new TextEncoder().encode(`${created}\n`));
  return created;
}
