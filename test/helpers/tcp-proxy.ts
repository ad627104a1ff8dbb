import net from 'node:net';

/** A TCP proxy on 127.0.0.1:0 that a test can cut (as if the server behind it stopped) and restore. */
export interface TcpProxy {
  port: number;
  /** Connections currently relayed. */
  readonly openConnections: number;
  /** Destroys every relayed connection and refuses new ones (each is reset at once) until restore(). */
  cut(): void;
  /** Relays new connections again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * Relays 127.0.0.1:PORT ↔ target. Cutting it is what a stopped database looks like from the app: open
 * sockets die mid-query, new connections are refused; the real server behind it is never touched.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const cutAll = () => {
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    get openConnections() {
      return pairs.size;
    },
    cut() {
      refusing = true;
      cutAll();
    },
    restore() {
      refusing = false;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
