import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers one request; may leave the response open on purpose (a stalled body). */
export type Script = (request: SeenRequest, response: http.ServerResponse) => void;

/**
 * A loopback HTTP server that plays a given answer per request, in order (the last script repeats), for
 * the answers the Face emulator does not play. It records every request so tests can prove what was (not)
 * sent. `close()` also cuts connections left open by stalled answers.
 */
export interface ScriptedServer {
  baseUrl: string;
  origin: string;
  requests: SeenRequest[];
  play(...scripts: Script[]): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: SeenRequest[] = [];
  let scripts: Script[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      const script = scripts[requests.length - 1] ?? scripts.at(-1) ?? json(200, {});
      script(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/face/v1.0`,
    requests,
    play(...next) {
      scripts = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A scripted server and a Face target (its base URL with `key`) for one test file. */
export async function startScriptedTarget(
  key: string,
): Promise<{ server: ScriptedServer; target: { baseUrl: string; key: string } }> {
  const server = await startScriptedServer();
  return { server, target: { baseUrl: server.baseUrl, key } };
}

const REQUEST_ID = 'c0ffee00-0000-4000-8000-00000000abcd';

/** A complete answer: status, JSON body (none when undefined), apim-request-id, extra headers. */
export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Script {
  return (_request, response) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, {
      'apim-request-id': REQUEST_ID,
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    response.end(text);
  };
}

/** A Face error answer `{error:{code,message,…extra}}`. */
export function faceError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Script {
  return json(status, { error: { code, message, ...extra } }, headers);
}

/** Headers and the start of a body are sent, then nothing more: the answer never ends. */
export function stalledBody(status = 200): Script {
  return (_request, response) => {
    response.writeHead(status, {
      'apim-request-id': REQUEST_ID,
      'content-type': 'application/json; charset=utf-8',
      'content-length': '64',
    });
    response.write('{"personGroupId":"te');
  };
}

export { REQUEST_ID as SCRIPTED_REQUEST_ID };
