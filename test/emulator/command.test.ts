import { runEmulatorCommand } from '../../src/emulator/command';

/** Captured output, plus a promise that settles when the first stdout line (the URL) is printed. */
function io() {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let printed: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => {
    printed = resolve;
  });
  const stdout = (line: string) => {
    out.push(line);
    printed();
  };
  return {
    out,
    err,
    controller,
    listening,
    io: { stdout, stderr: (l: string) => err.push(l), signal: controller.signal },
  };
}

describe('runEmulatorCommand', () => {
  test.each([
    [['--port']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--key']],
    [['--bogus']],
    [['serve']],
    [['--tier', 'F1']],
    [['--unauthorized-body', 'old']],
    [['--empty-training', 'maybe']],
    [['--training-ms', '-5']],
    [['--faults=yes']],
  ])('bad usage %p exits 2 with one line on stderr', async (argv) => {
    const run = io();
    await expect(runEmulatorCommand(argv, run.io)).resolves.toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.out).toEqual([]);
  });

  test('serves on the given port with the given keys, prints one line with the URL, and exits 0 when stopped', async () => {
    const run = io();
    const exit = runEmulatorCommand(['--port', '0', '--key', 'k1', '--key=k2'], run.io);
    await run.listening;
    expect(run.out).toHaveLength(1);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/face\/v1\.0)/.exec(run.out[0] ?? '')?.[1];
    expect(url).toBeDefined();
    expect(run.out[0]).not.toContain('k1');
    const put = (key: string) =>
      fetch(`${url}/persongroups/BadId`, {
        method: 'PUT',
        headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' },
        body: '{"name":"x"}',
      });
    expect((await put('k2')).status).toBe(400);
    expect((await put('k3')).status).toBe(401);
    run.controller.abort();
    await expect(exit).resolves.toBe(0);
  });

  test('a port already in use exits 1 with one line on stderr', async () => {
    const first = io();
    const running = runEmulatorCommand(['--port', '0'], first.io);
    await first.listening;
    const port = /:(\d+)\//.exec(first.out[0] ?? '')?.[1] ?? '';
    const second = io();
    await expect(runEmulatorCommand(['--port', port], second.io)).resolves.toBe(1);
    expect(second.err).toHaveLength(1);
    first.controller.abort();
    await running;
  });
});

/** Starts the command with `argv` and answers its Face API root once it prints it. */
async function serving(argv: string[]) {
  const run = io();
  const exit = runEmulatorCommand(['--port', '0', ...argv], run.io);
  await run.listening;
  const root = /(http:\/\/127\.0\.0\.1:\d+)\/face\/v1\.0/.exec(run.out[0] ?? '')?.[1] ?? '';
  const stop = async () => {
    run.controller.abort();
    await exit;
  };
  return { root, line: run.out[0] ?? '', stop };
}

const createIn = (faceRoot: string, key: string, id = 'g') =>
  fetch(`${faceRoot}/face/v1.0/persongroups/${id}`, {
    method: 'PUT',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' },
    body: '{"name":"x"}',
  });

describe('runEmulatorCommand modes', () => {
  test('--faults serves the fault-control route; without it the route does not exist', async () => {
    const plain = await serving([]);
    const refused = await fetch(`${plain.root}/_emulator/faults`, {
      method: 'POST',
      body: '{"kind":"reset"}',
    });
    expect(refused.status).toBe(404);
    await plain.stop();
    const withFaults = await serving(['--faults']);
    expect(withFaults.line).toContain('/_emulator/faults');
    const injected = await fetch(`${withFaults.root}/_emulator/faults`, {
      method: 'POST',
      body: '{"kind":"server_error"}',
    });
    expect(injected.status).toBe(200);
    expect((await createIn(withFaults.root, 'k')).status).toBe(500);
    await withFaults.stop();
  });

  test('--key K@region binds the key to that region, and the line never shows a key', async () => {
    const run = await serving(['--key', 'secret-k1@westeurope', '--unauthorized-body', 'seed']);
    expect(run.line).not.toContain('secret-k1');
    expect((await createIn(`${run.root}/westeurope`, 'secret-k1')).status).toBe(200);
    const elsewhere = await createIn(`${run.root}/eastus`, 'secret-k1', 'h');
    expect([elsewhere.status, ((await elsewhere.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'Unspecified',
    ]);
    await run.stop();
  });

  test('--tier F0 limits each key to 20 calls a minute and --limited-access refuses person-group calls', async () => {
    const free = await serving(['--tier', 'F0']);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await createIn(free.root, 'k', `g${i}`)).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
    await free.stop();
    const limited = await serving(['--limited-access']);
    expect((await createIn(limited.root, 'k')).status).toBe(403);
    await limited.stop();
  });

  test('--empty-training reject and --training-ms set how training answers', async () => {
    const run = await serving(['--empty-training=reject', '--training-ms', '0']);
    await createIn(run.root, 'k');
    const train = () =>
      fetch(`${run.root}/face/v1.0/persongroups/g/train`, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': 'k' },
      });
    expect((await train()).status).toBe(400);
    await fetch(`${run.root}/face/v1.0/persongroups/g/persons`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': 'k', 'Content-Type': 'application/json' },
      body: '{"name":"p"}',
    });
    expect((await train()).status).toBe(202);
    const status = await fetch(`${run.root}/face/v1.0/persongroups/g/training`, {
      headers: { 'Ocp-Apim-Subscription-Key': 'k' },
    });
    expect(((await status.json()) as { status: string }).status).toBe('succeeded');
    await run.stop();
  });
});
