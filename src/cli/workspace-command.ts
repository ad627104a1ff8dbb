import { parseCommandArgs } from './args';
import { OPERATOR, withContext } from './context';
import { maskKey, placementText, table, timeText } from './format';
import { type CliIo, CommandFailedError, UsageError, writeLine } from './io';
import { readKey } from './read-key';

const SET_USAGE = 'workspace set <workspaceId> (--region <region> | --endpoint <https-url>) [--no-verify]';

function onlyPositional(positionals: string[], usage: string): string {
  const [id, ...rest] = positionals;
  if (id === undefined || id.trim() === '' || rest.length > 0)
    throw new UsageError(`usage: persongroup-bot ${usage}`);
  return id.trim();
}

async function setWorkspace(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { region: { type: 'string' }, endpoint: { type: 'string' }, 'no-verify': { type: 'boolean' } },
    SET_USAGE,
  );
  const workspaceId = onlyPositional(positionals, SET_USAGE);
  if ((values.region === undefined) === (values.endpoint === undefined)) {
    throw new UsageError(`give exactly one of --region or --endpoint (usage: persongroup-bot ${SET_USAGE})`);
  }
  const key = await readKey(io);
  const verify = values['no-verify'] !== true;
  return withContext(io, async ({ provisioning }) => {
    const outcome = await provisioning.configureWorkspace({
      workspaceId,
      actor: OPERATOR,
      isAdmin: true,
      platform: 'cli',
      values: { region: values.region, endpoint: values.endpoint, subscriptionKey: key },
      verify,
    });
    switch (outcome.kind) {
      case 'configured':
        writeLine(
          io.stdout,
          `Workspace ${workspaceId} set: ${outcome.target.label}, key ${maskKey(outcome.keyHint)}${verify ? ' (checked with the Face API)' : ' (not checked: --no-verify)'}.`,
        );
        return 0;
      case 'invalid':
        throw new UsageError(outcome.errors.map((error) => `${error.field}: ${error.message}`).join(' '));
      case 'failed':
        throw new CommandFailedError(
          `nothing was saved: ${outcome.failure.title}. ${outcome.failure.remedy}`,
        );
      case 'forbidden':
        throw new CommandFailedError(`not allowed to configure ${workspaceId}`);
    }
  });
}

async function showWorkspace(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'workspace show <workspaceId>');
  const workspaceId = onlyPositional(positionals, 'workspace show <workspaceId>');
  return withContext(io, async ({ store, provisioning }) => {
    const record = await store.getWorkspace(workspaceId);
    if (record === undefined) {
      const description = await provisioning.describeWorkspace(workspaceId);
      const local = description.target?.emulated ? ' (in local mode it uses the built-in Face emulator)' : '';
      throw new CommandFailedError(`workspace ${workspaceId} is not configured${local}`);
    }
    const description = await provisioning.describeWorkspace(workspaceId);
    const rows = [
      ['workspace', workspaceId],
      record.endpoint === undefined
        ? ['region', `${record.region ?? '?'} (${description.target?.label ?? '?'})`]
        : ['endpoint', record.endpoint],
      ['key', maskKey(record.keyHint)],
      ['updated', `${timeText(record.updatedAt)} by ${record.updatedBy}`],
    ];
    for (const [label, value] of rows) writeLine(io.stdout, `${(label ?? '').padEnd(10)}${value ?? ''}`);
    return 0;
  });
}

async function listWorkspaces(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'workspace list');
  if (positionals.length > 0) throw new UsageError('usage: persongroup-bot workspace list');
  return withContext(io, async ({ store }) => {
    const records = await store.listWorkspaces();
    if (records.length === 0) {
      writeLine(io.stdout, 'No workspace is configured.');
      return 0;
    }
    const rows = records.map((record) => [
      record.workspaceId,
      placementText(record),
      maskKey(record.keyHint),
      timeText(record.updatedAt),
      record.updatedBy,
    ]);
    writeLine(io.stdout, table(['WORKSPACE', 'REGION/ENDPOINT', 'KEY', 'UPDATED', 'BY'], rows));
    return 0;
  });
}

async function removeWorkspace(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'workspace remove <workspaceId>');
  const workspaceId = onlyPositional(positionals, 'workspace remove <workspaceId>');
  return withContext(io, async ({ provisioning }) => {
    if (!(await provisioning.removeWorkspace(workspaceId, OPERATOR))) {
      throw new CommandFailedError(`workspace ${workspaceId} is not configured; nothing removed`);
    }
    writeLine(io.stdout, `Workspace ${workspaceId} removed.`);
    return 0;
  });
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  set: setWorkspace,
  show: showWorkspace,
  list: listWorkspaces,
  remove: removeWorkspace,
};

/** `persongroup-bot workspace set|show|list|remove …` */
export function runWorkspaceCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (run === undefined) {
    throw new UsageError(
      `workspace needs one of: ${Object.keys(SUBCOMMANDS).join(', ')} (see persongroup-bot help)`,
    );
  }
  return run(rest, io);
}
