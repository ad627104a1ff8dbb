/**
 * What Slack's own client and servers do for a person on the sandbox page: turn a typed command, a
 * submitted modal or a click into a request signed with the signing secret, POST it to the bot's
 * /slack/events, and act on the ack (an ephemeral reply, field errors, an updated, pushed or closed
 * modal), as Slack would.
 */
import { createHmac } from 'node:crypto';
import { asObject, asString, type Json } from './block-kit-json';
import type { SandboxConversation } from './conversation';
import { SANDBOX } from './identity';
import {
  blockActionsBody,
  commandBody,
  type FormInput,
  readModalState,
  viewSubmissionBody,
} from './payloads';
import type { TriggerBook } from './triggers';

/** Slack's own limit for an ack: later than this, it tells the person the app did not answer. */
const ACK_LIMIT_MS = 3000;
/** How long the sandbox waits for an ack at all (longer than Slack, to say how late it was). */
const ACK_WAIT_MS = 15_000;
/** What Slack shows on a modal whose submission got no usable answer. */
export const TROUBLE_CONNECTING = 'We had some trouble connecting. Try again?';

const FORM = 'application/x-www-form-urlencoded';

/** The view a submission or click names is no longer open (closed, or replaced by a new modal). */
export class SandboxViewGoneError extends Error {
  override name = 'SandboxViewGoneError';
  constructor(readonly viewId: string) {
    super(`view ${viewId} is not open`);
  }
}

export interface SandboxClientDeps {
  conversation: SandboxConversation;
  triggers: TriggerBook;
  signingSecret: string;
  newResponseUrl(): string;
}

interface Ack {
  status: number;
  /** The JSON body, if the ack had one. */
  json: Json | undefined;
  /** The body as text (a slash command may be answered in plain text). */
  text: string;
  elapsedMs: number;
}

export class SandboxSlackClient {
  constructor(private readonly deps: SandboxClientDeps) {}

  /** `/persongroup help`, `create x`, or just `help`: what follows the command name is its text. */
  async command(eventsUrl: string, line: string): Promise<void> {
    const { conversation } = this.deps;
    const trimmed = line.trim();
    const [first = '', ...rest] = trimmed.split(/\s+/);
    if (first.startsWith('/') && first !== SANDBOX.command) {
      conversation.post({
        author: 'slack',
        ephemeral: true,
        text: `${first} is not a valid command. This sandbox has ${SANDBOX.command} only.`,
        blocks: [],
      });
      return;
    }
    const text = first === SANDBOX.command ? rest.join(' ') : trimmed;
    conversation.post({
      author: 'you',
      ephemeral: false,
      text: `${SANDBOX.command} ${text}`.trim(),
      blocks: [],
    });
    const ack = await this.send(
      eventsUrl,
      commandBody(text, this.deps.newResponseUrl(), this.deps.triggers.issue()),
    );
    if (!ack) return;
    if (ack.json && (ack.json.text !== undefined || ack.json.blocks !== undefined)) {
      const inChannel = ack.json.response_type === 'in_channel';
      conversation.post({
        author: 'bot',
        ephemeral: !inChannel,
        text: asString(ack.json.text) ?? '',
        blocks: asArray(ack.json.blocks),
      });
    } else if (!ack.json && ack.text.trim() !== '') {
      conversation.post({ author: 'bot', ephemeral: true, text: ack.text, blocks: [] });
    }
  }

  /** Submits the open view with the page's values; Slack's client checks required fields first. */
  async submit(eventsUrl: string, viewId: string, input: FormInput): Promise<void> {
    const { conversation } = this.deps;
    const open = conversation.find(viewId);
    if (!open) throw new SandboxViewGoneError(viewId);
    const state = readModalState(open.view, input);
    if (Object.keys(state.clientErrors).length > 0) {
      conversation.showErrors(viewId, state.clientErrors);
      return;
    }
    const revision = open.revision;
    const ack = await this.send(
      eventsUrl,
      viewSubmissionBody(open, state.values, this.deps.triggers.issue()),
    );
    // A views.update that landed while the ack was on its way is newer than the ack: it stays.
    if (conversation.find(viewId)?.revision !== revision) return;
    if (ack?.status !== 200) {
      conversation.showErrors(viewId, {}, TROUBLE_CONNECTING);
      return;
    }
    applyViewAck(conversation, viewId, ack.json ?? {});
  }

  /** The ✕ or Cancel button: the view and those pushed on it close (the bot asked for no view_closed). */
  closeView(viewId: string): void {
    this.deps.conversation.close(viewId);
  }

  /** A button click in a modal (viewId) or a message. */
  async click(
    eventsUrl: string,
    click: { blockId: string; actionId: string; value: string },
    viewId?: string,
  ): Promise<void> {
    const view = viewId ? this.deps.conversation.find(viewId) : undefined;
    if (viewId && !view) throw new SandboxViewGoneError(viewId);
    await this.send(eventsUrl, blockActionsBody(click, view ? { view } : {}, this.deps.triggers.issue()));
  }

  /** POSTs a signed body; says in the channel, as Slack does, when the app failed or was late. */
  private async send(eventsUrl: string, body: string): Promise<Ack | undefined> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', this.deps.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const started = performance.now();
    let ack: Ack;
    try {
      const res = await fetch(eventsUrl, {
        method: 'POST',
        headers: {
          'content-type': FORM,
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(ACK_WAIT_MS),
      });
      const text = await res.text();
      const json =
        res.headers.get('content-type')?.includes('json') && text !== ''
          ? asObject(JSON.parse(text))
          : undefined;
      ack = { status: res.status, json, text, elapsedMs: performance.now() - started };
    } catch (error) {
      this.note(`The app did not answer (${(error as Error).message}). Slack would say the command failed.`);
      return undefined;
    }
    if (ack.status !== 200)
      this.note(`The app answered HTTP ${ack.status}: Slack would say "${SANDBOX.command} failed".`);
    else if (ack.elapsedMs > ACK_LIMIT_MS)
      this.note(
        `The app took ${Math.round(ack.elapsedMs)} ms to acknowledge; Slack gives up after 3 seconds.`,
      );
    return ack;
  }

  private note(text: string): void {
    this.deps.conversation.post({ author: 'slack', ephemeral: true, text, blocks: [] });
  }
}

/** A view_submission ack: nothing closes the view; otherwise `response_action` says what to do. */
function applyViewAck(conversation: SandboxConversation, viewId: string, ack: Json): void {
  const view = asObject(ack.view);
  switch (ack.response_action) {
    case 'errors': {
      const errors: Record<string, string> = {};
      for (const [blockId, text] of Object.entries(asObject(ack.errors) ?? {}))
        errors[blockId] = String(text);
      conversation.showErrors(viewId, errors);
      return;
    }
    case 'update':
      if (view) conversation.update(viewId, view);
      return;
    case 'push':
      if (view) conversation.push(view);
      return;
    case 'clear':
      conversation.closeAll();
      return;
    default:
      conversation.close(viewId);
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
