/** A chat command, the same for Teams and Slack. */
export type ParsedCommand =
  | { kind: 'create'; prefill: { personGroupId?: string; name?: string } }
  | { kind: 'config' }
  | { kind: 'help' }
  | { kind: 'unknown'; text: string };

/**
 * Parses the text of `/persongroup …` (Slack passes only what follows the command; Teams passes the whole
 * message with the mention removed): drops a leading '/', the word `persongroup`, and surrounding space;
 * verbs compare case-insensitively. `create <id> [name…]` prefills the form; the id keeps its case, so
 * the rules can tell the user that upper case is refused rather than silently lower-casing it.
 */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().replace(/^\//, '').trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'persongroup') words.shift();
  const verb = words.shift()?.toLowerCase();
  if (verb === undefined || verb === 'help') return { kind: 'help' };
  if (verb === 'config' || verb === 'configure') return { kind: 'config' };
  if (verb === 'create') {
    const [personGroupId, ...name] = words;
    return {
      kind: 'create',
      prefill: {
        ...(personGroupId ? { personGroupId } : {}),
        ...(name.length > 0 ? { name: name.join(' ') } : {}),
      },
    };
  }
  return { kind: 'unknown', text: text.trim() };
}
