import { z } from 'zod';

/**
 * The shape of Slack interactivity payloads, checked before anyone reads them. Slack always sends these
 * parts, but a signed request is only proof of who sent it, not of what it holds: a part Bolt or a
 * listener reads without looking (`body.user.id`, `body.view.state.values`) must be checked first, or a
 * malformed request answers 500.
 */

const record = z.record(z.string(), z.unknown());

/** Interactivity payload types whose bodies Bolt's App reads `user` (and, for views, `view`) from. */
const INTERACTIVE_TYPES = new Set([
  'view_submission',
  'view_closed',
  'block_actions',
  'block_suggestion',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
]);

/** What Bolt's App itself reads without a guard before any listener runs (App.processEvent). */
const boltReadable = z.object({
  user: z.looseObject({}),
  // Bolt destructures `actions` when present: anything but a list throws.
  actions: z.array(z.unknown()).optional(),
});
// Bolt routes a view payload by `view.callback_id`: without one no listener would ever ack it.
const boltReadableView = boltReadable.extend({ view: z.looseObject({ callback_id: z.string() }) });

/**
 * Why Bolt could not process this interactivity body, or undefined when it can (and for bodies that are
 * not interactivity payloads: events and slash commands are Bolt's to check).
 */
export function boltPayloadProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as {
    type?: unknown;
    event?: unknown;
    command?: unknown;
    name?: unknown;
    actions?: unknown;
  };
  // Bolt sorts a body by its shape in this order (helpers.getTypeAndConversation), not by `type` alone:
  // events and commands first, then anything with a `name` (an options request) or `actions` (an action).
  if (fields.event !== undefined || fields.command !== undefined) return undefined;
  const type = typeof fields.type === 'string' ? fields.type : undefined;
  const interactive =
    fields.name !== undefined ||
    fields.actions !== undefined ||
    (type !== undefined && INTERACTIVE_TYPES.has(type));
  if (!interactive) return undefined;
  const schema = type?.startsWith('view_') ? boltReadableView : boltReadable;
  const parsed = schema.safeParse(body);
  return parsed.success ? undefined : describe(parsed.error);
}

/**
 * Drops a `response_urls` that is not a list of objects. Bolt reads `response_urls[0].response_url` for
 * its `respond()` helper (which our listeners do not use), so a `null` there would throw inside Bolt.
 * Returns true when something was dropped.
 */
export function dropUnreadableResponseUrls(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('response_urls' in body)) return false;
  const urls = (body as { response_urls?: unknown }).response_urls;
  if (z.array(z.looseObject({})).safeParse(urls).success) return false;
  delete (body as { response_urls?: unknown }).response_urls;
  return true;
}

const viewSubmission = z.object({
  user: z.object({ id: z.string().min(1), name: z.unknown().optional() }),
  view: z.object({
    id: z.unknown().optional(),
    private_metadata: z.unknown().optional(),
    state: z.object({ values: record }),
  }),
});

/** What a view_submission listener needs, read from a body whose shape was checked. */
export interface ViewSubmission {
  userId: string;
  /** The user's name, else their id. */
  userName: string;
  /** The view to update later; undefined when Slack sent none readable. */
  viewId: string | undefined;
  privateMetadata: string | undefined;
  /** `view.state.values`: block id → action id → state; each inner part is still unchecked. */
  stateValues: Record<string, unknown>;
}

/** A view_submission's parts, or the reason they cannot be read. */
export function readViewSubmission(
  body: unknown,
): { ok: true; submission: ViewSubmission } | { ok: false; problem: string } {
  const parsed = viewSubmission.safeParse(body);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  const { user, view } = parsed.data;
  return {
    ok: true,
    submission: {
      userId: user.id,
      userName: typeof user.name === 'string' && user.name !== '' ? user.name : user.id,
      viewId: typeof view.id === 'string' && view.id !== '' ? view.id : undefined,
      privateMetadata: typeof view.private_metadata === 'string' ? view.private_metadata : undefined,
      stateValues: view.state.values,
    },
  };
}

/** The first issue as `path: message`, short enough for a log line or a 400 body. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unreadable payload';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return `${where}: ${issue.message}`;
}
