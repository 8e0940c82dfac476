import { resolve } from 'node:path';

// The server's settings from the environment (docs/co-sketch.md).

export type CollabConfig = { host: string; port: number; dbPath: string; secretFile: string };

export const DEFAULT_PORT = 1234;
export const DEFAULT_DB = 'collab/workshops.sqlite';

export function readConfig(env: NodeJS.ProcessEnv): CollabConfig {
  const rawPort = env.COLLAB_PORT;
  const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`COLLAB_PORT is not a port: ${rawPort}`);
  const dbPath = resolve(env.COLLAB_DB || DEFAULT_DB);
  return { host: '127.0.0.1', port, dbPath, secretFile: `${dbPath}.secret` };
}
