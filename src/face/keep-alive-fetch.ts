/**
 * The fetch ky is given for Face calls (and Slack's response_url posts use): node:http(s) over keep-alive
 * agents, the whole answer read before it resolves. Node's global fetch (undici behind WHATWG streams) made
 * a create cost about a tenth more CPU in `npm run bench` (its streams, abort signals and wasm parser); ky
 * stays the Face client, with its hooks, options and Response, on this cheaper transport.
 *
 * What it keeps of fetch: the method, headers and body of the Request; never following a redirect (the
 * 3xx is the answer, as with `redirect: 'manual'`); the Request's signal aborts the call, rejecting with
 * the signal's reason; a connection failure rejects with Node's system error (its code, e.g. ECONNRESET).
 */
import http from 'node:http';
import https from 'node:https';

/** Idle sockets are dropped after this, under the usual 5 s keep-alive of servers, so none is reused as it closes. */
const IDLE_SOCKET_MS = 4000;

const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

/** Statuses whose Response has no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export async function keepAliveFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
  // ky passes its Request with an empty init ({}, its options fetch does not know): a second Request built
  // from it cost ~50 µs of CPU per call (undici's constructor, a follower AbortSignal) and changed nothing.
  const request = input instanceof Request && isEmpty(init) ? input : new Request(input, init);
  const url = new URL(request.url);
  const agent =
    url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : undefined;
  if (agent === undefined) throw new TypeError(`unsupported protocol ${url.protocol}`);
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  const headers: http.OutgoingHttpHeaders = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined) headers['content-length'] = body.length;
  const signal = request.signal;
  signal.throwIfAborted();
  const send = url.protocol === 'https:' ? https.request : http.request;

  return new Promise<Response>((resolve, reject) => {
    const outgoing = send(url, { method: request.method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        signal.removeEventListener('abort', onAbort);
        const status = incoming.statusCode ?? 0;
        const answer = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (Array.isArray(value)) for (const item of value) answer.append(name, item);
          else if (value !== undefined) answer.set(name, value);
        }
        const content = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
        resolve(new Response(content, { status, statusText: incoming.statusMessage ?? '', headers: answer }));
      });
    });
    const onAbort = () => {
      outgoing.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    outgoing.end(body);
  });
}

function isEmpty(init: RequestInit | undefined): boolean {
  return init === undefined || Object.keys(init).length === 0;
}
