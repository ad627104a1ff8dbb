/** The texts only the Slack adapter says (command texts live in src/commands/texts.ts). */
export const SLACK_TEXTS = {
  /** A modal's title when no form names one. */
  fallbackTitle: 'persongroup-bot',
  /** The plain-text fallback of a notice message. */
  noticeFallback: (title: string, text: string): string => `${title}: ${text}`,
  formNotOpened: {
    title: 'The form could not be opened',
    text: 'Slack did not accept it in time. Please run the command again.',
  },
  /** What a user sees when Slack sent a form the bot cannot read. */
  unreadableForm: {
    title: 'This form could not be read',
    text: 'Slack sent the form without parts the bot needs. Close it and run the `/persongroup` command again.',
  },
  /** A submission's progress view when its action names none. */
  working: {
    title: 'Working…',
    text: 'This view updates when it is done.',
  },
  /** An unexpected failure of a submission, saying what may not have happened. */
  unexpected: {
    title: 'Something went wrong on our side',
    text: 'What you asked for may not have been done. Please try again in a minute; if it keeps failing, tell the bot’s operator.',
  },
} as const;
