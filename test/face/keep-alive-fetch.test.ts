import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAliveFetch } from '../../src/face/keep-alive-fetch';

/** A loopback server that counts its connections and answers by path. */
function startServer() {
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/moved') {
        res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' });
        res.end();
        return;
      }
      if (req.url === '/never') return; // holds the request until the client gives up
      res.writeHead(200, { 'content-type': 'application/json', 'apim-request-id': 'req-1' });
      res.end(
        JSON.stringify({
          method: req.method,
          key: req.headers['ocp-apim-subscription-key'],
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  return new Promise<{ url: string; connections: () => number; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

describe('keepAliveFetch, the transport under ky for Face calls', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('sends the method, headers and body, and answers with status, headers and the whole body', async () => {
    const res = await keepAliveFetch(`${server.url}/group`, {
      method: 'PUT',
      headers: { 'Ocp-Apim-Subscription-Key': 'key-1', 'content-type': 'application/json' },
      body: '{"name":"n"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('apim-request-id')).toBe('req-1');
    expect(await res.json()).toEqual({ method: 'PUT', key: 'key-1', body: '{"name":"n"}' });
  });

  it('sends one call after another over one kept-alive connection', async () => {
    const before = server.connections();
    for (let n = 0; n < 5; n += 1) await (await keepAliveFetch(`${server.url}/group-${n}`)).text();
    expect(server.connections() - before).toBeLessThanOrEqual(1);
  });

  it('answers a redirect with the 3xx itself and never follows it', async () => {
    const res = await keepAliveFetch(`${server.url}/moved`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:9/elsewhere');
  });

  it('rejects with the signal’s reason when the caller aborts a call the server holds', async () => {
    const controller = new AbortController();
    const call = keepAliveFetch(`${server.url}/never`, { signal: controller.signal });
    const reason = new Error('out of time');
    setImmediate(() => controller.abort(reason));
    await expect(call).rejects.toBe(reason);
  });

  it('rejects with the system error when nothing listens', async () => {
    const closed = await startServer();
    await closed.close();
    await expect(keepAliveFetch(`${closed.url}/group`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
