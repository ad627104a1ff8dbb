import http from 'node:http';
import { type Percentiles, percentiles } from './stats';

/** One request the generator sends; built fresh per request so every create has its own id. */
export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** http://127.0.0.1:PORT of the server under test. */
  baseUrl: string;
  /** Requests in flight at any time, each on its own keep-alive connection (closed loop). */
  connections: number;
  /** How long new requests are started; in-flight ones are awaited after it. */
  durationMs: number;
  /** Builds request number `n` (0, 1, 2, … across all connections). */
  request: (n: number) => LoadRequest;
  /** Keep-alive connections to reuse (e.g. opened by a warm-up); by default a fresh agent, closed after. */
  agent?: http.Agent;
  /** When given, every 2xx body is read and checked; the ones it rejects are counted as unexpected. */
  expect?: (body: string) => boolean;
}

export interface LoadResult extends Percentiles {
  /** Completed requests with a 2xx answer (only these count in the latencies and the rate). */
  ok: number;
  /** Answers outside 2xx, by status. */
  nonOk: Record<number, number>;
  /** Requests that failed without an answer (reset, refused). */
  errors: number;
  /** 2xx answers whose body `expect` rejected (e.g. a failure card instead of "created"). */
  unexpected: number;
  requestsPerSecond: number;
}

/**
 * A small closed-loop load generator: `connections` workers, each sending its next request as soon as
 * the previous answer is read. Latencies are measured with performance.now() per request, so the table
 * has sub-millisecond resolution (autocannon's histogram rounds to whole milliseconds, too coarse for a
 * 2 ms overhead budget).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = options.agent ?? new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const nonOk: Record<number, number> = {};
  let errors = 0;
  let unexpected = 0;
  let next = 0;
  const started = performance.now();
  const stopAt = started + options.durationMs;

  async function worker(): Promise<void> {
    while (performance.now() < stopAt) {
      const request = options.request(next++);
      const sent = performance.now();
      try {
        const { status, body } = await send(agent, url, request, options.expect !== undefined);
        if (status >= 200 && status < 300) {
          latencies.push(performance.now() - sent);
          if (options.expect && !options.expect(body)) unexpected += 1;
        } else nonOk[status] = (nonOk[status] ?? 0) + 1;
      } catch (error) {
        errors += 1;
        if (errors === 1) console.error(`bench: first request error: ${(error as Error).message}`);
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, () => worker()));
  const elapsedSeconds = (performance.now() - started) / 1000;
  if (!options.agent) agent.destroy();
  return {
    ...percentiles(latencies),
    ok: latencies.length,
    nonOk,
    errors,
    unexpected,
    requestsPerSecond: latencies.length / elapsedSeconds,
  };
}

/** POSTs one request and resolves once the whole answer has been read (the body only when asked). */
function send(
  agent: http.Agent,
  url: URL,
  request: LoadRequest,
  readBody: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: request.path,
        method: 'POST',
        agent,
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        if (readBody) res.on('data', (chunk: Buffer) => chunks.push(chunk));
        else res.resume();
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
