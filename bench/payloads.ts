import { CREATE_FORM } from '../src/commands/create';
import { encodeMetadata } from '../src/slack/metadata';
import { slackSignature, submissionBody } from '../test/helpers/slack-requests';
import { createInputs, executeInvoke } from '../test/helpers/teams-activities';
import type { LoadRequest } from './load';

/**
 * The Teams create submit: an `adaptiveCard/action` invoke, verb personGroupCreate, from a personal chat
 * (so the bot answers in the HTTP response and has nothing to share with the conversation afterwards).
 */
export function teamsCreateInvoke(serviceUrl: string, personGroupId: string): LoadRequest {
  const activity = executeInvoke('personGroupCreate', createInputs(personGroupId), { serviceUrl });
  return {
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  };
}

/** The Slack create modal's view_submission, signed with `signingSecret` as Slack signs it. */
export function slackCreateSubmission(
  signingSecret: string,
  responseUrl: string,
  personGroupId: string,
): LoadRequest {
  const body = submissionBody({
    callbackId: CREATE_FORM.callbackId,
    privateMetadata: encodeMetadata({ channel: 'C1', user: 'U1', responseUrl, data: {} }),
    values: createInputs(personGroupId),
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    path: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(signingSecret, timestamp, body),
    },
    body,
  };
}

/** Person group ids unique across the run: `<phase>-<n>` (lower case, digits, dashes: always valid). */
export function groupId(phase: string, n: number): string {
  return `${phase}-${n}`;
}
