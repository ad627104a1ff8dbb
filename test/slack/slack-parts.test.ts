import { withinBudget } from '../../src/async/within-budget';
import { decodeMetadata, encodeMetadata, PRIVATE_METADATA_LIMIT } from '../../src/slack/metadata';
import { MissingWorkspaceError, workspaceIdOf } from '../../src/slack/workspace';

describe('workspaceIdOf', () => {
  it('names a workspace by its team id', () => {
    expect(workspaceIdOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).toBe('slack:T1');
  });

  it('names an org-wide install by its enterprise id', () => {
    expect(workspaceIdOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('slack:E1');
  });

  it('refuses a request that names neither', () => {
    expect(() => workspaceIdOf({ isEnterpriseInstall: false })).toThrow(MissingWorkspaceError);
  });
});

describe('modal metadata', () => {
  const meta = {
    channel: 'C1',
    user: 'U1',
    responseUrl: 'https://hooks.slack.com/commands/T1/1/x',
    data: {},
  };

  it("round-trips channel, user, response_url and the form's data", () => {
    const full = { ...meta, data: { personGroupId: 'abc', kind: 'personGroup' } };
    expect(decodeMetadata(encodeMetadata(full))).toEqual(full);
  });

  it('stays within 3000 characters however long and many the data values are, keeping the rest', () => {
    const data = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'n'.repeat(10_000)]));
    const text = encodeMetadata({ ...meta, data: { personGroupId: 'abc', ...data } });
    expect(text.length).toBeLessThanOrEqual(PRIVATE_METADATA_LIMIT);
    const back = decodeMetadata(text);
    expect(back.responseUrl).toBe(meta.responseUrl);
    expect(back.data.personGroupId).toBe('abc');
  });

  it('reads unreadable metadata as empty rather than failing the submit', () => {
    expect(decodeMetadata('not json')).toEqual({ channel: '', user: '', responseUrl: '', data: {} });
  });
});

describe('withinBudget', () => {
  it('returns the value when the work ends within the budget', async () => {
    await expect(withinBudget(Promise.resolve(7), 1000)).resolves.toEqual({ settled: true, value: 7 });
  });

  it('hands back the still-running work when the budget ends first', async () => {
    let finish: (v: number) => void = () => undefined;
    const work = new Promise<number>((resolve) => {
      finish = resolve;
    });
    const result = await withinBudget(work, 5);
    expect(result.settled).toBe(false);
    finish(3);
    if (!result.settled) await expect(result.pending).resolves.toBe(3);
  });
});
