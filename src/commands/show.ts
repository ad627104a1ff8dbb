/**
 * `/persongroup show <id>` and the Show button (verb `personGroupShow`, data {personGroupId, kind}): one
 * group's details. An id both kinds have asks which one (a button per kind).
 */

import { groupShowCard } from '../cards/group-cards';
import { kindChoiceCard } from '../cards/group-change-cards';
import { GROUP_TEXTS } from '../cards/group-texts';
import type { GroupKind } from '../face/types';
import type { ShowOutcome } from '../provisioning/group-outcomes';
import { accessProblemReply } from './failure-reply';
import { kindOf, readGroupId, usageOf } from './group-args';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, Invocation, Reply } from './types';

const USAGE = '/persongroup show <id>';
const VERB = 'personGroupShow';

export const showCommand: Command = {
  name: 'show',
  aliases: ['get'],
  usage: USAGE,
  summary: 'Shows a group: name, kind, model, persons, training, and who created it.',
  spendsFace: true,
  run(invocation, { words }, deps) {
    const [typed, extra] = words;
    if (extra !== undefined) return Promise.resolve(usageOf(USAGE, COMMAND_TEXTS.tooManyArguments(extra)));
    return show(invocation, typed, undefined, deps);
  },
};

export const showAction: Action = {
  verb: VERB,
  spendsFace: true,
  run: (invocation, data, deps) => show(invocation, data.personGroupId, kindOf(data.kind), deps),
};

async function show(
  invocation: Invocation,
  typed: unknown,
  kind: GroupKind | undefined,
  { provisioning }: CommandDeps,
): Promise<Reply> {
  const checked = readGroupId(typed);
  if ('problem' in checked) return usageOf(USAGE, checked.problem);
  const outcome = await provisioning.showGroup({
    workspaceId: invocation.workspaceId,
    groupId: checked.id,
    ...(kind ? { kind } : {}),
  });
  return showReply(outcome, checked.id, invocation);
}

function showReply(outcome: ShowOutcome, groupId: string, invocation: Invocation): Reply {
  switch (outcome.kind) {
    case 'shown':
      return { card: groupShowCard(outcome), text: COMMAND_TEXTS.groupLine(outcome.group) };
    case 'ambiguous':
      return {
        card: kindChoiceCard(
          groupId,
          outcome.kinds,
          {
            title: GROUP_TEXTS.pickKindTitle(groupId),
            text: GROUP_TEXTS.pickKindText,
            button: (kindTitle) => kindTitle,
          },
          VERB,
          invocation.useSubmit,
        ),
        text: COMMAND_TEXTS.pickKind(groupId),
      };
    default:
      return accessProblemReply(outcome, groupId);
  }
}
