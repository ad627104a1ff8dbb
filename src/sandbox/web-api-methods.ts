/**
 * The Slack Web API methods the bot calls, answered the way Slack answers them, writing what the bot sent
 * into the sandbox conversation. Errors use Slack's own codes (`invalid_trigger_id`, `not_found`, …), so
 * the bot's error paths run as they would against Slack.
 */
import { asObject, asObjects, asString, type Json } from './block-kit-json';
import type { OpenView, SandboxConversation } from './conversation';
import { SANDBOX } from './identity';
import type { TriggerBook } from './triggers';

export type MethodAnswer = Record<string, unknown>;

export interface MethodContext {
  conversation: SandboxConversation;
  triggers: TriggerBook;
}

type Method = (args: Json, context: MethodContext) => MethodAnswer;

const failed = (error: string): MethodAnswer => ({ ok: false, error });

export const WEB_API_METHODS: Readonly<Record<string, Method>> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${SANDBOX.team.domain}.slack.com/`,
    team: 'Sandbox',
    user: SANDBOX.bot.name,
    team_id: SANDBOX.team.id,
    user_id: SANDBOX.bot.userId,
    bot_id: SANDBOX.bot.botId,
    is_enterprise_install: false,
  }),
  'users.info': (args) => {
    if (args.user !== SANDBOX.user.id) return failed('user_not_found');
    // You are the sandbox workspace's owner, so `/persongroup config` is yours to try.
    return {
      ok: true,
      user: {
        id: SANDBOX.user.id,
        team_id: SANDBOX.team.id,
        name: SANDBOX.user.name,
        real_name: SANDBOX.user.name,
        is_admin: true,
        is_owner: true,
        is_primary_owner: true,
        is_bot: false,
      },
    };
  },
  'views.open': (args, { conversation, triggers }) => {
    const view = asObject(args.view);
    if (!view) return failed('invalid_arguments');
    if (!triggers.consume(asString(args.trigger_id) ?? '')) return failed('invalid_trigger_id');
    return viewAnswer(conversation.open(view));
  },
  'views.push': (args, { conversation, triggers }) => {
    const view = asObject(args.view);
    if (!view) return failed('invalid_arguments');
    if (!triggers.consume(asString(args.trigger_id) ?? '')) return failed('invalid_trigger_id');
    if (!conversation.topView) return failed('not_found');
    return viewAnswer(conversation.push(view));
  },
  'views.update': (args, { conversation }) => {
    const view = asObject(args.view);
    if (!view) return failed('invalid_arguments');
    const id = asString(args.view_id) ?? '';
    const open = conversation.find(id);
    if (!open) return failed('not_found');
    const hash = asString(args.hash);
    if (hash && hash !== open.hash) return failed('hash_conflict');
    return viewAnswer(conversation.update(id, view) ?? open);
  },
  'chat.postMessage': (args, { conversation }) => {
    if (args.channel !== SANDBOX.channel.id) return failed('channel_not_found');
    const entry = conversation.post({ author: 'bot', ephemeral: false, ...message(args) });
    const ts = timestamp(entry.id);
    return { ok: true, channel: SANDBOX.channel.id, ts, message: { ...message(args), ts } };
  },
  'chat.postEphemeral': (args, { conversation }) => {
    if (args.channel !== SANDBOX.channel.id) return failed('channel_not_found');
    if (args.user !== SANDBOX.user.id) return failed('user_not_in_channel');
    const entry = conversation.post({ author: 'bot', ephemeral: true, ...message(args) });
    return { ok: true, message_ts: timestamp(entry.id) };
  },
};

/** A POST to a response_url: `in_channel` for everyone, else (Slack's default) ephemeral. */
export function answerResponseUrl(body: Json, conversation: SandboxConversation): void {
  conversation.post({ author: 'bot', ephemeral: body.response_type !== 'in_channel', ...message(body) });
}

function message(args: Json): { text: string; blocks: unknown[] } {
  return { text: asString(args.text) ?? '', blocks: asObjects(args.blocks) };
}

function viewAnswer(open: OpenView): MethodAnswer {
  return {
    ok: true,
    view: { ...open.view, id: open.id, hash: open.hash, team_id: SANDBOX.team.id, app_id: SANDBOX.appId },
  };
}

function timestamp(entryId: number): string {
  return `${Math.floor(Date.now() / 1000)}.${String(entryId).padStart(6, '0')}`;
}
