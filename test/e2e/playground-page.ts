import type { Locator, Page } from 'playwright-core';

/** The bot's display name in the Playground's default configuration (the @mention picker shows it). */
export const PLAYGROUND_BOT_NAME = 'Test Bot';

/**
 * The Agents Playground web UI as a user sees it, with the selectors that proved stable (Playground
 * 0.2.x): conversations are tree items named by their label, the compose box is the Lexical editor,
 * bot cards are rendered by the adaptivecards library (`.ac-adaptiveCard`), and card inputs are text
 * boxes named by their label (the element ids are generated, not the card's input ids).
 */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  /** Opens the UI and waits for the compose box. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.compose().waitFor();
  }

  /** The 1:1 chat with the bot (the Playground's start view). */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await this.compose().waitFor();
  }

  /** A channel of the Playground's mocked team ("My Team"): General or Announcements. */
  async openChannel(channel: 'General' | 'Announcements'): Promise<void> {
    await this.page.getByRole('treeitem', { name: `My Team - ${channel}` }).click();
    await this.compose().waitFor();
  }

  /** The message editor; in a channel the first one starts a new post (the others reply in threads). */
  compose(): Locator {
    return this.page.locator('[data-lexical-editor="true"]').first();
  }

  /** Every Adaptive Card in the open conversation, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Sends a chat message (personal or group chat) and returns the card the bot answers with. */
  async sendAndAwaitCard(text: string): Promise<Locator> {
    const before = await this.cards().count();
    await this.compose().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    // Chats list messages oldest first: the answer is appended.
    await this.cards().nth(before).waitFor();
    return this.cards().nth(before);
  }

  /** Starts a channel post "@Bot <text>" with a real mention entity and returns the bot's card. */
  async postMentioningBotAndAwaitCard(text: string): Promise<Locator> {
    const before = await this.cards().count();
    await this.compose().click();
    await this.page.keyboard.type(`@${PLAYGROUND_BOT_NAME.slice(0, 4)}`);
    await this.page.getByRole('menuitem', { name: new RegExp(PLAYGROUND_BOT_NAME) }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    // A channel lists threads newest first, and the bot answers inside the new thread: its card is the
    // first one once one more card is shown.
    await this.cards().nth(before).waitFor();
    return this.cards().first();
  }
}

/** A card's text input, found by its label ("Person group id"); the label may be followed by an error. */
export function cardTextInput(card: Locator, label: string): Locator {
  return card.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(label)}`) });
}

/**
 * The row of a list card that shows `text` exactly (e.g. a group id): the innermost card container
 * holding it, so its buttons are that row's own.
 */
export function cardRow(card: Locator, text: string): Locator {
  return card
    .locator('.ac-container')
    .filter({ has: card.page().getByText(text, { exact: true }) })
    .last();
}

/** A card's action button by its title. */
export function cardButton(card: Locator, title: string): Locator {
  return card.getByRole('button', { name: title, exact: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
