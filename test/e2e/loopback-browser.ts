import { existsSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium: `.ci/run` installs it; browsers are never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Chromium is not installed where the end-to-end test expects it. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

/**
 * Headless Chromium with a fresh profile that can reach loopback addresses only: every other request
 * (the Playground asks for three CDN web fonts) is aborted, so the test runs offline and the same way
 * everywhere. Returns the requests it blocked, for diagnostics.
 */
export async function launchLoopbackBrowser(
  profileDir: string,
): Promise<{ context: BrowserContext; blocked: string[] }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ChromiumMissingError(`${CHROMIUM_PATH} is missing: install it with apt-get install chromium`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Containers often have a tiny /dev/shm; Chromium then crashes tabs without this.
      '--disable-dev-shm-usage',
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
