/**
 * The request bodies Slack sends an app, built from what a person did on the sandbox page: a slash
 * command, a view_submission with the modal's state, a block_actions click. Shapes follow Slack's
 * documented payloads (the fields Bolt and our listeners read, and the usual ones around them).
 */
import { asObject, asObjects, asString, type Json } from './block-kit-json';
import type { OpenView } from './conversation';
import { SANDBOX } from './identity';

/** What the page sends for a modal: block_id → action_id → the text typed or the option chosen. */
export type FormInput = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** `/persongroup <text>` as Slack posts it (application/x-www-form-urlencoded). */
export function commandBody(text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    token: 'sandbox-verification-token',
    team_id: SANDBOX.team.id,
    team_domain: SANDBOX.team.domain,
    channel_id: SANDBOX.channel.id,
    channel_name: SANDBOX.channel.name,
    user_id: SANDBOX.user.id,
    user_name: SANDBOX.user.name,
    command: SANDBOX.command,
    text,
    api_app_id: SANDBOX.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/** Who and where, as every interaction payload carries it. */
function interactionFields(triggerId: string) {
  return {
    team: { id: SANDBOX.team.id, domain: SANDBOX.team.domain },
    user: {
      id: SANDBOX.user.id,
      username: SANDBOX.user.name,
      name: SANDBOX.user.name,
      team_id: SANDBOX.team.id,
    },
    api_app_id: SANDBOX.appId,
    token: 'sandbox-verification-token',
    trigger_id: triggerId,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A view_submission for the open view with the page's values, as the `payload` form field. */
export function viewSubmissionBody(open: OpenView, state: Json, triggerId: string): string {
  const payload = {
    type: 'view_submission',
    ...interactionFields(triggerId),
    view: {
      ...open.view,
      id: open.id,
      team_id: SANDBOX.team.id,
      app_id: SANDBOX.appId,
      bot_id: SANDBOX.bot.botId,
      hash: open.hash,
      private_metadata: asString(open.view.private_metadata) ?? '',
      callback_id: asString(open.view.callback_id) ?? '',
      state: { values: state },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The result of reading a modal the way Slack's client does before it sends anything. */
export interface ModalState {
  /** view.state.values: block_id → action_id → {type, value | selected_option}. */
  values: Json;
  /** Required inputs left empty and texts outside their length, by block_id: Slack never sends these. */
  clientErrors: Record<string, string>;
}

/** Reads the page's values against the view's input blocks, checking what Slack's client checks. */
export function readModalState(view: Json, input: FormInput): ModalState {
  const values: Record<string, unknown> = {};
  const clientErrors: Record<string, string> = {};
  for (const block of asObjects(view.blocks)) {
    if (block.type !== 'input') continue;
    const blockId = asString(block.block_id);
    const element = asObject(block.element);
    const actionId = asString(element?.action_id);
    if (!blockId || !element || !actionId) continue;
    const typed = input[blockId]?.[actionId] ?? '';
    const type = asString(element.type) ?? '';
    if (type === 'static_select') {
      const option = asObjects(element.options).find((o) => o.value === typed);
      values[blockId] = { [actionId]: { type, selected_option: option ?? null } };
    } else {
      values[blockId] = { [actionId]: { type, value: typed === '' ? null : typed } };
    }
    const problem = clientCheck(block, element, typed);
    if (problem) clientErrors[blockId] = problem;
  }
  return { values, clientErrors };
}

function clientCheck(block: Json, element: Json, typed: string): string | undefined {
  if (typed === '') return block.optional === true ? undefined : 'Please complete this required field.';
  const max = element.max_length;
  if (typeof max === 'number' && typed.length > max) return `Please enter no more than ${max} characters.`;
  const min = element.min_length;
  if (typeof min === 'number' && typed.length < min) return `Please enter at least ${min} characters.`;
  return undefined;
}

/** A click on a button in a modal or a message, as a block_actions payload. */
export function blockActionsBody(
  click: { blockId: string; actionId: string; value: string },
  where: { view?: OpenView; responseUrl?: string },
  triggerId: string,
): string {
  const payload = {
    type: 'block_actions',
    ...interactionFields(triggerId),
    container: where.view
      ? { type: 'view', view_id: where.view.id }
      : { type: 'message', channel_id: SANDBOX.channel.id, is_ephemeral: false },
    channel: { id: SANDBOX.channel.id, name: SANDBOX.channel.name },
    ...(where.view ? { view: { ...where.view.view, id: where.view.id, hash: where.view.hash } } : {}),
    ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        block_id: click.blockId,
        action_id: click.actionId,
        value: click.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
