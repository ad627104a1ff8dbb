import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FAILURE_KINDS } from '../../src/provisioning/failure';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe("the README's troubleshooting table", () => {
  const section = README.slice(README.indexOf('## Troubleshooting'), README.indexOf('## How it is built'));
  const rows = new Map(
    section
      .split('\n')
      .map((line) => /^\|\s*`([a-z_]+)`\s*\|(.+)\|(.+)\|\s*$/.exec(line))
      .flatMap((match) =>
        match?.[1] ? [[match[1], { seen: match[2] ?? '', todo: match[3] ?? '' }] as const] : [],
      ),
  );

  it.each(FAILURE_KINDS)('lists the failure kind %s with what the user sees and what to do', (kind) => {
    const row = rows.get(kind);
    expect(row).toBeDefined();
    expect(row?.seen.trim()).not.toBe('');
    expect(row?.todo.trim()).not.toBe('');
  });

  it('lists no kind the bot does not have', () => {
    expect([...rows.keys()].filter((kind) => !(FAILURE_KINDS as readonly string[]).includes(kind))).toEqual(
      [],
    );
  });
});
