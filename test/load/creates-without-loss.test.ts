import { type BotHarness, startBotHarness } from '../helpers/bot-harness';
import { mapPool } from '../helpers/pool';
import { createInputs } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';

const WORKSPACES = 100;
const CREATES = 1000;
const CONCURRENCY = 200;
/** Double submits mixed in: the same form again, from the same workspace, sent while the load runs. */
const DUPLICATES = 40;

interface Job {
  platform: 'teams' | 'slack';
  /** teams: the tenant id; slack: the team id. */
  workspace: string;
  workspaceId: string;
  key: string;
  personGroupId: string;
  duplicate: boolean;
  /** Slack: the modal's view id and its response_url id, one per submission. */
  submission: string;
}

/** Workspace w: even ones are Teams tenants, odd ones Slack teams; each has its own Face key (namespace). */
function workspaceOf(w: number): Pick<Job, 'platform' | 'workspace' | 'workspaceId' | 'key'> {
  const platform = w % 2 === 0 ? 'teams' : 'slack';
  const workspace = platform === 'teams' ? `tenant-load-${w}` : `TLOAD${w}`;
  return {
    platform,
    workspace,
    workspaceId: platform === 'teams' ? `teams:${workspace}` : `slack:${workspace}`,
    key: `load-face-key-${w}-0123456789abcdef`,
  };
}

/** 1,000 distinct creates (10 per workspace), then duplicates of every 25th spread through the mix. */
function buildJobs(): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < CREATES; i += 1) {
    const w = i % WORKSPACES;
    jobs.push({
      ...workspaceOf(w),
      personGroupId: `load-${w}-${Math.floor(i / WORKSPACES)}`,
      duplicate: false,
      submission: `s${i}`,
    });
  }
  for (let d = 0; d < DUPLICATES; d += 1) {
    const original = jobs[d * 25] as Job;
    // Right behind its original, so most duplicates arrive while the first call is still running.
    // A double submit: the same form (the same Slack view or Teams card), user and values.
    jobs.splice(d * 26 + 1, 0, { ...original, duplicate: true });
  }
  return jobs;
}

describe(`${CREATES} creates over ${WORKSPACES} workspaces at concurrency ${CONCURRENCY}, Teams and Slack`, () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ faceBudgetMs: 10_000 });
    for (let w = 0; w < WORKSPACES; w += 1) {
      const { workspaceId, key } = workspaceOf(w);
      await bot.configure(workspaceId, key);
    }
  });
  afterAll(() => bot?.close());

  it('gives every request exactly one outcome, creates every group exactly once and audits each create once', async () => {
    const jobs = buildJobs();
    const answers = await mapPool(jobs, CONCURRENCY, async (job) => {
      const inputs = createInputs(job.personGroupId);
      if (job.platform === 'teams') {
        const response = await bot.teamsInvoke(job.workspace, 'personGroupCreate', inputs);
        return { job, status: response.status, body: response.json as Record<string, unknown> | undefined };
      }
      const ack = await bot.slackSubmit(job.workspace, 'persongroup_create', inputs, {
        viewId: `V-${job.submission}`,
        responseUrlId: job.submission,
      });
      return { job, status: ack.status, body: ack.json };
    });

    // Teams: each invoke is answered with one success card naming its group.
    for (const { job, status, body } of answers.filter((a) => a.job.platform === 'teams')) {
      expect(status).toBe(200);
      expect(body?.type).toBe('application/vnd.microsoft.card.adaptive');
      const text = cardText(body?.value);
      expect(text).toContain('Person group created');
      expect(text).toContain(job.personGroupId);
    }
    // A personal chat gets nothing besides the invoke answer.
    expect(bot.connector.calls).toEqual([]);

    // Slack: each submission is acked (closing the modal, or "Creating…" when the call ran long)…
    const slackAnswers = answers.filter((a) => a.job.platform === 'slack');
    for (const { status, body } of slackAnswers) {
      expect(status).toBe(200);
      if (body !== undefined) expect(body.response_action).toBe('update');
    }
    // …and each submission's outcome is announced exactly once, to its own response_url (a twin of the
    // same submission hears it in its modal, not by a second channel post).
    const submissions = new Set(slackAnswers.map((a) => a.job.submission));
    await bot.slack.waitFor(
      'response_url',
      () => bot.slack.callsOf('response_url').length >= submissions.size,
      30_000,
    );
    const deliveries = new Map<string, number>();
    for (const call of bot.slack.callsOf('response_url')) {
      const id = call.path.replace('/response/', '');
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      expect(JSON.stringify(call.body)).toContain('created person group');
    }
    expect(deliveries.size).toBe(submissions.size);
    for (const { job } of slackAnswers) expect(deliveries.get(job.submission)).toBe(1);
    // A modal left on "Creating…" is updated once with the outcome.
    const creating = slackAnswers.filter(
      (a) => a.body?.view !== undefined && JSON.stringify(a.body).includes('Creating'),
    );
    const updates = bot.slack.callsOf('views.update').map((call) => String(call.body.view_id));
    expect(updates.sort()).toEqual(creating.map((a) => `V-${a.job.submission}`).sort());

    // The Face API saw one successful PUT per group, and every group exists in its workspace's namespace.
    const puts = bot.emulator.requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(CREATES);
    expect(new Set(puts.map((put) => put.path)).size).toBe(CREATES);
    expect(puts.every((put) => put.status === 200)).toBe(true);
    for (let w = 0; w < WORKSPACES; w += 1) {
      const expected = Array.from({ length: CREATES / WORKSPACES }, (_, n) => `load-${w}-${n}`).sort();
      expect(bot.emulator.groups(workspaceOf(w).key).map((group) => group.personGroupId)).toEqual(expected);
    }

    // The audit holds each create exactly once; the double submits are recorded as duplicates.
    // (read per workspace: one listing is capped at 1,000 entries)
    const audit = [];
    for (let w = 0; w < WORKSPACES; w += 1) {
      const entries = await bot.app.store.listAudit({ workspaceId: workspaceOf(w).workspaceId, limit: 1000 });
      audit.push(...entries.filter((entry) => entry.action === 'create_person_group'));
    }
    const created = audit.filter((entry) => entry.outcome === 'created');
    expect(created).toHaveLength(CREATES);
    expect(new Set(created.map((entry) => `${entry.workspaceId}/${entry.personGroupId}`)).size).toBe(CREATES);
    expect(audit.filter((entry) => entry.outcome === 'duplicate:created')).toHaveLength(DUPLICATES);
    expect(audit).toHaveLength(CREATES + DUPLICATES);
  }, 60_000);
});
