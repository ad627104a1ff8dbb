import { parseCommandArgs, positiveInteger } from './args';
import { withContext } from './context';
import { table, timeText } from './format';
import { type CliIo, UsageError, writeLine } from './io';

const USAGE = 'audit [--workspace <workspaceId>] [--limit N]';

/** `persongroup-bot audit`: recent provisioning and config events as a table, newest first. */
export async function runAuditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { workspace: { type: 'string' }, limit: { type: 'string' } },
    USAGE,
  );
  if (positionals.length > 0) throw new UsageError(`usage: persongroup-bot ${USAGE}`);
  const limit = positiveInteger(values.limit, '--limit') ?? 20;
  return withContext(io, async ({ store }) => {
    const entries = await store.listAudit({
      limit,
      ...(values.workspace === undefined ? {} : { workspaceId: values.workspace }),
    });
    if (entries.length === 0) {
      writeLine(io.stdout, 'No audit entries.');
      return 0;
    }
    const rows = entries.map((entry) => [
      timeText(entry.at),
      entry.workspaceId,
      entry.userId,
      entry.action,
      entry.personGroupId ?? '',
      entry.outcome,
      entry.errorCode ?? '',
      entry.durationMs === undefined ? '' : String(entry.durationMs),
      entry.requestId ?? '',
    ]);
    const header = ['TIME', 'WORKSPACE', 'USER', 'ACTION', 'GROUP', 'OUTCOME', 'ERROR', 'MS', 'REQUEST ID'];
    writeLine(io.stdout, table(header, rows));
    return 0;
  });
}
