import type { Locator, Page } from 'playwright-core';

/** The Slack sandbox page (/slack/sandbox) as a person uses it: the composer, the channel, the modal. */
export class SlackSandboxPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.composer().waitFor();
  }

  composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message #sandbox' });
  }

  /** Types a line in the composer and sends it, as in Slack. */
  async type(line: string): Promise<void> {
    await this.composer().fill(line);
    await this.composer().press('Enter');
  }

  /** The open modal. */
  modal(): Locator {
    return this.page.getByRole('dialog');
  }

  /** A text input of the modal by its label (an optional one's label ends in "(optional)"). */
  field(label: string): Locator {
    return this.modal().getByRole('textbox', { name: new RegExp(`^${label}`) });
  }

  /** The messages in #sandbox, oldest first. */
  messages(): Locator {
    return this.page.locator('.sb-message');
  }
}
