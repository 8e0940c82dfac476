import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import initSqlJs, { type Database } from 'sql.js';

// Workshops on disk: one SQLite file (sql.js, no native build) with one row per workshop holding its
// merged Yjs state. sql.js keeps the database in memory, so every change is written out whole: first to
// a temporary file (fsync), then renamed over the real one, so a kill at any moment leaves either the
// old or the new file, never half of one.

const SCHEMA = `CREATE TABLE IF NOT EXISTS workshops (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated TEXT NOT NULL
)`;

export class WorkshopStore {
  private constructor(
    private readonly db: Database,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<WorkshopStore> {
    const SQL = await initSqlJs();
    const db = existsSync(path) ? new SQL.Database(readFileSync(path)) : new SQL.Database();
    db.run(SCHEMA);
    return new WorkshopStore(db, path);
  }

  get(name: string): Uint8Array | null {
    const stmt = this.db.prepare('SELECT state FROM workshops WHERE name = ?');
    try {
      stmt.bind([name]);
      return stmt.step() ? (stmt.get()[0] as Uint8Array) : null;
    } finally {
      stmt.free();
    }
  }

  names(): string[] {
    const rows = this.db.exec('SELECT name FROM workshops ORDER BY name');
    return rows.length === 0 ? [] : rows[0]!.values.map((r) => String(r[0]));
  }

  /** Stores the workshop's state and writes the file before returning. */
  put(name: string, state: Uint8Array): void {
    this.db.run('INSERT OR REPLACE INTO workshops (name, state, updated) VALUES (?, ?, ?)', [
      name,
      state,
      new Date().toISOString(),
    ]);
    this.flush();
  }

  /** Deletes the workshop; true when there was one. The file is written before returning. */
  delete(name: string): boolean {
    this.db.run('DELETE FROM workshops WHERE name = ?', [name]);
    const removed = this.db.getRowsModified() > 0;
    // VACUUM so the erased bytes do not linger in free pages of the file.
    this.db.run('VACUUM');
    this.flush();
    return removed;
  }

  close(): void {
    this.db.close();
  }

  private flush(): void {
    writeAtomically(this.path, this.db.export());
  }
}

export function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}
