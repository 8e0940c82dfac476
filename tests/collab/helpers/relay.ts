import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

// A TCP relay between clients and the collab server that can be cut and restored: a network cut without a
// server death. Cut, every open connection is closed and new ones are either closed at once ('refuse': a
// link that is plainly down) or accepted and never answered ('hold': a network gone quiet, where a
// connection attempt just hangs). Restored, new connections reach the server again (held ones stay held).

export type Relay = {
  port: number;
  cut(mode: 'refuse' | 'hold'): void;
  restore(): void;
  /** Connections accepted and held without an answer so far. */
  held(): number;
  close(): Promise<void>;
};

export async function cuttableLink(serverPort: number): Promise<Relay> {
  let mode: 'up' | 'refuse' | 'hold' = 'up';
  let held = 0;
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('error', () => {});
    s.on('close', () => open.delete(s));
  };
  const relay = createServer((client) => {
    track(client);
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    if (mode === 'hold') {
      held++;
      return;
    }
    const server = connect(serverPort, '127.0.0.1');
    track(server);
    for (const [a, b] of [[client, server], [server, client]] as const) {
      a.on('close', () => b.destroy());
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as AddressInfo).port,
    cut(how) {
      mode = how;
      for (const s of open) s.destroy();
    },
    restore() {
      mode = 'up';
    },
    held: () => held,
    close: () => new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      relay.close(() => resolve());
    }),
  };
}
