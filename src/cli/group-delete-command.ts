import { kindLabel } from '../cards/group-change-cards';
import { checkPersonGroupId } from '../face/rules';
import type { GroupKind } from '../face/types';
import { parseCommandArgs } from './args';
import { OPERATOR, withContext } from './context';
import { type CliIo, CommandFailedError, UsageError, writeLine } from './io';

export const GROUP_DELETE_USAGE = 'group delete <workspaceId> <id> [--large] --yes';

/** Which kind to delete: the one that has the id; where both do, the person group unless --large. */
function chosenKind(kinds: readonly GroupKind[], large: boolean): GroupKind {
  if (kinds.length === 1 && kinds[0]) return kinds[0];
  return large ? 'largePersonGroup' : 'personGroup';
}

/**
 * `persongroup-bot group delete <workspaceId> <id> [--large] --yes`: deletes a group with the workspace's
 * stored key, as the operator (an admin), audited with platform `cli`. Without --yes nothing is deleted
 * (exit 2).
 */
export async function runGroupDeleteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { large: { type: 'boolean' }, yes: { type: 'boolean' } },
    GROUP_DELETE_USAGE,
  );
  const [workspaceId, id, ...rest] = positionals;
  if (workspaceId === undefined || id === undefined || rest.length > 0) {
    throw new UsageError(`usage: persongroup-bot ${GROUP_DELETE_USAGE}`);
  }
  const checked = checkPersonGroupId(id);
  if (!checked.ok) throw new UsageError(`"${id}" is not a group id: ${checked.error.message}`);
  if (values.yes !== true) {
    throw new UsageError(`nothing deleted: add --yes to delete ${checked.value} (it cannot be undone)`);
  }
  const personGroupId = checked.value;
  return withContext(io, async ({ provisioning }) => {
    const located = await provisioning.locateGroup({ workspaceId, personGroupId });
    if (located.kind === 'not_configured')
      throw new CommandFailedError(`workspace ${workspaceId} is not configured`);
    if (located.kind === 'failed') {
      throw new CommandFailedError(`nothing deleted: ${located.failure.title}. ${located.failure.remedy}`);
    }
    const kinds = located.kind === 'found' ? [located.group.kind] : located.kinds;
    const kind = chosenKind(kinds, values.large === true);
    const outcome = await provisioning.deleteGroup({
      workspaceId,
      actor: OPERATOR,
      isAdmin: true,
      platform: 'cli',
      personGroupId,
      kind,
      confirmId: personGroupId,
    });
    if (outcome.kind === 'deleted') {
      writeLine(io.stdout, `Deleted the ${kindLabel(kind)} ${personGroupId} in ${outcome.target.label}.`);
      return 0;
    }
    if (outcome.kind === 'failed') {
      throw new CommandFailedError(`nothing deleted: ${outcome.failure.title}. ${outcome.failure.remedy}`);
    }
    throw new CommandFailedError(`nothing deleted (${outcome.kind})`);
  });
}
