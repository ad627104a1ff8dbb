import type { WorkspaceRecord } from '../store/types';

/** A key shown to an operator: never more than its last 4 characters. */
export function maskKey(keyHint: string): string {
  return `••••${keyHint.slice(-4)}`;
}

/** Where a record's calls go: the region id or the custom endpoint. */
export function placementText(record: Pick<WorkspaceRecord, 'region' | 'endpoint'>): string {
  return record.endpoint ?? record.region ?? '?';
}

/** A date as an operator reads it in a table: UTC, to the second. */
export function timeText(date: Date): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Text from outside (a chat user's name, a typed group id) made safe for a terminal: control characters
 * (escape sequences, line breaks) and bidirectional overrides, which could fake other rows, become `?`.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Bidi_Control}]/gu, '?');
}

/** A plain text table with a header row; columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd((widths[column] ?? 0) + cell.length - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
