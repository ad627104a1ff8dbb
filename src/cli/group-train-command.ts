import type { TrainingOutcome } from '../provisioning/training';
import { parseCommandArgs } from './args';
import { OPERATOR, withContext } from './context';
import { printable } from './format';
import { type CliIo, UsageError, writeLine } from './io';

const USAGE = 'group train <workspaceId> <personGroupId> [--large] [--wait]';

/**
 * `persongroup-bot group train`: starts a training with the workspace's stored key (audited as the
 * operator, platform `cli`); `--large` picks the large kind where both kinds have the id. With `--wait`
 * it follows the training (the bot's back-off and bounded wait) and prints the final status. Exit 0 when
 * the training started (or, with --wait, succeeded); 1 otherwise.
 */
export async function runGroupTrainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { large: { type: 'boolean' }, wait: { type: 'boolean' } },
    USAGE,
  );
  const [workspaceId, personGroupId, ...extra] = positionals;
  if (!workspaceId || !personGroupId || extra.length > 0)
    throw new UsageError(`usage: persongroup-bot ${USAGE}`);
  return withContext(io, async ({ provisioning }) => {
    const started = await provisioning.trainGroup({
      workspaceId,
      actor: OPERATOR,
      platform: 'cli',
      personGroupId,
      ...(values.large ? { kind: 'largePersonGroup' as const } : {}),
    });
    let last = started;
    writeLine(io.stdout, statusLine(started));
    if (
      values.wait &&
      started.kind === 'status' &&
      started.state !== 'succeeded' &&
      started.state !== 'failed'
    ) {
      const request = { workspaceId, personGroupId, kind: started.group.kind };
      for await (const outcome of provisioning.watchTraining(request, new AbortController().signal)) {
        last = outcome;
        writeLine(io.stdout, statusLine(outcome));
      }
    }
    if (last.kind !== 'status' || last.state === 'failed') return 1;
    if (values.wait && last.state !== 'succeeded') return 1;
    return 0;
  });
}

/** One line per status, for people and for scripts (`status: …` first). */
export function statusLine(outcome: TrainingOutcome): string {
  switch (outcome.kind) {
    case 'not_configured':
      return 'failed: this workspace has no Face API key (persongroup-bot workspace set …)';
    case 'ambiguous':
      return `failed: both kinds have the id ${printable(outcome.personGroupId)}: add --large for the large person group`;
    case 'failed':
      return `failed: ${outcome.failure.title}. ${outcome.failure.remedy}`;
    case 'never_trained':
      return 'never trained';
    case 'status': {
      const at = outcome.at ? ` at ${outcome.at.toISOString()}` : '';
      if (outcome.state === 'succeeded') return `succeeded${at}`;
      if (outcome.state === 'failed') {
        const said = outcome.serviceMessage
          ? ` (the Face API said: ${printable(outcome.serviceMessage)})`
          : '';
        return `failed: ${outcome.failure?.remedy ?? 'add persons and faces first.'}${said}`;
      }
      if (outcome.waitEnded) return 'running (stopped waiting; run again to check)';
      return outcome.alreadyRunning ? 'running (a training was already running)' : 'running';
    }
  }
}
