/** A read-only command that could not reach the Face API (or the database): the card for the user alone. */
import { failureCard, notConfiguredCard } from '../cards/outcome-cards';
import type { AccessProblem } from '../provisioning/group-outcomes';
import { COMMAND_TEXTS } from './texts';
import type { Reply } from './types';

export function accessProblemReply(problem: AccessProblem, groupId = ''): Reply {
  if (problem.kind === 'not_configured') {
    return { card: notConfiguredCard(groupId), text: COMMAND_TEXTS.notConfigured };
  }
  return { card: failureCard(problem.failure, groupId), text: COMMAND_TEXTS.failed(problem.failure) };
}
