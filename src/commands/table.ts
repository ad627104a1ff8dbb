/**
 * The command table: every typed command and every card action once, for both platforms. A platform
 * turns its event into an Invocation plus (typed text | verb and data), asks the table, and delivers the
 * Reply; adding a command means adding its file to COMMANDS/ACTIONS, its card templates and its tests.
 */
import { configCommand, configureSubmit } from './config';
import { createCommand, createSubmit } from './create';
import { deleteButton, deleteCommand, deleteSubmit } from './delete';
import { editButton, editCommand, updateSubmit } from './edit';
import { guardedRun } from './guarded-run';
import { usageReply } from './help';
import { historyCommand, historyMore } from './history';
import { listCommand, listMore } from './list';
import { parseTypedCommand } from './parse';
import { showAction, showCommand } from './show';
import { trainAction, trainCommand, trainingStatusAction } from './train';
import type { Action, Command, CommandDeps, FormSpec, Invocation, Reply } from './types';

/** Typed commands, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  createCommand,
  listCommand,
  showCommand,
  editCommand,
  deleteCommand,
  trainCommand,
  historyCommand,
  configCommand,
];

/** Card actions and form submissions, by verb. */
export const ACTIONS: readonly Action[] = [
  createSubmit,
  configureSubmit,
  editButton,
  updateSubmit,
  deleteButton,
  deleteSubmit,
  listMore,
  showAction,
  historyMore,
  trainAction,
  trainingStatusAction,
];

export interface CommandTable {
  /** Answers typed text (`/persongroup …`, or a Teams message with the mention removed). */
  runText(invocation: Invocation, text: string): Promise<Reply>;
  /** The action of a verb; undefined for a verb this bot does not (or no longer) know. */
  action(verb: unknown): Action | undefined;
  /** Runs an action. */
  runAction(action: Action, invocation: Invocation, data: Readonly<Record<string, unknown>>): Promise<Reply>;
  /** Every form a submission can come from (Slack routes view submissions by callback_id). */
  readonly forms: readonly FormSpec[];
  /** Every verb a button can carry that is not a form's submit (Slack routes block actions by action_id). */
  readonly buttonVerbs: readonly string[];
}

export function createCommandTable(
  deps: CommandDeps,
  commands: readonly Command[] = COMMANDS,
  actions: readonly Action[] = ACTIONS,
): CommandTable {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    for (const name of [command.name, ...(command.aliases ?? [])]) byName.set(name, command);
  }
  const byVerb = new Map(actions.map((action) => [action.verb, action]));
  return {
    runText(invocation, text) {
      const typed = parseTypedCommand(text);
      const command = byName.get(typed.name);
      // Metrics, and for a Face-spending command the guardrails: see guarded-run.ts.
      return guardedRun(invocation, deps, {
        label: command?.name ?? (typed.name === '' || typed.name === 'help' ? 'help' : 'unknown'),
        spendsFace: command?.spendsFace === true,
        personGroupId: typed.words[0],
        run: async () => {
          if (typed.name === '' || typed.name === 'help') return usageReply(commands, invocation);
          if (!command) return usageReply(commands, invocation, typed.typed);
          return command.run(invocation, { words: typed.words, rest: typed.rest }, deps);
        },
      });
    },
    action: (verb) => (typeof verb === 'string' ? byVerb.get(verb) : undefined),
    runAction: (action, invocation, data) =>
      guardedRun(invocation, deps, {
        label: action.verb,
        spendsFace: action.spendsFace === true,
        personGroupId: data.personGroupId,
        run: () => action.run(invocation, data, deps),
      }),
    forms: actions.flatMap((action) => (action.form ? [action.form] : [])),
    buttonVerbs: actions.flatMap((action) => (action.form ? [] : [action.verb])),
  };
}
