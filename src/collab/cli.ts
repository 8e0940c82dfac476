import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { eraseWorkshop } from './erase-command';
import { loadSecret } from './secret';
import { startCollabServer } from './server';
import { signToken } from './token';

// npm run collab                                   start the server
// npm run collab -- token --room ID --role editor|viewer [--hours 8]
// npm run collab -- erase --room ID

const HELP = `usage:
  npm run collab                                      start the collaboration server
  npm run collab -- token --room ID --role editor|viewer [--hours 8]
  npm run collab -- erase --room ID                   delete a workshop (running server or not)
environment: COLLAB_PORT (default 1234), COLLAB_DB (default collab/workshops.sqlite), COLLAB_SECRET`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      room: { type: 'string' },
      role: { type: 'string' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = readConfig(process.env);
  const secret = loadSecret(process.env, config.secretFile);
  if (command === 'serve') {
    const server = await startCollabServer(config, secret, (line) => console.log(line));
    console.log(`collab listening on ws://${config.host}:${server.port} (database ${config.dbPath})`);
    const stop = () => {
      void server.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  }
  const room = values.room;
  if (!room) throw new Error('--room ID is required');
  if (command === 'token') {
    const role = values.role;
    if (role !== 'editor' && role !== 'viewer') throw new Error('--role must be editor or viewer');
    const hours = Number(values.hours);
    if (!Number.isFinite(hours) || hours <= 0) throw new Error('--hours must be a positive number');
    console.log(signToken(secret, { room, role, exp: Math.floor(Date.now() / 1000 + hours * 3600) }));
    return 0;
  }
  if (command === 'erase') {
    const { erased, via } = await eraseWorkshop(config, secret, room);
    console.log(erased ? `erased ${room} (${via})` : `no workshop ${room} stored (${via}); nothing to erase`);
    return 0;
  }
  throw new Error(`unknown command ${command}\n${HELP}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`collab: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
