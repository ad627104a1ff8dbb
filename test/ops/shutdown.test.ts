import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { killAllBots, type RunningBot, startBot } from '../helpers/bot-process';
import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';
import { until } from './bot-requests';

interface KeptAliveAnswer {
  status: number;
  body: string;
  socket: Socket;
  /** Resolves when the server (or anyone) closes the connection. */
  closed: Promise<void>;
}

/** One request over a keep-alive agent, keeping hold of its socket to see when it is closed. */
function keepAliveRequest(
  agent: http.Agent,
  url: string,
  method: string,
  body?: string,
): Promise<KeptAliveAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      agent,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const socket = request.socket as Socket;
        const closed = socket.destroyed
          ? Promise.resolve()
          : new Promise<void>((done) => socket.once('close', () => done()));
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          socket,
          closed,
        });
      });
    });
    request.end(body);
  });
}

describe('serve on SIGTERM', () => {
  const home = mkdtempSync(join(tmpdir(), 'ops-shutdown-'));
  let emulator: FaceEmulator;
  let bot: RunningBot;
  const agents = [new http.Agent({ keepAlive: true }), new http.Agent({ keepAlive: true })];

  beforeAll(async () => {
    emulator = await startFaceEmulator({ port: 0 });
    bot = await startBot(
      { DATA_DIR: join(home, 'data'), FACE_ENDPOINT_OVERRIDE: emulator.url, FACE_BUDGET_MS: '8000' },
      { cwd: home },
    );
  }, 120_000);

  afterAll(async () => {
    await killAllBots();
    for (const agent of agents) agent.destroy();
    await emulator.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('answers the request in flight, closes keep-alive sockets and exits with code 0', async () => {
    const [idleAgent, busyAgent] = agents as [http.Agent, http.Agent];
    const idle = await keepAliveRequest(idleAgent, `${bot.url}/healthz`, 'GET');
    expect(idle.status).toBe(200);
    let idleClosed = false;
    void idle.closed.then(() => {
      idleClosed = true;
    });

    emulator.injectFaults({ kind: 'latency', ms: 3000 }); // under the 4 s per-attempt timeout
    let answered = false;
    const inFlight = keepAliveRequest(
      busyAgent,
      `${bot.url}/api/messages`,
      'POST',
      JSON.stringify(
        executeInvoke('personGroupCreate', createInputs('slow-on-shutdown'), {
          serviceUrl: 'http://127.0.0.1:9/',
        }),
      ),
    ).then((answer) => {
      answered = true;
      return answer;
    });
    await until(
      () => emulator.requests.find((request) => request.method === 'PUT') ?? undefined,
      'the create to reach the (slowed) emulator',
    );

    bot.child.kill('SIGTERM');
    await bot.waitForLog((log) => String(log.msg).startsWith('SIGTERM received'));
    // The idle keep-alive socket is closed at once, while the create is still waiting on the Face API.
    await idle.closed;
    expect(idleClosed).toBe(true);
    expect(answered).toBe(false);

    const answer = await inFlight;
    const answeredAt = Date.now();
    expect(answer.status).toBe(200);
    const card = (JSON.parse(answer.body) as { value: unknown }).value;
    expect(cardText(card)).toContain('Person group created');
    expect(cardText(card)).toContain('slow-on-shutdown');
    // The busy connection is not kept alive after its answer: the server closes it too.
    // (well before the 5 s keep-alive timeout, which would otherwise hold the shutdown).
    await answer.closed;
    expect(Date.now() - answeredAt).toBeLessThan(4000);

    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.logs.map((log) => log.msg)).toContain('stopped');
  });
});
