/**
 * `/persongroup config`: the workspace's Face API key and region form, for admins; its submit (verb
 * `workspaceConfigure`) checks the key live and saves it. The outcome stays with the admin. The form
 * never holds a key, not even the current one.
 */
import { configFormCard, configureOutcomeCard } from '../cards/outcome-cards';
import type { ConfigureOutcome } from '../provisioning/outcome';
import { isForm } from './create';
import { fieldErrorMap } from './field-errors';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, FormSpec, Invocation, Reply } from './types';

export const CONFIGURE_FORM: FormSpec = {
  verb: 'workspaceConfigure',
  callbackId: 'workspace_configure',
  title: COMMAND_TEXTS.configureTitle,
};

export const configCommand: Command = {
  name: 'config',
  aliases: ['configure'],
  usage: '/persongroup config',
  summary: "Sets the workspace's Face API key and region (admins only).",
  async run(invocation, _args, { provisioning, admins }) {
    if (!(await invocation.isAdmin())) {
      const { title, text } = COMMAND_TEXTS.notAdmin(
        invocation.platform,
        invocation.actor.id,
        admins.length > 0,
      );
      return noticeReply(title, text);
    }
    const banners = [];
    if (!invocation.hidesSecretInput)
      banners.push({ style: 'warning' as const, ...COMMAND_TEXTS.keyVisible });
    const { configured, target } = await provisioning.describeWorkspace(invocation.workspaceId);
    if (configured && target) {
      banners.push({ style: 'default' as const, title: COMMAND_TEXTS.currentTarget(target.label), text: '' });
    }
    const card = configFormCard({ banners, useSubmit: invocation.useSubmit });
    return { card, text: COMMAND_TEXTS.configureTitle, form: CONFIGURE_FORM };
  },
};

export const configureSubmit: Action = {
  verb: CONFIGURE_FORM.verb,
  form: CONFIGURE_FORM,
  spendsFace: true,
  progress() {
    return noticeReply(COMMAND_TEXTS.checkingKey.title, COMMAND_TEXTS.checkingKey.text, 'default');
  },
  async run(invocation, data, { provisioning }) {
    // Admin rights are decided again here: a form can be forwarded or submitted by anyone who sees it.
    const outcome = await provisioning.configureWorkspace({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      isAdmin: await invocation.isAdmin(),
      values: data,
      platform: invocation.platform,
    });
    return configureReply(outcome, invocation);
  },
};

function configureReply(outcome: ConfigureOutcome, invocation: Invocation): Reply {
  const card = configureOutcomeCard(outcome, { useSubmit: invocation.useSubmit });
  const reply: Reply = { card, text: COMMAND_TEXTS.configureTitle };
  if (isForm(card)) reply.form = CONFIGURE_FORM;
  if (outcome.kind === 'invalid' && outcome.errors.length > 0)
    reply.fieldErrors = fieldErrorMap(outcome.errors);
  // A refused key is the key field's problem (or the region's: the banner says both).
  if (outcome.kind === 'failed' && outcome.failure.kind === 'unauthorized') {
    reply.fieldErrors = { subscriptionKey: `${outcome.failure.title}. ${outcome.failure.remedy}` };
  }
  return reply;
}
