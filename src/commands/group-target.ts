/**
 * The group an edit or delete is about: from typed words (`<id>`, else the command's usage) or from a
 * button's data ({personGroupId, kind}); then located in the workspace, or the reply that says why not
 * (not configured, a mapped failure, or "which one?" when both kinds hold the id).
 */
import { kindChoiceCard } from '../cards/group-change-cards';
import { failureCard, notConfiguredCard } from '../cards/outcome-cards';
import { checkPersonGroupId } from '../face/rules';
import type { FaceGroup, GroupKind } from '../face/types';
import { isGroupKind } from '../provisioning/locate-group';
import type { TargetDescription } from '../provisioning/outcome';
import { CHANGE_TEXTS } from './change-texts';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, Invocation, Reply } from './types';

/** A valid id and, from a button, its kind. */
export interface GroupArgument {
  personGroupId: string;
  kind?: GroupKind;
}

/** The id of `/persongroup <command> <id>`; undefined when it is missing or not a valid id. */
export function typedGroup(words: readonly string[]): GroupArgument | undefined {
  const [typed] = words;
  if (typed === undefined || words.length > 1) return undefined;
  const checked = checkPersonGroupId(typed);
  return checked.ok ? { personGroupId: checked.value } : undefined;
}

/** The group a button names; undefined when its data is not a valid id. */
export function pressedGroup(data: Readonly<Record<string, unknown>>): GroupArgument | undefined {
  const checked = checkPersonGroupId(data.personGroupId);
  if (!checked.ok) return undefined;
  return isGroupKind(data.kind)
    ? { personGroupId: checked.value, kind: data.kind }
    : { personGroupId: checked.value };
}

/** The usage of one command, naming what was typed when it was not an id. */
export function usageOf(usage: string, what: string, words: readonly string[]): Reply {
  const { title, text } = CHANGE_TEXTS.usage(usage, what, words.length > 0 ? words.join(' ') : undefined);
  return noticeReply(title, text);
}

/**
 * Locates the group. Resolves to the group and where it lives, or to the reply for the user: not
 * configured, the mapped failure (404 included), or a choice of kind whose buttons press `verb`.
 */
export async function locateOrReply(
  invocation: Invocation,
  { provisioning }: CommandDeps,
  group: GroupArgument,
  choice: { verb: string; action: 'edit' | 'delete' },
): Promise<{ group: FaceGroup; target: TargetDescription } | Reply> {
  const located = await provisioning.locateGroup({ workspaceId: invocation.workspaceId, ...group });
  switch (located.kind) {
    case 'found':
      return { group: located.group, target: located.target };
    case 'ambiguous': {
      const texts = CHANGE_TEXTS.whichKind(located.personGroupId, choice.action);
      const card = kindChoiceCard(
        located.personGroupId,
        located.kinds,
        texts,
        choice.verb,
        invocation.useSubmit,
      );
      return { card, text: `${texts.title} ${texts.text}` };
    }
    case 'not_configured':
      return { card: notConfiguredCard(group.personGroupId), text: COMMAND_TEXTS.notConfigured };
    case 'failed':
      return {
        card: failureCard(located.failure, group.personGroupId),
        text: COMMAND_TEXTS.failed(located.failure),
      };
  }
}

/** True when `located` is a reply rather than a group. */
export function isReply(located: { group: FaceGroup } | Reply): located is Reply {
  return 'card' in located;
}

/** Opens something about one group (the edit form, the delete confirmation). */
type GroupOpener = (invocation: Invocation, deps: CommandDeps, group: GroupArgument) => Promise<Reply>;

/** `/persongroup <name> <id>`: the usage for a missing or invalid id, else `open`. */
export function groupCommand(spec: {
  name: string;
  usage: string;
  summary: string;
  /** What the command does, for its usage reply. */
  what: string;
  open: GroupOpener;
}): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    run(invocation, { words }, deps) {
      const group = typedGroup(words);
      if (!group) return Promise.resolve(usageOf(spec.usage, spec.what, words));
      return spec.open(invocation, deps, group);
    },
  };
}

/** A button with data {personGroupId, kind}: `open` for that group (the usage when the data is broken). */
export function groupButton(verb: string, spec: { usage: string; what: string; open: GroupOpener }): Action {
  return {
    verb,
    run(invocation, data, deps) {
      const group = pressedGroup(data);
      if (!group) return Promise.resolve(usageOf(spec.usage, spec.what, []));
      return spec.open(invocation, deps, group);
    },
  };
}
