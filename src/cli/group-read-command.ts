/**
 * `persongroup-bot group list|show …` (registered in group-command.ts): the groups of a workspace, read with its stored key (the operator
 * never handles the key). Failures are one line on stderr and exit code 1; bad usage exit code 2.
 */

import { checkPersonGroupId } from '../face/rules';
import type { FaceGroup } from '../face/types';
import { platformName } from '../provisioning/existing-group';
import { KIND_TEXTS } from '../provisioning/group-kind';
import type { ListOutcome, ShowOutcome } from '../provisioning/group-outcomes';
import { parseCommandArgs } from './args';
import { withContext } from './context';
import { printable, table, timeText } from './format';
import { type CliIo, CommandFailedError, UsageError, writeLine } from './io';

const LIST_USAGE = 'group list <workspaceId> [--prefix P]';
const SHOW_USAGE = 'group show <workspaceId> <id> [--large]';
/** Rows a list call reads: the most one page of the service holds, less one to see whether more follow. */
const CLI_PAGE = 999;

function validId(value: string, what: string, usage: string): string {
  const checked = checkPersonGroupId(value);
  if (!checked.ok || checked.value !== value) {
    throw new UsageError(
      `"${printable(value)}" is not a valid ${what} (a–z, 0–9, '-', '_'; at most 64) (usage: persongroup-bot ${usage})`,
    );
  }
  return value;
}

/** A failed outcome as the one line the CLI prints (and exit code 1). */
function failed(
  outcome: Exclude<ListOutcome | ShowOutcome, { kind: 'listed' | 'shown' | 'ambiguous' }>,
  workspaceId: string,
): never {
  if (outcome.kind === 'not_configured')
    throw new CommandFailedError(`workspace ${workspaceId} is not configured`);
  const { title, remedy } = outcome.failure;
  throw new CommandFailedError(`${title}: ${remedy}`);
}

function row(group: FaceGroup): string[] {
  return [group.groupId, group.kind, group.name, group.recognitionModel ?? 'recognition_01'].map(printable);
}

export async function runGroupListCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { prefix: { type: 'string' } }, LIST_USAGE);
  const [workspaceId, extra] = positionals;
  if (workspaceId === undefined || extra !== undefined)
    throw new UsageError(`usage: persongroup-bot ${LIST_USAGE}`);
  const prefix = values.prefix === undefined ? undefined : validId(values.prefix, 'prefix', LIST_USAGE);
  return withContext(io, async ({ provisioning }) => {
    const rows: string[][] = [];
    let total = '';
    let start: string | undefined;
    do {
      const outcome = await provisioning.listGroups({
        workspaceId,
        pageSize: CLI_PAGE,
        ...(prefix === undefined ? {} : { prefix }),
        ...(start === undefined ? {} : { start }),
      });
      if (outcome.kind !== 'listed') failed(outcome, workspaceId);
      if (outcome.total)
        total = `${outcome.total.count.toLocaleString('en-US')}${outcome.total.capped ? '+' : ''}`;
      rows.push(...outcome.groups.map(row));
      start = outcome.next;
    } while (start !== undefined);
    if (rows.length === 0) {
      writeLine(io.stdout, prefix === undefined ? 'No groups.' : `No group id starts with "${prefix}".`);
      return 0;
    }
    writeLine(io.stdout, table(['ID', 'KIND', 'NAME', 'MODEL'], rows));
    writeLine(io.stdout, `${total} ${total === '1' ? 'group' : 'groups'}`);
    return 0;
  });
}

export async function runGroupShowCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { large: { type: 'boolean' } }, SHOW_USAGE);
  const [workspaceId, typed, extra] = positionals;
  if (workspaceId === undefined || typed === undefined || extra !== undefined)
    throw new UsageError(`usage: persongroup-bot ${SHOW_USAGE}`);
  const groupId = validId(typed, 'id', SHOW_USAGE);
  return withContext(io, async ({ provisioning }) => {
    let outcome = await provisioning.showGroup({ workspaceId, groupId });
    let note = '';
    if (outcome.kind === 'ambiguous') {
      const kind = values.large ? 'largePersonGroup' : 'personGroup';
      if (!values.large) note = 'A large person group has this id too: add --large to show it.';
      outcome = await provisioning.showGroup({ workspaceId, groupId, kind });
    }
    if (outcome.kind === 'ambiguous') throw new CommandFailedError(`two groups have the id ${groupId}`);
    if (outcome.kind !== 'shown') failed(outcome, workspaceId);
    const { group, persons, training, creator } = outcome;
    const lines: [string, string][] = [
      ['id', group.groupId],
      ['name', group.name],
      ['kind', `${group.kind} (${KIND_TEXTS.noun(group.kind)})`],
      ['model', group.recognitionModel ?? 'recognition_01'],
      ['persons', `${persons.count.toLocaleString('en-US')}${persons.capped ? '+' : ''}`],
      ['training', trainingLine(training)],
      [
        'created',
        creator
          ? `${timeText(creator.at)} by ${creator.name}${creator.platform ? ` (${platformName(creator.platform)})` : ''}`
          : 'not through this bot',
      ],
      ['userData', (group.userData ?? '').slice(0, 500)],
    ];
    for (const [label, value] of lines) writeLine(io.stdout, `${label.padEnd(10)}${printable(value)}`);
    if (note) writeLine(io.stdout, note);
    return 0;
  });
}

function trainingLine(training: Extract<ShowOutcome, { kind: 'shown' }>['training']): string {
  switch (training.state) {
    case 'never':
      return 'never trained';
    case 'succeeded':
      return training.at ? `succeeded at ${timeText(training.at)}` : 'succeeded';
    case 'failed':
      return `failed${training.message ? `: ${training.message}` : ''}`;
    default:
      return training.state;
  }
}
