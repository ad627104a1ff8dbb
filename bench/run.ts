/**
 * `npm run bench`: one run, one machine, one table (DESIGN.md "Performance"). The bot runs as a child
 * process exactly as `npm start` runs it (`node dist/cli.js serve`, so RSS and start-up are its own), the
 * bare framework baselines likewise, the Face emulator and a fake Slack Web API in another child, and
 * the load generator here. Targets are reported as PASS/MISS, never asserted.
 * `--no-docs` prints the table without rewriting docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '../scripts/repo-root';
import { rolePath, startTarget, type Target } from './child';
import { measureDirectCreate } from './direct';
import { writeDocsSection } from './docs-section';
import { type LoadRequest, type LoadResult, runLoad } from './load';
import { describeMachine } from './machine';
import { groupId, slackCreateSubmission, teamsCreateInvoke } from './payloads';
import { type BenchFigures, failureNote, markdownTable, tableRows } from './report';
import { configureSlackWorkspace } from './slack-workspace';
import { startStubs } from './stubs-client';

const WARMUP_MS = 2000;
const C1_MS = 5000;
const C200_MS = 8000;
const SLOW_EMULATOR_MS = 10_000;
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
/** The bots' serviceUrl: personal-chat invokes are answered in the HTTP response, nothing is sent there. */
const SERVICE_URL = 'http://127.0.0.1:9/';

const log = (line: string) => console.error(`bench: ${line}`);

/** The answers each phase must give (bodies are read for ours and bare alike, so the cost is equal). */
const EXPECT = {
  /** Our created card, and the bare handler's fixed card, both say so. */
  teamsCreated: (body: string) => body.includes('Person group created'),
  /** A plain ack (empty body): the group was created inline, or the bare handler acked. */
  slackAcked: (body: string) => body === '',
  /** The "Creating…" view: the ack came before the slow Face call ended. */
  slackCreating: (body: string) => body.includes('"response_action":"update"'),
};

/** One measured phase: closed-loop load at `connections` for `durationMs`, answers checked by `expect`. */
interface Phase {
  connections: number;
  durationMs: number;
  expect: (body: string) => boolean;
  /** Runs just before the phase (e.g. slowing the emulator down). */
  before?: () => Promise<void>;
  label?: string;
}

/**
 * Warm-up at the highest concurrency of the phases (which also opens every keep-alive connection, so no
 * measured request pays a TCP connect), then the measured phases; the warm-up's figures are dropped.
 */
async function measure(
  target: Target,
  phase: string,
  build: (id: string) => LoadRequest,
  phases: Phase[],
): Promise<LoadResult[]> {
  const request = (prefix: string) => (n: number) => build(groupId(prefix, n));
  const connections = Math.max(...phases.map((p) => p.connections));
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const base = { baseUrl: target.baseUrl, agent };
  try {
    await runLoad({ ...base, connections, durationMs: WARMUP_MS, request: request(`${phase}-w`) });
    const results: LoadResult[] = [];
    for (const [i, { before, label, ...p }] of phases.entries()) {
      await before?.();
      log(`${target.name}: c=${p.connections} for ${p.durationMs / 1000} s${label ? ` ${label}` : ''}`);
      results.push(await runLoad({ ...base, ...p, request: request(`${phase}-${i}`) }));
    }
    return results;
  } finally {
    agent.destroy();
  }
}

