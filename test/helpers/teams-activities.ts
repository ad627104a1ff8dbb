/**
 * Bot Framework activities as Teams sends them (personal chat, group chat, team channel), for tests that
 * post them to /api/messages. Every field a real Teams activity carries that the bot reads is present.
 */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export const TENANT_ID = 'tenant-0001';
export const BOT = { id: '28:persongroup-bot', name: 'PersonGroup Bot' };
export const USER = { id: '29:user-ada', name: 'Ada Lovelace', aadObjectId: 'aad-ada' };
export const ADMIN = { id: '29:user-grace', name: 'Grace Hopper', aadObjectId: 'aad-grace' };

export interface ActivityOptions {
  serviceUrl: string;
  conversation?: ConversationKind;
  /** null: the activity names no tenant at all. */
  tenantId?: string | null;
  from?: { id: string; name: string; aadObjectId?: string };
  id?: string;
  replyToId?: string;
  channelId?: string;
}

let counter = 0;

function base(type: string, options: ActivityOptions): Record<string, unknown> {
  counter += 1;
  const kind = options.conversation ?? 'personal';
  const tenantId = options.tenantId === undefined ? TENANT_ID : options.tenantId;
  const conversation: Record<string, unknown> = {
    personal: { id: `a:personal-${counter}`, conversationType: 'personal' },
    groupChat: { id: `19:group-${counter}@thread.v2`, conversationType: 'groupChat', isGroup: true },
    channel: {
      id: `19:channel-${counter}@thread.tacv2;messageid=1700000000000`,
      conversationType: 'channel',
      isGroup: true,
    },
  }[kind] as Record<string, unknown>;
  if (tenantId !== null) conversation.tenantId = tenantId;
  const channelData: Record<string, unknown> = tenantId === null ? {} : { tenant: { id: tenantId } };
  if (kind === 'channel') {
    channelData.team = { id: '19:team@thread.tacv2' };
    channelData.channel = { id: '19:channel@thread.tacv2' };
  }
  return {
    type,
    id: options.id ?? `incoming-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: options.channelId ?? 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from ?? USER,
    recipient: BOT,
    conversation,
    channelData,
    locale: 'en-US',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/** A typed message; in a channel Teams prefixes `<at>Bot</at>` and adds the mention entity. */
export function textMessage(
  text: string,
  options: ActivityOptions & { mention?: boolean },
): Record<string, unknown> {
  const activity = base('message', options);
  const mention = options.mention ?? options.conversation === 'channel';
  if (!mention) return { ...activity, text };
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    text: `${mentionText} ${text}`,
    entities: [{ type: 'mention', text: mentionText, mentioned: BOT }],
  };
}

/** An Action.Execute press: the invoke Teams sends, `data` being the inputs merged with the action data. */
export function executeInvoke(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions,
): Record<string, unknown> {
  return {
    ...base('invoke', { replyToId: 'card-activity-1', ...options }),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } },
  };
}

/** An Action.Submit press (older clients): a message whose value is the action data with the inputs. */
export function submitMessage(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions,
): Record<string, unknown> {
  return { ...base('message', { replyToId: 'card-activity-1', ...options }), value: { verb, ...data } };
}

/** The create form's inputs, filled in like a user would. */
export function createInputs(
  personGroupId: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    personGroupId,
    name: `Group ${personGroupId}`,
    userData: '',
    recognitionModel: 'recognition_04',
    ...extra,
  };
}
