/**
 * `npm run bench`: one run, one machine, one table (DESIGN.md "Performance", issue 15). The bot runs as
 * a child process exactly as `npm start` runs it (`node dist/cli.js serve`, so RSS and start-up are its
 * own); each platform's floor — the bare framework doing the same outbound work with plain undici — runs
 * likewise; the Face emulator and a fake Slack Web API in another child, the load generator here. Where
 * the machine allows, the measured process has a CPU to itself. Targets are ratios to the floor in the
 * same run, reported as PASS/MISS, never asserted.
 * `--no-docs` prints the table without rewriting docs/benchmarks.md; `--profile` also writes a CPU
 * profile of our bot per platform (node --cpu-prof) and prints its top self time by package.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '../scripts/repo-root';
import { INLINE_BUDGET_MS } from '../src/slack';
import { rolePath, startTarget, type Target, type TargetOptions } from './child';
import { measureDirectCreate } from './direct';
import { writeDocsSection } from './docs-section';
import { describeMachine } from './machine';
import { groupId, slackCreateSubmission, teamsCreateInvoke } from './payloads';
import { measure, type Phase, type PhaseResult } from './phases';
import { pinSurroundings } from './pinning';
import { summariseProfile } from './profile-summary';
import {
  type BenchFigures,
  cpuNote,
  failureNote,
  markdownTable,
  type ProcessFigures,
  tableRows,
} from './report';
import { configureSlackWorkspace } from './slack-workspace';
import { type Stubs, startStubs } from './stubs-client';

const C1_MS = 5000;
const C200_MS = 8000;
const SLOW_EMULATOR_MS = 10_000;
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
/** The bots' serviceUrl: personal-chat invokes are answered in the HTTP response, nothing is sent there. */
const SERVICE_URL = 'http://127.0.0.1:9/';

/**
 * The spend guardrails stay on (their store round trips are part of every create) with limits no run
 * reaches: the bench makes thousands of creates a minute as one user.
 */
const GUARDRAILS_OUT_OF_REACH = {
  FACE_ACTIONS_PER_USER_PER_MINUTE: '1000000',
  FACE_ACTIONS_PER_WORKSPACE_PER_MINUTE: '1000000',
};

const log = (line: string) => console.error(`bench: ${line}`);

/** The answers each phase must give (bodies are read for ours and the floor alike, so the cost is equal). */
const EXPECT = {
  /** Our created card, and the floor's card after its PUT succeeded, both say so. */
  teamsCreated: (body: string) => body.includes('Person group created'),
  /** A plain ack (empty body): the group was created inline (ours and the floor alike). */
  slackAcked: (body: string) => body === '',
  /** The "Creating…" view: the ack came before the slow Face call ended. */
  slackCreating: (body: string) => body.includes('"response_action":"update"'),
};

/** The run's shared context: where processes go, what they talk to. */
interface Run {
  stubs: Stubs;
  cpus: string | undefined;
  profileDir: string | undefined;
  workDir: string;
  start: (name: string, script: string, options: TargetOptions) => Promise<Target>;
}

/** A process to measure; `check` runs once before the load (e.g. a create read in full). */
interface TargetSpec {
  name: string;
  script: string;
  options: TargetOptions;
  prefix: string;
  check?: (target: Target) => Promise<void>;
}

/** Runs `phases` against a freshly started target, then reads its memory and stops it. */
async function runTarget(
  run: Run,
  spec: TargetSpec,
  build: Parameters<typeof measure>[3],
  phases: Phase[],
): Promise<{ results: PhaseResult[]; process: ProcessFigures }> {
  const target = await run.start(spec.name, spec.script, { ...spec.options, cpus: run.cpus });
  await spec.check?.(target);
  let heap: ProcessFigures['heap'] | undefined;
  const heapAfterLoad = async () => {
    heap = await target.heapAfterGc();
  };
  // The heap is read after the heaviest fast phase (the last c=200 one unless a later phase says so).
  const withHeap = phases.map((p, i) =>
    i === phases.findLastIndex((q) => q.connections === 200 && !q.label) ? { ...p, after: heapAfterLoad } : p,
  );
  const clocks = { stubs: () => run.stubs.cpuSeconds() };
  const results = await measure(target, clocks, spec.prefix, build, withHeap, log);
  const peakRssMiB = target.peakRssMiB();
  // A profiled bot writes its profile on exit: give it time to drain (Slack waits for its outcomes).
  await target.stop(run.profileDir ? 30_000 : 3000);
  if (heap === undefined) throw new Error(`${spec.name}: no heap figures`);
  return { results, process: { readyMs: target.readyMs, peakRssMiB, heap } };
}

