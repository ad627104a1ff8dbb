/**
 * `/persongroup list [prefix]`: the workspace's groups of both kinds in id order, 20 a page, each with
 * Show / Train / Delete; "More" (verb `personGroupList`, data {start, prefix}) replaces the card with the
 * next page. The first page says how many groups there are.
 */
import { groupListCard } from '../cards/group-cards';
import type { ListOutcome } from '../provisioning/group-outcomes';
import type { ListRequest } from '../provisioning/list-groups';
import { accessProblemReply } from './failure-reply';
import { readGroupId, usageOf } from './group-args';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, Invocation, Reply } from './types';

const USAGE = '/persongroup list [prefix]';

export const listCommand: Command = {
  name: 'list',
  aliases: ['ls'],
  usage: USAGE,
  summary: 'Lists the person groups and large person groups, 20 a page; a prefix narrows it.',
  spendsFace: true,
  async run(invocation, { words }, deps) {
    const [prefix, extra] = words;
    if (extra !== undefined) return usageOf(USAGE, COMMAND_TEXTS.tooManyArguments(extra));
    if (prefix === undefined) return listPage(invocation, { workspaceId: invocation.workspaceId }, deps);
    const checked = readGroupId(prefix);
    if ('problem' in checked) return usageOf(USAGE, COMMAND_TEXTS.prefixInvalid(prefix));
    return listPage(invocation, { workspaceId: invocation.workspaceId, prefix: checked.id }, deps);
  },
};

export const listMore: Action = {
  verb: 'personGroupList',
  spendsFace: true,
  async run(invocation, data, deps) {
    const request: ListRequest = { workspaceId: invocation.workspaceId };
    for (const field of ['prefix', 'start'] as const) {
      const value = data[field];
      if (value === undefined || value === '') continue;
      const checked = readGroupId(value);
      if ('problem' in checked) return usageOf(USAGE, checked.problem);
      request[field] = checked.id;
    }
    return listPage(invocation, request, deps);
  },
};

async function listPage(invocation: Invocation, request: ListRequest, { provisioning }: CommandDeps) {
  return listReply(await provisioning.listGroups(request), invocation);
}

function listReply(outcome: ListOutcome, invocation: Invocation): Reply {
  if (outcome.kind !== 'listed') return accessProblemReply(outcome);
  const card = groupListCard(outcome, { useSubmit: invocation.useSubmit });
  const ids = outcome.groups.map((group) => group.groupId);
  const text = ids.length === 0 ? COMMAND_TEXTS.noGroups : COMMAND_TEXTS.groupsLine(ids);
  return { card, text };
}
