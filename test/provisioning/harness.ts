import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, type FaceEmulatorOptions, startFaceEmulator } from '../../src/emulator';
import { createFaceClient } from '../../src/face/client';
import { createLogger } from '../../src/logger';
import type { ProvisioningDeps } from '../../src/provisioning/deps';
import { createProvisioning, type Provisioning } from '../../src/provisioning/service';
import { openStore } from '../../src/store/open-store';
import { SecretBox } from '../../src/store/secret-box';
import type { WorkspaceStore } from '../../src/store/types';

/** A real SQLite store in a temp folder, a real emulator on loopback, the real client and secret box. */
export interface Harness {
  dir: string;
  databaseUrl: string;
  emulator: FaceEmulator;
  store: WorkspaceStore;
  secretBox: SecretBox;
  provisioning: Provisioning;
  /** Another "replica": its own store connection on the same database, its own use cases. */
  replica(
    overrides?: Partial<ProvisioningDeps>,
  ): Promise<{ store: WorkspaceStore; provisioning: Provisioning }>;
  /** Use cases over the same store with other settings (local mode, budget…). */
  with(overrides: Partial<ProvisioningDeps>): Provisioning;
  close(): Promise<void>;
}

export const ADMIN = { id: 'U-admin', name: 'Ada Admin' };
export const USER = { id: 'U-user', name: 'Uma User' };
export const OTHER_USER = { id: 'U-other', name: 'Otto Other' };
/** Long enough to have a key hint (last 4: "cdef"). */
export const GOOD_KEY = '0123456789abcdef0123456789abcdef';

export async function startHarness(
  options: { emulator?: FaceEmulatorOptions; deps?: Partial<ProvisioningDeps> } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'provisioning-'));
  const databaseUrl = `sqlite:${join(dir, 'bot.db')}`;
  const emulator = await startFaceEmulator({ port: 0, ...options.emulator });
  const secretBox = new SecretBox({ current: randomBytes(32) });
  const stores: WorkspaceStore[] = [];
  const openOne = async () => {
    const store = openStore(databaseUrl);
    await store.init();
    stores.push(store);
    return store;
  };
  const store = await openOne();
  const depsFor = (s: WorkspaceStore, overrides: Partial<ProvisioningDeps> = {}): ProvisioningDeps => ({
    store: s,
    faceClient: createFaceClient({ budgetMs: 2000, timeoutMs: 1000 }),
    secretBox,
    logger: createLogger({ level: 'silent' }),
    clock: () => new Date(),
    localMode: false,
    faceEndpointOverride: emulator.url,
    budgetMs: 2000,
    claimPollMs: 20,
    ...options.deps,
    ...overrides,
  });
  return {
    dir,
    databaseUrl,
    emulator,
    store,
    secretBox,
    provisioning: createProvisioning(depsFor(store)),
    async replica(overrides) {
      const other = await openOne();
      return { store: other, provisioning: createProvisioning(depsFor(other, overrides)) };
    },
    with: (overrides) => createProvisioning(depsFor(store, overrides)),
    async close() {
      for (const s of stores) await s.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Configures `workspaceId` for region westus with `key` (calls go to the emulator through the override). */
export async function configure(h: Harness, workspaceId: string, key = GOOD_KEY): Promise<void> {
  const outcome = await h.provisioning.configureWorkspace({
    workspaceId,
    actor: ADMIN,
    isAdmin: true,
    values: { region: 'westus', subscriptionKey: key },
  });
  if (outcome.kind !== 'configured') throw new Error(`test setup: configure gave ${outcome.kind}`);
}

/** The emulator's PUT requests so far. */
export function puts(emulator: FaceEmulator): number {
  return emulator.requests.filter((request) => request.method === 'PUT').length;
}
