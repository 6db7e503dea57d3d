import { connect, createServer, type Socket } from 'node:net';

export type ProxyMode = 'open' | 'refuse' | 'blackhole';

/**
 * A TCP proxy on 127.0.0.1 between the app and a server, to take the server away and give it
 * back without touching either: `refuse` drops every open connection and resets new ones (the
 * database went down), `blackhole` accepts connections and never answers (a silent network),
 * `open` forwards again.
 */
export async function startTcpProxy(listenPort: number, target: { host: string; port: number }) {
  let mode: ProxyMode = 'open';
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'refuse') return void client.resetAndDestroy();
    if (mode === 'blackhole') return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  return {
    port: listenPort,
    set(next: ProxyMode) {
      mode = next;
      if (next !== 'open') for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
