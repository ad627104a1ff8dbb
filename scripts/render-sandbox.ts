/**
 * `npm run docs:sandbox`: pictures of the Slack sandbox for the README, taken from the real thing: the
 * compiled server (`node dist/cli.js serve`, what `npm start` runs) in local mode with a temporary data
 * folder, and the page at /slack/sandbox used in headless Chromium (/usr/bin/chromium, loopback only).
 * Writes docs/slack-sandbox/field-error.png (the modal with the id rule under the field) and
 * docs/slack-sandbox/created.png (the channel message). Needs `npm run build` first (the npm script does it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findRepoRoot } from './repo-root';

const CHROMIUM_PATH = '/usr/bin/chromium';

/** The pictures, in the order they are taken. */
export const SANDBOX_PICTURES = ['field-error.png', 'created.png'] as const;

/** Renders the pictures into outDir from the compiled server under root/dist; returns the files written. */
export async function renderSandboxPictures(root: string, outDir: string): Promise<string[]> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: install Chromium (apt-get install chromium)`);
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'persongroup-docs-sandbox-'));
  const port = await freePort();
  const server = spawn(process.execPath, [cli, 'serve'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/readyz`, server);
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/slack/sandbox`);
    return await takePictures(page, outDir);
  } finally {
    await browser.close();
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function takePictures(page: Page, outDir: string): Promise<string[]> {
  const composer = page.getByRole('textbox', { name: 'Message #sandbox' });
  const modal = page.getByRole('dialog');
  const field = (label: string) => modal.getByRole('textbox', { name: new RegExp(`^${label}`) });
  const create = modal.getByRole('button', { name: 'Create', exact: true });
  await composer.fill('/persongroup create');
  await composer.press('Enter');
  await field('Person group id').fill('Front Door');
  await field('Name').fill('Front door staff');
  await create.click();
  await modal.locator('.bk-error:not(:empty)').first().waitFor();
  const [errorPicture, createdPicture] = SANDBOX_PICTURES.map((file) => join(outDir, file));
  await page.screenshot({ path: errorPicture as string });

  await field('Person group id').fill('front-door-staff');
  await create.click();
  await modal.waitFor({ state: 'hidden' });
  await page.locator('.sb-message').filter({ hasText: 'Person group created' }).waitFor();
  await page.screenshot({ path: createdPicture as string });
  return [errorPicture as string, createdPicture as string];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls /readyz until it answers 200; fails when the server exits first. */
async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.exitCode !== null)
      throw new Error(`the server exited (${server.exitCode}) before it was ready`);
    const ready = await fetch(url).then(
      (res) => res.ok,
      // Not listening yet: the connection is refused until the server is up.
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not ready within 30 s`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}

if (require.main === module) {
  const root = findRepoRoot(__dirname);
  renderSandboxPictures(root, join(root, 'docs', 'slack-sandbox')).then(
    (files) => {
      for (const file of files) console.log(`docs:sandbox: wrote ${file.slice(root.length + 1)}`);
    },
    (error: unknown) => {
      console.error(`docs:sandbox: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
