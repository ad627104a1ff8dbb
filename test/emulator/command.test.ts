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
