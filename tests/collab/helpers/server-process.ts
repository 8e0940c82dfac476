import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';

// The real collaboration server as a child process (node --import tsx, one process, so SIGKILL hits
// the server itself), on a free port, with its own database file.

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SECRET = 'test-secret-0123456789abcdef';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { proc: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

function env(dbPath: string, port: number): NodeJS.ProcessEnv {
  return { ...process.env, COLLAB_DB: dbPath, COLLAB_PORT: String(port), COLLAB_SECRET: SECRET };
}

export async function startServer(dbPath: string, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/collab/cli.ts'], { cwd: ROOT, env: env(dbPath, p) });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('collab listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { proc, port: p, output: () => out, exited };
}

/** Runs `npm run collab -- ARGS` the way a person would (without npm's wrapper). */
export async function runCli(dbPath: string, args: string[], port = 0): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/collab/cli.ts', ...args], { cwd: ROOT, env: env(dbPath, port) });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  return { code, out };
}

/** The workshop names stored in the database file, read independently of the server's store. */
export async function storedNames(dbPath: string): Promise<string[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(dbPath));
  try {
    const rows = db.exec('SELECT name FROM workshops ORDER BY name');
    return rows.length === 0 ? [] : rows[0]!.values.map((r) => String(r[0]));
  } finally {
    db.close();
  }
}
