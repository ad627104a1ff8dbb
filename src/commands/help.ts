/** `/persongroup help` (and a bare `/persongroup`, and anything not understood): every command, one line each. */
import { usageCard } from '../cards/outcome-cards';
import { COMMAND_TEXTS } from './texts';
import type { Command, Invocation, Reply } from './types';

export const HELP_USAGE = { usage: '/persongroup help', summary: 'Shows this help.' } as const;

/** The usage reply for the given commands; `unknown` is what was typed and not understood. */
export function usageReply(commands: readonly Command[], invocation: Invocation, unknown?: string): Reply {
  const notes: string[] = [];
  if (unknown) notes.push(COMMAND_TEXTS.unknownCommand(unknown));
  const { shared, botName } = invocation.conversation;
  if (shared && botName) notes.push(COMMAND_TEXTS.mentionFirst(botName));
  const note = notes.join(' ');
  const lines = commands.map(({ usage, summary }) => ({ usage, summary }));
  const card = usageCard([...lines, HELP_USAGE], note);
  const text = `${note ? `${note} ` : ''}Use ${[...lines, HELP_USAGE].map((line) => line.usage).join(', ')}.`;
  return { card, text };
}
