/**
 * `/persongroup train <id>` and the card actions Train (verb `personGroupTrain`) and Check again (verb
 * `personGroupTrainingStatus`), each with `{personGroupId, kind}`: start or read a training and show its
 * status in one card that follows the training (Reply.updates) until it succeeds, fails, or the bounded
 * wait ends with "Check again".
 */
import { usageCard } from '../cards/outcome-cards';
import { TRAIN_VERB, TRAINING_STATUS_VERB, trainingCard } from '../cards/training-cards';
import { checkPersonGroupId } from '../face/rules';
import type { GroupKind } from '../face/types';
import type { Provisioning } from '../provisioning/service';
import { isSettled, type TrainingOutcome } from '../provisioning/training';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, Invocation, Message, Reply } from './types';

export const trainCommand: Command = {
  name: 'train',
  usage: '/persongroup train <id>',
  summary: 'Trains a group and shows its status until the training ends.',
  spendsFace: true,
  async run(invocation, { words }, { provisioning }) {
    const [personGroupId] = words;
    if (personGroupId === undefined || !checkPersonGroupId(personGroupId).ok)
      return trainUsage(personGroupId);
    const outcome = await provisioning.trainGroup({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      platform: invocation.platform,
      personGroupId,
    });
    return trainingReply(outcome, invocation, provisioning, TRAIN_VERB);
  },
};

export const trainAction: Action = {
  verb: TRAIN_VERB,
  spendsFace: true,
  async run(invocation, data, { provisioning }) {
    const personGroupId = idOf(data);
    if (personGroupId === undefined) return trainUsage(undefined);
    const kind = kindOf(data);
    const outcome = await provisioning.trainGroup({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      platform: invocation.platform,
      personGroupId,
      ...(kind ? { kind } : {}),
    });
    return trainingReply(outcome, invocation, provisioning, TRAIN_VERB);
  },
};

export const trainingStatusAction: Action = {
  verb: TRAINING_STATUS_VERB,
  async run(invocation, data, { provisioning }: CommandDeps) {
    const personGroupId = idOf(data);
    if (personGroupId === undefined) return trainUsage(undefined);
    const kind = kindOf(data);
    const outcome = await provisioning.readTraining({
      workspaceId: invocation.workspaceId,
      personGroupId,
      ...(kind ? { kind } : {}),
    });
    return trainingReply(outcome, invocation, provisioning, TRAINING_STATUS_VERB);
  },
};

/** A training outcome as a reply; while the training runs, its updates follow it. */
export function trainingReply(
  outcome: TrainingOutcome,
  invocation: Invocation,
  provisioning: Provisioning,
  ambiguousVerb: typeof TRAIN_VERB | typeof TRAINING_STATUS_VERB,
): Reply {
  const message = (o: TrainingOutcome): Message => ({
    card: trainingCard(o, { useSubmit: invocation.useSubmit, ambiguousVerb }),
    text: COMMAND_TEXTS.trainingLine(o),
  });
  const reply: Reply = message(outcome);
  if (outcome.kind === 'status' && !isSettled(outcome) && !outcome.waitEnded) {
    const request = {
      workspaceId: invocation.workspaceId,
      personGroupId: outcome.group.personGroupId,
      kind: outcome.group.kind,
    };
    reply.updates = (signal) => changesOnly(provisioning.watchTraining(request, signal), message, reply);
  }
  return reply;
}

/** The watch's statuses as messages, those equal to the one shown before left out (Slack's response_url has 5 uses). */
async function* changesOnly(
  outcomes: AsyncIterable<TrainingOutcome>,
  message: (o: TrainingOutcome) => Message,
  first: Message,
): AsyncGenerator<Message> {
  let shown = JSON.stringify(first.card);
  for await (const outcome of outcomes) {
    const next = message(outcome);
    const json = JSON.stringify(next.card);
    if (json === shown) continue;
    shown = json;
    yield next;
  }
}

function trainUsage(typed: string | undefined): Reply {
  const note = typed === undefined ? '' : COMMAND_TEXTS.notAnId(typed);
  const line = { usage: trainCommand.usage, summary: trainCommand.summary };
  return { card: usageCard([line], note), text: `${note ? `${note} ` : ''}Use ${trainCommand.usage}.` };
}

function idOf(data: Readonly<Record<string, unknown>>): string | undefined {
  const id = data.personGroupId;
  return typeof id === 'string' && checkPersonGroupId(id).ok ? id : undefined;
}

function kindOf(data: Readonly<Record<string, unknown>>): GroupKind | undefined {
  return data.kind === 'personGroup' || data.kind === 'largePersonGroup' ? data.kind : undefined;
}
