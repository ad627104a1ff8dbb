/**
 * The shell commands README.md shows: every line of its ```sh blocks and every inline code span that
 * starts with npm or npx, split at `&&` and without trailing comments, in README order, each once.
 */
export function readmeCommands(markdown: string): string[] {
  // fences may be indented under a list item
  const fenced = [...markdown.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```$/gm)].map((block) => ({
    at: block.index,
    lines: (block[1] ?? '').split('\n'),
  }));
  const prose = markdown.replace(/^[ \t]*```[\s\S]*?^[ \t]*```$/gm, (block) => ' '.repeat(block.length));
  const inline = [...prose.matchAll(/`([^`\n]+)`/g)]
    .filter((span) => /^(?:[A-Za-z_]\w*=(?:<[^>]*>|\S+)\s+)*(?:npm|npx)\s/.test(span[1] ?? ''))
    .map((span) => ({ at: span.index, lines: [span[1] ?? ''] }));
  const commands = [...fenced, ...inline]
    .sort((a, b) => a.at - b.at)
    .flatMap(({ lines }) => lines)
    .map((line) => line.replace(/(^|\s+)#\s.*$/, '').trim())
    .flatMap((line) => line.split(/\s+&&\s+/))
    .filter((command) => command !== '');
  return [...new Set(commands)];
}

/** A placeholder in a README command (`<your host>`) that the test has no value for. */
export class UnknownPlaceholderError extends Error {
  override name = 'UnknownPlaceholderError';
}

/** Fills the README's `<placeholders>` with the values a user would type. */
export function fillPlaceholders(command: string, values: Readonly<Record<string, string>>): string {
  return command.replace(/<[^<>\s][^<>]*>/g, (placeholder) => {
    const value = values[placeholder];
    if (value === undefined) {
      throw new UnknownPlaceholderError(
        `README command "${command}" uses ${placeholder}: give it a value in the README test`,
      );
    }
    return value;
  });
}