const ourNodeArgs = (run: Run, platform: string) =>
  run.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(run.profileDir, platform)}`] : [];

async function benchTeams(run: Run, cli: string): Promise<BenchFigures['teams']> {
  const phases: Phase[] = [
    { connections: 1, durationMs: C1_MS, expect: EXPECT.teamsCreated },
    { connections: 200, durationMs: C200_MS, expect: EXPECT.teamsCreated },
  ];
  const invoke = (id: string) => teamsCreateInvoke(SERVICE_URL, id);
  const oursSpec: TargetSpec = {
    name: 'teams bot',
    script: cli,
    prefix: 'teams',
    check: expectTeamsCreated,
    options: {
      args: () => ['serve'],
      nodeArgs: ourNodeArgs(run, 'teams'),
      env: (port: number) => ({
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: path.join(run.workDir, 'teams'),
        FACE_ENDPOINT_OVERRIDE: run.stubs.emulatorUrl,
        LOG_LEVEL: 'info',
        ...GUARDRAILS_OUT_OF_REACH,
      }),
    },
  };
  const ours = await runTarget(run, oursSpec, invoke, phases);
  const floor = await runTarget(
    run,
    {
      name: 'floor botbuilder',
      script: rolePath('floor-teams'),
      prefix: 'floor',
      options: { args: (port) => [String(port), run.stubs.emulatorUrl] },
    },
    invoke,
    phases,
  );
  return {
    ours: { c1: need(ours.results[0]), c200: need(ours.results[1]), ...ours.process },
    floor: { c1: need(floor.results[0]), c200: need(floor.results[1]), ...floor.process },
  };
}

async function benchSlack(run: Run, cli: string): Promise<BenchFigures['slack']> {
  const submit = (id: string) => slackCreateSubmission(SIGNING_SECRET, run.stubs.responseUrlBase, id);
  const fast: Phase[] = [
    { connections: 1, durationMs: C1_MS, expect: EXPECT.slackAcked },
    { connections: 200, durationMs: C200_MS, expect: EXPECT.slackAcked },
  ];
  // The floor first: our slow phase leaves the emulator slow for the rest of the run.
  const floor = await runTarget(
    run,
    {
      name: 'floor Bolt',
      script: rolePath('floor-slack'),
      prefix: 'bolt',
      options: {
        args: (port) => [
          String(port),
          SIGNING_SECRET,
          BOT_TOKEN,
          run.stubs.slackApiUrl,
          run.stubs.emulatorUrl,
        ],
      },
    },
    submit,
    fast,
  );
  // Our bot with its own workspace key (Slack credentials end local mode).
  const secretKey = randomBytes(32);
  const databaseUrl = `sqlite:${path.join(run.workDir, 'slack.db')}`;
  await configureSlackWorkspace({
    databaseUrl,
    secretKey,
    emulatorUrl: run.stubs.emulatorUrl,
    workspaceId: 'slack:T1',
    faceKey: 'bench-slack-face-key-0123456789',
  });
  const ours = await runTarget(
    run,
    {
      name: 'slack bot',
      script: cli,
      prefix: 'slack',
      options: {
        args: () => ['serve'],
        nodeArgs: ourNodeArgs(run, 'slack'),
        env: (port) => ({
          HOST: '127.0.0.1',
          PORT: String(port),
          DATA_DIR: path.join(run.workDir, 'slack'),
          DATABASE_URL: databaseUrl,
          SECRET_KEY: secretKey.toString('base64'),
          FACE_ENDPOINT_OVERRIDE: run.stubs.emulatorUrl,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_API_URL: run.stubs.slackApiUrl,
          LOG_LEVEL: 'info',
          ...GUARDRAILS_OUT_OF_REACH,
        }),
      },
    },
    submit,
    [
      ...fast,
      {
        connections: 200,
        durationMs: C200_MS,
        expect: EXPECT.slackCreating,
        before: () => run.stubs.injectLatency(SLOW_EMULATOR_MS, 1_000_000),
        label: `with the emulator at +${SLOW_EMULATOR_MS / 1000} s`,
      },
    ],
  );
  return {
    ours: { c1: need(ours.results[0]), c200: need(ours.results[1]), ...ours.process },
    floor: { c1: need(floor.results[0]), c200: need(floor.results[1]), ...floor.process },
    slowAck: need(ours.results[2]),
    inlineBudgetMs: INLINE_BUDGET_MS,
  };
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a measured phase returned no result');
  return value;
}

function runNotes(f: BenchFigures, layout: string): string[] {
  const phases: [string, PhaseResult][] = [
    ['Teams c=1', f.teams.ours.c1],
    ['Teams c=200', f.teams.ours.c200],
    ['Teams floor c=1', f.teams.floor.c1],
    ['Teams floor c=200', f.teams.floor.c200],
    ['Slack c=1', f.slack.ours.c1],
    ['Slack c=200', f.slack.ours.c200],
    ['Slack c=200 +10 s', f.slack.slowAck],
    ['Slack floor c=1', f.slack.floor.c1],
    ['Slack floor c=200', f.slack.floor.c200],
  ];
  const notes = [`CPUs: ${layout}.`];
  for (const [name, result] of phases) {
    const failure = failureNote(name, result);
    if (failure) notes.push(`Failed answers — ${failure}`);
  }
  notes.push(`CPU per phase — ${phases.map(([name, r]) => cpuNote(name, r)).join('; ')}.`);
  return notes;
}

async function main(): Promise<void> {
  const writeDocs = !process.argv.includes('--no-docs');
  const profile = process.argv.includes('--profile');
  const root = findRepoRoot(__dirname);
  const cli = path.join(root, 'dist', 'cli.js');
  const workDir = mkdtempSync(path.join(tmpdir(), 'persongroup-bench-'));
  const loadAtStart = os.loadavg();
  // Before pinning: pinned, this process would see one CPU.
  const machine = describeMachine();
  const layout = pinSurroundings();
  const stubs = await startStubs(rolePath('stubs'));
  const running: Target[] = [];
  const profileDir = profile ? path.join(root, 'dist', 'bench-profiles') : undefined;
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const run: Run = {
    stubs,
    cpus: layout.targets,
    profileDir,
    workDir,
    /** Starts a target and remembers it, so a failed run still stops every process it started. */
    start: async (...args) => {
      const target = await startTarget(...args);
      running.push(target);
      return target;
    },
  };
  try {
    log(`CPUs: ${layout.description}`);
    log('direct client → emulator');
    const direct = await measureDirectCreate(stubs.emulatorUrl, { warmup: 200, calls: 2000 });
    const teams = await benchTeams(run, cli);
    const slack = await benchSlack(run, cli);
    const figures: BenchFigures = { direct, teams, slack };
    const notes = runNotes(figures, layout.description);
    const report = [
      `Machine: ${machine}, load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
      '',
      markdownTable(tableRows(figures)),
      '',
      ...notes.map((n) => `- ${n}`),
    ].join('\n');
    console.log(report);
    if (profileDir) {
      for (const platform of readdirSync(profileDir)) {
        console.log(`\nCPU profile of our ${platform} bot, self time:\n`);
        console.log(summariseProfile(path.join(profileDir, platform)));
      }
    }
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
