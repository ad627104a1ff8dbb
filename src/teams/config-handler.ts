import type { TurnContext } from 'botbuilder';
import { configFormCard, configureOutcomeCard, noticeCard } from '../cards/outcome-cards';
import type { TeamsDeps } from './deps';
import { sendCard } from './reply';
import { formSubmitVia, type Submission, type SubmitResult } from './submission';
import { TEAMS_TEXTS } from './texts';
import { actorOf, isAdmin, workspaceIdOf } from './turn-identity';

/**
 * `persongroup config`: admins (BOT_ADMINS, by Entra object id) get the key and region form; everyone
 * else a notice saying who can. The form never holds a key, not even the current one.
 */
export async function showConfigForm(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const { activity } = context;
  if (!isAdmin(activity, deps.admins)) {
    const { title, text } = TEAMS_TEXTS.notAdmin(activity.from?.aadObjectId, deps.admins.length > 0);
    await sendCard(context, noticeCard(title, text, 'attention'));
    return;
  }
  const workspaceId = workspaceIdOf(activity);
  const { configured, target } = await deps.provisioning.describeWorkspace(workspaceId);
  const banners =
    configured && target
      ? [{ style: 'default' as const, title: TEAMS_TEXTS.currentTarget(target.label), text: '' }]
      : [];
  await sendCard(context, configFormCard({ banners, useSubmit: formSubmitVia(activity) === 'submit' }));
}

/**
 * Verb `workspaceConfigure`: whether the sender is an admin is decided again here (a form can be
 * forwarded or submitted by anyone who sees it); the use case checks the key live against the Face API.
 */
export async function submitConfigure(
  context: TurnContext,
  deps: TeamsDeps,
  submission: Submission,
): Promise<SubmitResult> {
  const { activity } = context;
  const outcome = await deps.provisioning.configureWorkspace({
    workspaceId: workspaceIdOf(activity),
    actor: actorOf(activity),
    isAdmin: isAdmin(activity, deps.admins),
    values: submission.data,
  });
  const card = configureOutcomeCard(outcome, {
    useSubmit: formSubmitVia(activity, submission.via) === 'submit',
  });
  return { card, shareWithConversation: false };
}
