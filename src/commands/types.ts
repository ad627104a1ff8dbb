/**
 * The shapes of the command table: what a platform hands in (an Invocation: who, where, how they can be
 * answered) and what a command hands back (a Reply: cards and texts, never a platform call). Teams and
 * Slack turn their events into these and deliver the Reply; nothing here knows either platform.
 */
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { SpendGuard } from '../guardrails/spend-guard';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/port';
import type { Actor } from '../provisioning/outcome';
import type { Provisioning } from '../provisioning/service';

export type Platform = 'teams' | 'slack';

/** One person's command, button press or form submission, as a platform saw it. */
export interface Invocation {
  platform: Platform;
  workspaceId: string;
  actor: Actor;
  /** How the platform writes a mention of the actor in message text (Slack `<@U1>`, Teams the name). */
  mention: string;
  /** BOT_ADMINS or, in Slack, the workspace's admins and owners. Called only when a command needs it. */
  isAdmin(): Promise<boolean>;
  /** Forms submit with Action.Submit instead of Action.Execute (Bot Framework Emulator, or answering one). */
  useSubmit: boolean;
  /** A channel or group chat (outcomes are shared there); `botName` is how to mention the bot in it. */
  conversation: { shared: boolean; botName?: string };
  /** False where a text input cannot hide what is typed (Slack has no password input). */
  hidesSecretInput: boolean;
  /**
   * For a form submission: the form's identity on the platform (Slack view id, Teams card activity id)
   * and the user, so the same submission arriving twice is recognised as one.
   */
  submissionId?: string;
}

/** A card and the plain text that stands for it (notifications, screen readers, Slack's `text`). */
export interface Message {
  card: AdaptiveCard;
  text: string;
}

/** A form a command shows: its submit verb, Slack's view callback_id, and a modal title (≤ 24 characters). */
export interface FormSpec {
  verb: string;
  callbackId: string;
  title: string;
}

/** What a command, action or submission answers. */
export interface Reply extends Message {
  /** The card is a form (shown again after a submission: values kept, errors shown). */
  form?: FormSpec;
  /** Field problems by input id, for platforms that show them inline (Slack's `response_action: errors`). */
  fieldErrors?: Record<string, string>;
  /** What everyone in the conversation should see (who created or deleted what). */
  announce?: Message;
  /** A form-free version for when the reply cannot be shown where it was meant to (a closed modal). */
  standalone?: Message;
  /**
   * Later versions of this reply (a training's status): each replaces the reply's card where it was
   * shown, for everyone in the conversation (Teams updates the message, Slack posts the reply to the
   * channel and chat.updates it). Ends by itself; the platform aborts `signal` when the server stops.
   */
  updates?: (signal: AbortSignal) => AsyncIterable<Message>;
}

/** What every command gets besides the invocation. */
export interface CommandDeps {
  provisioning: Provisioning;
  /** BOT_ADMINS, to say whether anyone is listed. */
  admins: readonly string[];
  logger: Logger;
  /** Limits on Face-spending commands and actions, and Face's own pace (absent: no guardrails). */
  guard?: SpendGuard;
  /** Where requests and in-flight work are reported (absent: nowhere). */
  metrics?: Metrics;
}

/** A typed command: `/persongroup <name> [args…]`. */
export interface Command {
  name: string;
  aliases?: readonly string[];
  /** "/persongroup create [id [name…]]" */
  usage: string;
  /** One line for help. */
  summary: string;
  /** Running it calls the Face API: it counts against the per-user and per-workspace limits. */
  spendsFace?: true;
  /** Runs it; `args` are the words after the command's name, `rest` the text after it as typed. */
  run(invocation: Invocation, args: CommandArgs, deps: CommandDeps): Promise<Reply>;
}

export interface CommandArgs {
  words: readonly string[];
  /** The text after the command's name, spacing kept. */
  rest: string;
}

/** A card action or form submission, by verb. `data` is the action's data merged with the input values. */
export interface Action {
  verb: string;
  /** The form this verb submits, when it is a form's submit (Slack routes view submissions by it). */
  form?: FormSpec;
  /** Running it calls the Face API: it counts against the per-user and per-workspace limits. */
  spendsFace?: true;
  /** Shown while the outcome takes longer than the platform lets an answer wait. */
  progress?(data: Readonly<Record<string, unknown>>): Message;
  run(invocation: Invocation, data: Readonly<Record<string, unknown>>, deps: CommandDeps): Promise<Reply>;
}
