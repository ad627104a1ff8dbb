/**
 * What the sandbox's one channel shows: the messages (yours, the bot's, ephemeral ones) and the stack of
 * open modals, with a version number the page long-polls on. Both sides write here: the stand-in Web API
 * (what the bot sends) and the sandbox's Slack client (what you type and submit, and the acks).
 */
import { randomBytes } from 'node:crypto';
import type { Json } from './block-kit-json';

export interface TimelineEntry {
  id: number;
  /** Who wrote it: you (a command), the bot, or Slack itself (e.g. "the app did not answer"). */
  author: 'you' | 'bot' | 'slack';
  /** Ephemeral messages are "Only visible to you" in Slack. */
  ephemeral: boolean;
  text: string;
  blocks: unknown[];
}

export interface OpenView {
  id: string;
  /** Changes on every open, update and push, as Slack's view hash does. */
  hash: string;
  view: Json;
  /** Field errors of the last submission, by block_id. */
  errors: Record<string, string>;
  /** A line Slack shows above the blocks (the app did not answer in time, …). */
  notice: string | undefined;
  /** Counts every change of this view; lets an ack that arrives late yield to a newer views.update. */
  revision: number;
}

/** Entries kept; older ones are dropped so a long session does not grow without bound. */
const TIMELINE_LIMIT = 200;

export class SandboxConversation {
  private readonly entries: TimelineEntry[] = [];
  private stack: OpenView[] = [];
  private nextEntryId = 1;
  private versionNumber = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.versionNumber;
  }

  get timeline(): readonly TimelineEntry[] {
    return this.entries;
  }

  /** The modal on top, which is the one a person sees. */
  get topView(): OpenView | undefined {
    return this.stack.at(-1);
  }

  post(entry: Omit<TimelineEntry, 'id'>): TimelineEntry {
    const full = { ...entry, id: this.nextEntryId++ };
    this.entries.push(full);
    if (this.entries.length > TIMELINE_LIMIT) this.entries.shift();
    this.changed();
    return full;
  }

  /** views.open: a new modal replaces whatever was open. */
  open(view: Json): OpenView {
    const opened = this.fresh(view);
    this.stack = [opened];
    this.changed();
    return opened;
  }

  /** views.push and `response_action: "push"`. */
  push(view: Json): OpenView {
    const pushed = this.fresh(view);
    this.stack.push(pushed);
    this.changed();
    return pushed;
  }

  find(viewId: string): OpenView | undefined {
    return this.stack.find((open) => open.id === viewId);
  }

  /** views.update and `response_action: "update"`: same id, new content and hash, errors cleared. */
  update(viewId: string, view: Json): OpenView | undefined {
    const open = this.find(viewId);
    if (!open) return undefined;
    Object.assign(open, {
      view,
      hash: newHash(),
      errors: {},
      notice: undefined,
      revision: open.revision + 1,
    });
    this.changed();
    return open;
  }

  /** `response_action: "errors"` (or the client's own required-field check). */
  showErrors(viewId: string, errors: Record<string, string>, notice?: string): void {
    const open = this.find(viewId);
    if (!open) return;
    Object.assign(open, { errors, notice, revision: open.revision + 1 });
    this.changed();
  }

  /** Closes a view and every view pushed on top of it (an empty ack, the close button). */
  close(viewId: string): void {
    const index = this.stack.findIndex((open) => open.id === viewId);
    if (index === -1) return;
    this.stack = this.stack.slice(0, index);
    this.changed();
  }

  /** `response_action: "clear"`. */
  closeAll(): void {
    this.stack = [];
    this.changed();
  }

  /** Resolves once the version is past `after`, or after `timeoutMs`, or when released. */
  waitForChange(after: number, timeoutMs: number): Promise<void> {
    if (this.versionNumber > after) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Answers every waiting long-poll now (the server is stopping). */
  releaseWaiters(): void {
    for (const done of [...this.waiters]) done();
  }

  private fresh(view: Json): OpenView {
    return {
      id: `V${randomBytes(5).toString('hex').toUpperCase()}`,
      hash: newHash(),
      view,
      errors: {},
      notice: undefined,
      revision: 0,
    };
  }

  private changed(): void {
    this.versionNumber += 1;
    for (const done of [...this.waiters]) done();
  }
}

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
}
