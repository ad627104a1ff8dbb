/** A press of one of the bot's message buttons, as Slack posts it (block_actions), for the manage tests. */
import { postSigned, type SignedResponse } from './slack-requests';

export interface ButtonFields {
  /** The button's action_id: the card action's verb. */
  actionId: string;
  /** The button's value: the action's data as JSON. */
  value: Record<string, unknown>;
  responseUrl: string;
  userId?: string;
  teamId?: string;
  channelId?: string;
  triggerId?: string;
}

/** The form body (field `payload`) of a block_actions request from an ephemeral message's button. */
export function buttonBody(f: ButtonFields): string {
  const teamId = f.teamId ?? 'T1';
  const channelId = f.channelId ?? 'C1';
  const payload = {
    type: 'block_actions',
    user: { id: f.userId ?? 'U1', username: 'alice', name: 'alice', team_id: teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000200',
      channel_id: channelId,
      is_ephemeral: true,
    },
    trigger_id: f.triggerId ?? '555.666.button',
    team: { id: teamId, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    response_url: f.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: f.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'press', emoji: true },
        value: JSON.stringify(f.value),
        action_ts: '1700000001.000300',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The private_metadata of a form opened for one group from C1 by U1 (its submit data carried). */
export function groupFormMetadata(responseUrl: string, data: Record<string, string>): string {
  return JSON.stringify({ channel: 'C1', user: 'U1', responseUrl, data });
}

/** Presses a button of one of the bot's messages (a signed block_actions request). */
export function pressButton(eventsUrl: string, press: ButtonFields): Promise<SignedResponse> {
  return postSigned(eventsUrl, buttonBody(press), 'application/x-www-form-urlencoded');
}
