import type { LoadResult } from './load';
import { ms, type Percentiles } from './stats';

/** What one process type (ours or the bare framework) gave in the run. */
export interface ProcessFigures {
  readyMs: number;
  peakRssMiB: number;
}

/** Everything the table is made of, measured in one run. */
export interface BenchFigures {
  direct: Percentiles;
  teams: {
    ours: { c1: LoadResult; c200: LoadResult } & ProcessFigures;
    bare: { c1: LoadResult; c200: LoadResult } & ProcessFigures;
  };
  slack: {
    /** Create at c=200 with the emulator answering at once (the group is created before the ack). */
    oursFast: LoadResult;
    /** Ack at c=200 while every Face call takes 10 s more. */
    oursSlow: LoadResult;
    bare: LoadResult;
    ours: ProcessFigures;
    bareProcess: ProcessFigures;
  };
}

interface Row {
  measure: string;
  ours: string;
  bare: string;
  comparison: string;
  target: string;
  result: string;
}

const RSS_LIMIT_MIB = (150 * 1e6) / 2 ** 20; // 150 MB
const READY_LIMIT_MS = 1500;

const pair = (r: Percentiles) => `${ms(r.p50)} / ${ms(r.p99)}`;
const rate = (r: LoadResult) => `${Math.round(r.requestsPerSecond)} req/s`;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const signedMs = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;

function throughputRow(measure: string, ours: LoadResult, bare: LoadResult): Row {
  const ratio = ours.requestsPerSecond / bare.requestsPerSecond;
  return {
    measure,
    ours: rate(ours),
    bare: rate(bare),
    comparison: pct(ratio),
    target: '≥ 90 % of bare',
    result: verdict(ratio >= 0.9),
  };
}

function processRows(platform: string, ours: ProcessFigures, bare: ProcessFigures, framework: string): Row[] {
  const rssRatio = ours.peakRssMiB / bare.peakRssMiB;
  const readyDiff = ours.readyMs - bare.readyMs;
  return [
    {
      measure: `${platform}: peak RSS of the bot process (vs bare ${framework})`,
      ours: `${ours.peakRssMiB.toFixed(0)} MiB`,
      bare: `${bare.peakRssMiB.toFixed(0)} MiB`,
      comparison: `${rssRatio.toFixed(2)}×`,
      target: '< 150 MB; ≤ 1.2× bare',
      result: `${verdict(ours.peakRssMiB < RSS_LIMIT_MIB)}; ${verdict(rssRatio <= 1.2)}`,
    },
    {
      measure: `${platform}: process start → /readyz 200 (vs bare ${framework})`,
      ours: ms(ours.readyMs),
      bare: ms(bare.readyMs),
      comparison: signedMs(readyDiff),
      target: '< 1.5 s; ≤ bare + 0.3 s',
      result: `${verdict(ours.readyMs < READY_LIMIT_MS)}; ${verdict(readyDiff <= 300)}`,
    },
  ];
}

/** The table rows, targets judged as PASS/MISS (reported, never asserted). */
export function tableRows(f: BenchFigures): Row[] {
  const { teams, slack } = f;
  const overheadP50 = teams.ours.c1.p50 - f.direct.p50;
  const overheadP99 = teams.ours.c1.p99 - f.direct.p99;
  return [
    {
      measure: 'Direct client → emulator create, c=1: p50 / p99',
      ours: pair(f.direct),
      bare: '',
      comparison: '',
      target: '(the floor)',
      result: '',
    },
    {
      measure: 'Teams invoke create, c=1: p50 / p99 (bare: fixed card)',
      ours: pair(teams.ours.c1),
      bare: pair(teams.bare.c1),
      comparison: '',
      target: '',
      result: '',
    },
    {
      measure: 'Teams create overhead over the direct call, c=1: p50',
      ours: signedMs(overheadP50),
      bare: '',
      comparison: '',
      target: '< 2 ms',
      result: verdict(overheadP50 < 2),
    },
    {
      measure: 'Teams create overhead over the direct call, c=1: p99',
      ours: signedMs(overheadP99),
      bare: '',
      comparison: '',
      target: '< 10 ms',
      result: verdict(overheadP99 < 10),
    },
    {
      measure: 'Teams invoke create, c=200: p50 / p99',
      ours: pair(teams.ours.c200),
      bare: pair(teams.bare.c200),
      comparison: '',
      target: '',
      result: '',
    },
    throughputRow('Teams invoke create, c=200: requests/s', teams.ours.c200, teams.bare.c200),
    {
      measure: 'Slack view_submission create, c=200, emulator at once: p50 / p99 (bare: ack only)',
      ours: pair(slack.oursFast),
      bare: pair(slack.bare),
      comparison: '',
      target: '',
      result: '',
    },
    throughputRow('Slack view_submission create, c=200: requests/s', slack.oursFast, slack.bare),
    {
      measure: 'Slack view_submission ack, c=200, emulator +10 s: p50 / p99',
      ours: pair(slack.oursSlow),
      bare: pair(slack.bare),
      comparison: '',
      target: 'p99 < 100 ms (Slack: < 3 s)',
      result: `${verdict(slack.oursSlow.p99 < 100)} (${verdict(slack.oursSlow.p99 < 3000)})`,
    },
    throughputRow('Slack ack, c=200, emulator +10 s: requests/s', slack.oursSlow, slack.bare),
    ...processRows('Teams', teams.ours, teams.bare, 'botbuilder'),
    ...processRows('Slack', slack.ours, slack.bareProcess, 'Bolt'),
  ];
}

/** The rows as one Markdown table (what the console shows and docs/benchmarks.md keeps). */
export function markdownTable(rows: readonly Row[]): string {
  const header = ['Measure', 'Ours', 'Bare framework', 'Ours vs bare', 'Target', 'Result'];
  const lines = [header, header.map(() => '---')];
  for (const r of rows) lines.push([r.measure, r.ours, r.bare, r.comparison, r.target, r.result]);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** What went wrong in a phase, so a fast-but-failing run cannot pass for a good one. */
export function failureNote(name: string, r: LoadResult): string | undefined {
  const parts = Object.entries(r.nonOk).map(([status, count]) => `${count}× HTTP ${status}`);
  if (r.errors > 0) parts.push(`${r.errors} connection errors`);
  if (r.unexpected > 0) parts.push(`${r.unexpected} 2xx answers that were not the expected outcome`);
  return parts.length === 0 ? undefined : `${name}: ${parts.join(', ')}`;
}
