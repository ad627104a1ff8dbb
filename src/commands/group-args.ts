/**
 * Reading what the read-only group commands are given: a typed id or prefix, or a button's data. Anything
 * that is not a valid id answers with the command's usage (never a call to the service).
 */
import { checkPersonGroupId } from '../face/rules';
import type { GroupKind } from '../face/types';
import { isGroupKind } from '../provisioning/group-kind';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { Reply } from './types';

/** A valid group id (the rule both kinds share), or why it is not one, for the usage reply. */
export function readGroupId(value: unknown): { id: string } | { problem: string } {
  if (value === undefined || value === '') return { problem: COMMAND_TEXTS.idMissing };
  const checked = checkPersonGroupId(value);
  if (checked.ok && checked.value === value) return { id: checked.value };
  const typed = typeof value === 'string' ? value : JSON.stringify(value);
  return { problem: `${COMMAND_TEXTS.idInvalid(typed)}${checked.ok ? '' : ` ${checked.error.message}`}` };
}

/** A button's kind; undefined when absent (either kind) or not a kind. */
export function kindOf(value: unknown): GroupKind | undefined {
  return isGroupKind(value) ? value : undefined;
}

/** A whole number ≥ 0 from a button's data (JSON or a text field), else undefined. */
export function offsetOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The usage of one command, with what was wrong, as a notice to the user. */
export function usageOf(usage: string, problem: string): Reply {
  return noticeReply(COMMAND_TEXTS.usageTitle(usage), problem, 'warning');
}
