import { parseCommandArgs } from './args';
import { withContext } from './context';
import { type CliIo, UsageError, writeLine } from './io';

/**
 * `persongroup-bot rotate-secret`: re-seals every stored Face key and Slack installation that is not yet
 * under the current SECRET_KEY (the old secret must be in SECRET_KEY_PREVIOUS to open them). Idempotent:
 * a second run finds nothing to do. Afterwards SECRET_KEY_PREVIOUS can be dropped.
 */
export async function runRotateSecretCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'rotate-secret');
  if (positionals.length > 0) throw new UsageError('usage: persongroup-bot rotate-secret');
  return withContext(io, async ({ store, secretBox }) => {
    let keys = 0;
    let installations = 0;
    for (const record of await store.listWorkspaces()) {
      if (!secretBox.needsReseal(record.sealedKey)) continue;
      await store.putWorkspace({ ...record, sealedKey: secretBox.reseal(record.sealedKey) });
      keys += 1;
    }
    for (const record of await store.listSlackInstallations()) {
      if (!secretBox.needsReseal(record.sealedInstallation)) continue;
      await store.putSlackInstallation({
        ...record,
        sealedInstallation: secretBox.reseal(record.sealedInstallation),
      });
      installations += 1;
    }
    writeLine(
      io.stdout,
      `Re-encrypted ${keys} workspace key(s) and ${installations} Slack installation(s) under the current SECRET_KEY.`,
    );
    return 0;
  });
}
