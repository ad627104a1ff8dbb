import type { AuditEntry } from '../store/types';
import { parseCommandArgs, positiveInteger } from './args';
import { withContext } from './context';
import { printable, table, timeText } from './format';
import { type CliIo, UsageError, writeLine } from './io';

const USAGE = 'audit [--workspace <workspaceId>] [--group <personGroupId>] [--limit N]';

const HEADER = [
  'TIME',
  'WORKSPACE',
  'PLATFORM',
  'USER',
  'NAME',
  'ACTION',
  'GROUP',
  'KIND',
  'OUTCOME',
  'ERROR',
  'MS',
  'REQUEST ID',
];

/** One table row; the texts came from chat users, so nothing in them may steer the terminal. */
function auditRow(entry: AuditEntry): string[] {
  return [
    timeText(entry.at),
    entry.workspaceId,
    entry.platform ?? '',
    entry.userId,
    entry.userName ?? '',
    entry.action,
    entry.personGroupId ?? '',
    entry.groupKind ?? '',
    entry.outcome,
    entry.errorCode ?? '',
    entry.durationMs === undefined ? '' : String(entry.durationMs),
    entry.requestId ?? '',
  ].map(printable);
}

/** `persongroup-bot audit`: recent provisioning and config events as a table, newest first. */
export async function runAuditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { workspace: { type: 'string' }, group: { type: 'string' }, limit: { type: 'string' } },
    USAGE,
  );
  if (positionals.length > 0) throw new UsageError(`usage: persongroup-bot ${USAGE}`);
  const limit = positiveInteger(values.limit, '--limit') ?? 20;
  return withContext(io, async ({ store }) => {
    const entries = await store.listAudit({
      limit,
      ...(values.workspace === undefined ? {} : { workspaceId: values.workspace }),
      ...(values.group === undefined ? {} : { personGroupId: values.group }),
    });
    if (entries.length === 0) {
      writeLine(io.stdout, 'No audit entries.');
      return 0;
    }
    writeLine(io.stdout, table(HEADER, entries.map(auditRow)));
    return 0;
  });
}
