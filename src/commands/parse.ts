/** The words of a typed command, the same for Teams and Slack. */
export interface TypedCommand {
  /** The command's name as typed, lower-cased; '' for a bare `/persongroup`. */
  name: string;
  words: string[];
  /** The text after the name, spacing kept (a name of several words). */
  rest: string;
  /** Everything typed after `persongroup`, trimmed (to quote back what was not understood). */
  typed: string;
}

/**
 * Reads the text of `/persongroup …` (Slack passes only what follows the command; Teams passes the whole
 * message with the mention removed): drops a leading '/', the word `persongroup`, and surrounding space.
 * Names compare case-insensitively; arguments keep their case, so the rules can tell a user that upper
 * case is refused rather than silently lower-casing an id.
 */
export function parseTypedCommand(text: string): TypedCommand {
  let remaining = text.trim().replace(/^\//, '').trim();
  const first = /^persongroup(?:\s+|$)/i.exec(remaining);
  if (first) remaining = remaining.slice(first[0].length);
  const typed = remaining.trim();
  const match = /^(\S+)\s*/.exec(typed);
  const name = match?.[1]?.toLowerCase() ?? '';
  const rest = match ? typed.slice(match[0].length) : '';
  return { name, words: rest.split(/\s+/).filter(Boolean), rest, typed };
}
