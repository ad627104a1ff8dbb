/** The texts only the Teams adapter says (command texts live in src/commands/texts.ts). */
export const TEAMS_TEXTS = {
  missingTenant: {
    title: 'No Microsoft 365 tenant',
    text: 'This message did not say which Microsoft 365 tenant it comes from, so the bot cannot tell whose Face API key to use. Use the bot from Microsoft Teams (or the Agents Playground), where every message names its tenant.',
  },
  unknownAction: {
    title: 'This card is out of date',
    text: "The bot does not know this card's action any more. Type persongroup help to start again.",
  },
  stillWorking: {
    title: 'Still working…',
    text: 'The Face API is taking longer than usual. This card updates when it is done.',
  },
  apology: (requestId: string | undefined): { title: string; text: string } => ({
    title: 'Something went wrong',
    text: `Sorry, the bot could not finish that. Please try again in a moment; if it keeps happening, tell whoever runs the bot${requestId ? ` (request id ${requestId})` : ''}.`,
  }),
} as const;