async function main(): Promise<void> {
  const writeDocs = !process.argv.includes('--no-docs');
  const root = findRepoRoot(__dirname);
  const cli = path.join(root, 'dist', 'cli.js');
  const workDir = mkdtempSync(path.join(tmpdir(), 'persongroup-bench-'));
  const stubs = await startStubs(rolePath('stubs'));
  const running: Target[] = [];
  /** Starts a target and remembers it, so a failed run still stops every process it started. */
  const start = async (...args: Parameters<typeof startTarget>) => {
    const target = await startTarget(...args);
    running.push(target);
    return target;
  };
  const notes: string[] = [];
  try {
    log('direct client → emulator');
    const direct = await measureDirectCreate(stubs.emulatorUrl, { warmup: 200, calls: 2000 });

    // Teams: our bot in local mode (the emulator serves every workspace) against bare botbuilder.
    const teamsEnv = (port: number) => ({
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(workDir, 'teams'),
      FACE_ENDPOINT_OVERRIDE: stubs.emulatorUrl,
      LOG_LEVEL: 'info',
    });
    const teamsPhases: Phase[] = [
      { connections: 1, durationMs: C1_MS, expect: EXPECT.teamsCreated },
      { connections: 200, durationMs: C200_MS, expect: EXPECT.teamsCreated },
    ];
    const invoke = (id: string) => teamsCreateInvoke(SERVICE_URL, id);
    const teamsOurs = await start('teams bot', cli, { env: teamsEnv, args: () => ['serve'] });
    await expectTeamsCreated(teamsOurs);
    const [oursC1, oursC200] = await measure(teamsOurs, 'teams', invoke, teamsPhases);
    const teamsOursRss = teamsOurs.peakRssMiB();
    await teamsOurs.stop();
    const teamsBare = await start('bare botbuilder', rolePath('bare-teams'), {
      args: (port) => [String(port)],
    });
    const [bareC1, bareC200] = await measure(teamsBare, 'bare', invoke, teamsPhases);
    const teamsBareRss = teamsBare.peakRssMiB();
    await teamsBare.stop();

    // Slack: our bot with its own workspace key (Slack credentials end local mode) against bare Bolt.
    const secretKey = randomBytes(32);
    const databaseUrl = `sqlite:${path.join(workDir, 'slack.db')}`;
    await configureSlackWorkspace({
      databaseUrl,
      secretKey,
      emulatorUrl: stubs.emulatorUrl,
      workspaceId: 'slack:T1',
      faceKey: 'bench-slack-face-key-0123456789',
    });
    const slackOurs = await start('slack bot', cli, {
      args: () => ['serve'],
      env: (port) => ({
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: path.join(workDir, 'slack'),
        DATABASE_URL: databaseUrl,
        SECRET_KEY: secretKey.toString('base64'),
        FACE_ENDPOINT_OVERRIDE: stubs.emulatorUrl,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: stubs.slackApiUrl,
        LOG_LEVEL: 'info',
      }),
    });
    const submit = (id: string) => slackCreateSubmission(SIGNING_SECRET, stubs.responseUrlBase, id);
    const acked: Phase = { connections: 200, durationMs: C200_MS, expect: EXPECT.slackAcked };
    const [slackFast, slackSlow] = await measure(slackOurs, 'slack', submit, [
      acked,
      {
        ...acked,
        expect: EXPECT.slackCreating,
        before: () => stubs.injectLatency(SLOW_EMULATOR_MS, 1_000_000),
        label: `with the emulator at +${SLOW_EMULATOR_MS / 1000} s`,
      },
    ]);
    const slackOursRss = slackOurs.peakRssMiB();
    await slackOurs.stop();
    const slackBare = await start('bare Bolt', rolePath('bare-slack'), {
      args: (port) => [String(port), SIGNING_SECRET, BOT_TOKEN, stubs.slackApiUrl],
    });
    const [slackBareC200] = await measure(slackBare, 'bolt', submit, [acked]);
    const slackBareRss = slackBare.peakRssMiB();
    await slackBare.stop();

    if (!oursC1 || !oursC200 || !bareC1 || !bareC200 || !slackFast || !slackSlow || !slackBareC200) {
      throw new Error('a measured phase returned no result');
    }
    const figures: BenchFigures = {
      direct,
      teams: {
        ours: { c1: oursC1, c200: oursC200, readyMs: teamsOurs.readyMs, peakRssMiB: teamsOursRss },
        bare: { c1: bareC1, c200: bareC200, readyMs: teamsBare.readyMs, peakRssMiB: teamsBareRss },
      },
      slack: {
        oursFast: slackFast,
        oursSlow: slackSlow,
        bare: slackBareC200,
        ours: { readyMs: slackOurs.readyMs, peakRssMiB: slackOursRss },
        bareProcess: { readyMs: slackBare.readyMs, peakRssMiB: slackBareRss },
      },
    };
    const phases: [string, LoadResult][] = [
      ['Teams c=1', oursC1],
      ['Teams c=200', oursC200],
      ['bare botbuilder c=1', bareC1],
      ['bare botbuilder c=200', bareC200],
      ['Slack c=200', slackFast],
      ['Slack c=200 +10 s', slackSlow],
      ['bare Bolt c=200', slackBareC200],
    ];
    for (const [name, result] of phases) {
      const note = failureNote(name, result);
      if (note) notes.push(`Failed answers — ${note}`);
    }
    const stats = await stubs.stats();
    notes.push(
      `Emulator: ${stats.created} of ${stats.puts} PUTs created a group (direct ${direct.calls} measured calls; ` +
        `Teams ${oursC1.ok + oursC200.ok} and Slack ${slackFast.ok} measured creates, plus warm-ups; ` +
        'the +10 s phase’s creates were still pending when the bot was stopped).',
    );

    const report = [
      `Machine: ${describeMachine()}`,
      '',
      markdownTable(tableRows(figures)),
      '',
      ...notes.map((n) => `- ${n}`),
    ].join('\n');
    console.log(report);
    if (writeDocs) {
      writeDocsSection(path.join(root, 'docs', 'benchmarks.md'), report);
      log('wrote docs/benchmarks.md');
    }
  } finally {
    await Promise.all(running.map((target) => target.stop()));
    await stubs.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** One create before the load, read in full: a fast bot that fails every create must not pass. */
async function expectTeamsCreated(target: Target): Promise<void> {
  const id = groupId('check', Date.now());
  const request = teamsCreateInvoke(SERVICE_URL, id);
  const res = await fetch(`${target.baseUrl}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await res.text();
  if (res.status !== 200 || !text.includes(id) || !text.includes('application/vnd.microsoft.card.adaptive')) {
    throw new Error(`the Teams create check failed: ${res.status} ${text.slice(0, 300)}`);
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
