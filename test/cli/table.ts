/**
 * Reads a table printed by the CLI (src/cli/format.ts table()) back into rows keyed by header title.
 * Every column starts where its title starts, so empty cells stay in their column. Positions count code
 * points, as the printer pads by code points.
 */
export function parseTable(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const titles = [...header.matchAll(/\S+(?: \S+)*/g)].map((match) => ({
    title: match[0],
    start: [...header.slice(0, match.index)].length,
  }));
  return lines.map((line) => {
    const chars = [...line];
    return Object.fromEntries(
      titles.map(({ title, start }, column) => [
        title,
        chars
          .slice(start, titles[column + 1]?.start ?? chars.length)
          .join('')
          .trim(),
      ]),
    );
  });
}
