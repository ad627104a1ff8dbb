/**
 * `/persongroup history [id]` and its More button (verb `personGroupHistory`, data {start,
 * personGroupId?}): the workspace's audit events, newest first, 20 a page.
 */
import { historyCard } from '../cards/group-cards';
import { failureCard } from '../cards/outcome-cards';
import type { HistoryRequest } from '../provisioning/group-history';
import { offsetOf, readGroupId, usageOf } from './group-args';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, Invocation, Reply } from './types';

const USAGE = '/persongroup history [id]';

export const historyCommand: Command = {
  name: 'history',
  aliases: ['log'],
  usage: USAGE,
  summary: "Shows the workspace's recent events (created, edited, deleted, trained, configured), 20 a page.",
  run(invocation, { words }, deps) {
    const [typed, extra] = words;
    if (extra !== undefined) return Promise.resolve(usageOf(USAGE, COMMAND_TEXTS.tooManyArguments(extra)));
    return history(invocation, typed, 0, deps);
  },
};

export const historyMore: Action = {
  verb: 'personGroupHistory',
  run(invocation, data, deps) {
    const start = data.start === undefined || data.start === '' ? 0 : offsetOf(data.start);
    if (start === undefined) return Promise.resolve(usageOf(USAGE, COMMAND_TEXTS.badPage));
    const id = data.personGroupId === '' ? undefined : data.personGroupId;
    return history(invocation, id, start, deps);
  },
};

async function history(
  invocation: Invocation,
  typed: unknown,
  start: number,
  { provisioning }: CommandDeps,
): Promise<Reply> {
  const request: HistoryRequest = { workspaceId: invocation.workspaceId, start };
  if (typed !== undefined) {
    const checked = readGroupId(typed);
    if ('problem' in checked) return usageOf(USAGE, checked.problem);
    request.personGroupId = checked.id;
  }
  const outcome = await provisioning.groupHistory(request);
  if (outcome.kind === 'failed') {
    return { card: failureCard(outcome.failure), text: COMMAND_TEXTS.failed(outcome.failure) };
  }
  const card = historyCard(outcome, { useSubmit: invocation.useSubmit });
  return { card, text: COMMAND_TEXTS.historyLine(outcome.entries.length, outcome.personGroupId) };
}
