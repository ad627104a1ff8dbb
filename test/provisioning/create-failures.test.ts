import type { EmulatorFault } from '../../src/emulator';
import type { FaceFailureKind } from '../../src/face/failure';
import { configure, type Harness, startHarness, USER } from './harness';

let h: Harness;
const WORKSPACE = 'slack:T-failures';

beforeAll(async () => {
  h = await startHarness({ deps: { budgetMs: 1500 } });
  await configure(h, WORKSPACE);
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

// Every fault is queued for more requests than the client can retry within its budget.
const cases: [string, EmulatorFault, FaceFailureKind][] = [
  ['a resource without Limited Access approval', { kind: 'limited_access' }, 'limited_access'],
  [
    'a wrong key or region',
    {
      kind: 'status',
      status: 401,
      body: {
        error: {
          code: '401',
          message: 'Access denied due to invalid subscription key or wrong API endpoint.',
        },
      },
    },
    'unauthorized',
  ],
  [
    'the group quota',
    {
      kind: 'status',
      status: 403,
      body: {
        error: { code: 'QuotaExceeded', message: 'Person group number reached subscription level limit.' },
      },
    },
    'quota_exceeded',
  ],
  ['throttling without Retry-After', { kind: 'rate_limit_bare' }, 'rate_limited'],
  ['a server error', { kind: 'server_error', status: 503 }, 'service_unavailable'],
  ["a proxy's HTML error page", { kind: 'html', status: 502 }, 'service_unavailable'],
  ['a reset connection', { kind: 'reset' }, 'network'],
  ['a service slower than the timeout', { kind: 'latency', ms: 1600 }, 'timeout'],
];

describe('createPersonGroup when the Face API fails', () => {
  it.each(cases)(
    'maps %s to a failure with a remedy, keeps the values and audits it',
    async (_what, fault, kind) => {
      h.emulator.injectFaults(fault, 50);
      const personGroupId = `g-${kind.replace(/_/g, '-')}`;

      const outcome = await h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: USER,
        values: { personGroupId, name: 'Group' },
      });

      expect(outcome.kind).toBe('failed');
      if (outcome.kind !== 'failed') return;
      expect(outcome.failure.kind).toBe(kind);
      expect(outcome.failure.remedy.length).toBeGreaterThan(10);
      expect(outcome.values).toEqual({ personGroupId, name: 'Group' });
      const [entry] = await h.store.listAudit({ workspaceId: WORKSPACE, limit: 1 });
      expect(entry).toMatchObject({ personGroupId, outcome: `failed:${kind}`, userId: USER.id });
      expect(entry?.errorCode).toEqual(expect.any(String));
    },
  );

  it('lets a retry after a failure reach the service instead of repeating the old failure', async () => {
    h.emulator.injectFaults({ kind: 'limited_access' }, 1);
    const values = { personGroupId: 'retry-me', name: 'Retry' };
    const first = await h.provisioning.createPersonGroup({ workspaceId: WORKSPACE, actor: USER, values });
    expect(first.kind).toBe('failed');

    const again = await h.provisioning.createPersonGroup({ workspaceId: WORKSPACE, actor: USER, values });

    expect(again.kind).toBe('created');
  });
});
