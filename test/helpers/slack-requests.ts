import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SignedResponse {
  status: number;
  text: string;
  /** The parsed JSON body, or undefined when the body was empty or not JSON. */
  json: Record<string, unknown> | undefined;
  /** Milliseconds from sending to the complete response. */
  elapsedMs: number;
}

export interface SignOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (e.g. a wrong one). */
  signature?: string | null;
}

/** Slack's v0 request signature: HMAC-SHA256 of `v0:{ts}:{body}` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed body to a Slack endpoint as Slack does. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
  };
  const signature =
    options.signature === undefined
      ? slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body)
      : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  let json: Record<string, unknown> | undefined;
  if (text !== '' && res.headers.get('content-type')?.includes('json')) {
    json = JSON.parse(text) as Record<string, unknown>;
  }
  return { status: res.status, text, json, elapsedMs };
}

export interface CommandFields {
  text: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}

/** A `/persongroup` slash command body (application/x-www-form-urlencoded). */
export function commandBody(f: CommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: f.teamId ?? 'T1',
    team_domain: 'acme',
    ...(f.enterpriseId ? { enterprise_id: f.enterpriseId } : {}),
    is_enterprise_install: String(f.isEnterpriseInstall ?? false),
    channel_id: f.channelId ?? 'C1',
    channel_name: 'general',
    user_id: f.userId ?? 'U1',
    user_name: f.userName ?? 'alice',
    command: '/persongroup',
    text: f.text,
    api_app_id: 'A1',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? '123.456.abc',
  }).toString();
}

export interface SubmissionFields {
  callbackId: string;
  privateMetadata: string;
  /** Field id → value; select fields (recognitionModel, region) are sent as selected options. */
  values: Record<string, string>;
  userId?: string;
  userName?: string;
  teamId?: string;
  viewId?: string;
}

const SELECT_FIELDS = new Set(['recognitionModel', 'region']);

/** A view_submission payload as Slack sends it: form field `payload` holding JSON. */
export function submissionBody(f: SubmissionFields): string {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(f.values)) {
    values[id] = {
      [id]: SELECT_FIELDS.has(id)
        ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }
        : { type: 'plain_text_input', value },
    };
  }
  const payload = {
    type: 'view_submission',
    team: { id: f.teamId ?? 'T1', domain: 'acme' },
    user: {
      id: f.userId ?? 'U1',
      username: f.userName ?? 'alice',
      name: f.userName ?? 'alice',
      team_id: 'T1',
    },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '789.012.def',
    view: {
      id: f.viewId ?? 'V1',
      team_id: f.teamId ?? 'T1',
      type: 'modal',
      callback_id: f.callbackId,
      private_metadata: f.privateMetadata,
      hash: '1700000000.abc',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface BlockActionFields {
  actionId: string;
  /** The button's value: its action data as JSON. */
  value: string;
  responseUrl: string;
  /** The message the button is in; absent: an ephemeral message. */
  messageTs?: string;
  channelId?: string;
  userId?: string;
  teamId?: string;
}

/** A block_actions payload (a button pressed in a message), as Slack sends it. */
export function blockActionBody(f: BlockActionFields): string {
  const channel = f.channelId ?? 'C1';
  const payload = {
    type: 'block_actions',
    team: { id: f.teamId ?? 'T1', domain: 'acme' },
    user: { id: f.userId ?? 'U1', username: 'alice', name: 'alice', team_id: f.teamId ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '345.678.ghi',
    container: f.messageTs
      ? { type: 'message', message_ts: f.messageTs, channel_id: channel, is_ephemeral: false }
      : { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: true },
    channel: { id: channel, name: 'general' },
    ...(f.messageTs ? { message: { type: 'message', ts: f.messageTs, text: '', blocks: [] } } : {}),
    response_url: f.responseUrl,
    actions: [
      { type: 'button', action_id: f.actionId, block_id: 'b1', value: f.value, action_ts: '1700000001.000' },
    ],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API envelope (application/json), e.g. app_uninstalled. */
export function eventBody(event: Record<string, unknown>, teamId = 'T1'): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}
