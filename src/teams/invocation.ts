import type { Activity } from 'botbuilder';
import type { Invocation } from '../commands';
import { actorOf, isAdmin, isSharedConversation, workspaceIdOf } from './turn-identity';

/**
 * An activity as the command table sees it. The Bot Framework Emulator cannot send Action.Execute, so
 * forms for it (and forms answering an Action.Submit) submit with Action.Submit.
 * Throws MissingTenantError when the activity names no tenant.
 */
export function invocationOf(
  activity: Activity,
  admins: readonly string[],
  answeringSubmit = false,
): Invocation {
  const actor = actorOf(activity);
  const shared = isSharedConversation(activity);
  const formId = activity.replyToId;
  return {
    ...(formId ? { submissionId: `teams:${formId}:${actor.id}` } : {}),
    platform: 'teams',
    workspaceId: workspaceIdOf(activity),
    actor,
    mention: actor.name,
    isAdmin: () => Promise.resolve(isAdmin(activity, admins)),
    useSubmit: answeringSubmit || activity.channelId === 'emulator',
    conversation: { shared, botName: activity.recipient?.name || 'persongroup-bot' },
    hidesSecretInput: true,
  };
}
