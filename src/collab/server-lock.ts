import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { writeAtomically } from './sqlite-store';

// Which server owns a database file: `<db>.lock` holds its pid, host and port. `erase` asks a running
// owner to erase (so the server's copy in memory never writes the workshop back) and edits the file
// itself only when no live process owns it. A lock left by a killed server names a dead pid: ignored.

export type LockInfo = { pid: number; host: string; port: number };

export function lockPath(dbPath: string): string {
  return `${dbPath}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of the database, or null. */
export function readLiveLock(dbPath: string): LockInfo | null {
  const path = lockPath(dbPath);
  if (!existsSync(path)) return null;
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    if (typeof info.pid !== 'number' || typeof info.port !== 'number' || typeof info.host !== 'string') return null;
    return info.pid !== process.pid && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function writeLock(dbPath: string, info: LockInfo): void {
  writeAtomically(lockPath(dbPath), new TextEncoder().encode(JSON.stringify(info)));
}

export function removeLock(dbPath: string): void {
  try {
    unlinkSync(lockPath(dbPath));
  } catch {
    // already gone
  }
}
