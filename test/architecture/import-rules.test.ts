import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The house rules of DESIGN.md, checked on every import of src/: the use cases, the Face client, the
 * store, the cards and the command table know no chat platform, no HTTP server and no emulator; the
 * platforms know nothing of the server, the configuration or the composition root.
 */
const SRC = path.resolve(__dirname, '../../src');

interface Rule {
  /** Folders (under src/) the rule applies to. */
  from: readonly string[];
  /** What they must not import: package names (exact or prefix with '/') or src/ paths. */
  forbidden: readonly string[];
  why: string;
}

const PLATFORM_PACKAGES = [
  'botbuilder',
  'botframework-',
  '@slack/bolt',
  '@slack/web-api',
  '@slack/oauth',
  '@slack/socket-mode',
];

const RULES: readonly Rule[] = [
  {
    from: ['face', 'provisioning', 'store', 'cards', 'commands', 'guardrails', 'metrics'],
    forbidden: [
      ...PLATFORM_PACKAGES,
      'src/http',
      'src/emulator',
      'src/teams',
      'src/slack',
      'src/app',
      'src/config',
    ],
    why: 'the core knows no chat platform, no HTTP server and no emulator',
  },
  {
    from: [
      'face',
      'provisioning',
      'store',
      'cards',
      'commands',
      'guardrails',
      'teams',
      'slack',
      'http',
      'cli',
    ],
    forbidden: ['prom-client'],
    why: 'prom-client lives in src/metrics/prometheus.ts alone: the rest reports through the Metrics port',
  },
  {
    from: ['teams'],
    forbidden: ['@slack/', 'src/http', 'src/config', 'src/app', 'src/slack', 'src/emulator'],
    why: 'Teams is an adapter: the server hands it what it needs through types it owns',
  },
  {
    from: ['slack'],
    forbidden: [
      'botbuilder',
      'botframework-',
      'src/http',
      'src/config',
      'src/app',
      'src/teams',
      'src/emulator',
    ],
    why: 'Slack is an adapter: the server hands it what it needs through types it owns',
  },
  {
    from: ['sandbox'],
    forbidden: [...PLATFORM_PACKAGES, 'src/slack', 'src/teams', 'src/app', 'src/config', 'src/provisioning'],
    why: 'the Slack sandbox is Slack for the bot: it reaches the bot over HTTP only, never through its code',
  },
  {
    from: ['emulator'],
    forbidden: [
      ...PLATFORM_PACKAGES,
      // Not even src/face's rules or types: a client whose rules drift from the service's must fail here.
      'src/face',
      'src/provisioning',
      'src/teams',
      'src/slack',
    ],
    why: "the emulator answers from its own table of the service's messages, never the client's",
  },
];

/** Every module specifier of a TypeScript file: static imports, re-exports, require() and import(). */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+'([^']+)'/g,
    /\brequire\('([^']+)'\)/g,
    /\bimport\('([^']+)'\)/g,
    /^import\s+'([^']+)'/gm,
  ];
  for (const pattern of patterns)
    for (const match of source.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** A specifier as the rules name it: a package name, or `src/…` for a relative path into src/. */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path
    .relative(path.dirname(SRC), path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

function matches(target: string, forbidden: string): boolean {
  return (
    target === forbidden ||
    target.startsWith(forbidden.endsWith('/') || forbidden.endsWith('-') ? forbidden : `${forbidden}/`)
  );
}

/** The broken rules of one file, as "file imports target (why)". */
function violationsOf(file: string, source: string): string[] {
  const folder = path.relative(SRC, file).split(path.sep)[0] ?? '';
  const out: string[] = [];
  for (const rule of RULES) {
    if (!rule.from.includes(folder)) continue;
    for (const specifier of specifiersOf(source)) {
      const target = targetOf(file, specifier);
      if (rule.forbidden.some((forbidden) => matches(target, forbidden))) {
        out.push(`${path.relative(SRC, file)} imports ${target} (${rule.why})`);
      }
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('import rules', () => {
  it('holds for every file of src/', () => {
    const violations = sourceFiles(SRC).flatMap((file) => violationsOf(file, readFileSync(file, 'utf8')));
    expect(violations).toEqual([]);
  });

  it('catches a use case that imports a platform package', () => {
    const file = path.join(SRC, 'provisioning', 'x.ts');
    expect(violationsOf(file, "import { App } from '@slack/bolt';")).toHaveLength(1);
    expect(violationsOf(file, "import type { TurnContext } from 'botbuilder';")).toHaveLength(1);
  });

  it('catches an adapter that imports the server or the configuration, by a relative path', () => {
    const teams = path.join(SRC, 'teams', 'x.ts');
    expect(violationsOf(teams, "import { sendJson } from '../http/server';")).toEqual([
      'teams/x.ts imports src/http/server (Teams is an adapter: the server hands it what it needs through types it owns)',
    ]);
    expect(
      violationsOf(path.join(SRC, 'slack', 'x.ts'), "import type { Config } from '../config';"),
    ).toHaveLength(1);
  });

  it('catches the Face client importing the emulator, and a lazy require of a platform', () => {
    expect(violationsOf(path.join(SRC, 'face', 'x.ts'), "import { start } from '../emulator';")).toHaveLength(
      1,
    );
    expect(violationsOf(path.join(SRC, 'cards', 'x.ts'), "const b = require('botbuilder');")).toHaveLength(1);
  });

  it('lets the cards use Block Kit types from @slack/types', () => {
    expect(
      violationsOf(path.join(SRC, 'cards', 'x.ts'), "import type * as slack from '@slack/types';"),
    ).toEqual([]);
  });
});
