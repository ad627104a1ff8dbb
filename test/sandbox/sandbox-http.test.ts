import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { FIELD_MESSAGES } from '../../src/face/messages';
import { createLogger } from '../../src/logger';
import { testConfig } from '../helpers/test-config';

/**
 * The Slack sandbox over HTTP, as its page uses it, against the real app in local mode: every answer
 * comes from the Bolt app through signed requests to /slack/events and the stand-in Web API.
 */

interface SandboxState {
  version: number;
  timeline: Array<{ id: number; author: string; ephemeral: boolean; html: string }>;
  modal: { viewId: string; hash: string; html: string } | null;
}

let dataDir: string;
let app: App;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-sandbox-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  app = await createApp(config, createLogger({ level: 'silent' }));
  base = `http://127.0.0.1:${(await app.listen()).port}/slack/sandbox`;
});

afterAll(async () => {
  app.server.closeAllConnections();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function state(): Promise<SandboxState> {
  return (await (await fetch(`${base}/state?after=-1`)).json()) as SandboxState;
}

/** Long-polls until the state satisfies `ready` (each poll returns on the next change). */
async function stateWhere(ready: (s: SandboxState) => boolean): Promise<SandboxState> {
  let current = await state();
  while (!ready(current)) {
    current = (await (await fetch(`${base}/state?after=${current.version}`)).json()) as SandboxState;
  }
  return current;
}

/** fetch() sets Host itself: a rebinding DNS name is sent with node:http. */
function statusWithHost(url: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
  });
}

const createValues = (personGroupId: string, name: string) => ({
  personGroupId: { personGroupId },
  name: { name },
  userData: { userData: '' },
  recognitionModel: { recognitionModel: 'recognition_04' },
  kind: { kind: 'personGroup' },
});

describe('the Slack sandbox in local mode', () => {
  test('serves its page at /slack/sandbox', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('/slack/sandbox/page.js');
  });

  test('/persongroup create opens the create modal, drawn from the Block Kit the bot sent', async () => {
    expect((await post('/command', { text: '/persongroup create' })).status).toBe(200);
    const { modal } = await stateWhere((s) => s.modal !== null);
    expect(modal?.html).toContain('Create person group');
    expect(modal?.html).toContain('data-block-id="personGroupId"');
    expect(modal?.html).toContain('<option value="recognition_04" selected>');
    await post('/close', { viewId: modal?.viewId });
    await stateWhere((s) => s.modal === null);
  });

  test('an invalid id comes back as a field error on the same modal; a fixed one posts to the channel', async () => {
    await post('/command', { text: 'create' });
    const opened = await stateWhere((s) => s.modal !== null);
    const viewId = opened.modal?.viewId ?? '';

    await post('/submit', { viewId, values: createValues('Bad Id!', 'Lobby') });
    const refused = await state();
    expect(refused.modal?.viewId).toBe(viewId);
    expect(refused.modal?.html).toContain(FIELD_MESSAGES.idRule.replace(/'/g, '&#39;'));

    await post('/submit', { viewId, values: createValues('sandbox-lobby', 'Lobby') });
    const done = await stateWhere((s) => s.timeline.some((e) => e.html.includes('sandbox-lobby')));
    const message = done.timeline.find((e) => e.html.includes('sandbox-lobby'));
    expect(message).toMatchObject({ author: 'bot', ephemeral: false });
    expect(message?.html).toContain('Person group created');
    expect(done.modal).toBeNull();
    const audit = await app.store.listAudit();
    expect(audit.some((e) => e.personGroupId === 'sandbox-lobby' && e.outcome === 'created')).toBe(true);
  });

  test('a required field left empty is refused by the client and never reaches the bot', async () => {
    await post('/command', { text: 'create' });
    const { modal } = await stateWhere((s) => s.modal !== null);
    const auditBefore = (await app.store.listAudit()).length;
    await post('/submit', { viewId: modal?.viewId, values: createValues('', '') });
    const after = await state();
    expect(after.modal?.html).toContain('Please complete this required field.');
    expect((await app.store.listAudit()).length).toBe(auditBefore);
    await post('/close', { viewId: modal?.viewId });
  });

  test('help is answered with the usage, visible to you only', async () => {
    const before = (await state()).timeline.length;
    await post('/command', { text: '/persongroup help' });
    const after = await stateWhere((s) => s.timeline.length >= before + 2);
    const reply = after.timeline.at(-1);
    expect(reply).toMatchObject({ author: 'bot', ephemeral: true });
    expect(reply?.html).toContain('/persongroup create');
  });

  test('a submission for a view that is no longer open gets 409', async () => {
    expect((await post('/submit', { viewId: 'VGONE', values: {} })).status).toBe(409);
  });

  test('requests naming another host, from another origin, or not in JSON are refused', async () => {
    expect(await statusWithHost(base, 'evil.example')).toBe(403);
    expect((await post('/command', { text: 'help' }, { origin: 'http://evil.example' })).status).toBe(403);
    const form = await fetch(`${base}/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=help',
    });
    expect(form.status).toBe(415);
  });
});

describe('outside local mode', () => {
  test('there is no sandbox page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'persongroup-sandbox-off-'));
    const other = await createApp(testConfig(dir, 'http://127.0.0.1:9'), createLogger({ level: 'silent' }));
    try {
      const port = (await other.listen()).port;
      expect((await fetch(`http://127.0.0.1:${port}/slack/sandbox`)).status).toBe(404);
      expect(other.summary.slack).toBe('off');
    } finally {
      other.server.closeAllConnections();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
