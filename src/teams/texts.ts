/** The texts only the Teams adapter says (Face and card texts live in src/face/messages and src/cards/texts). */
export const TEAMS_TEXTS = {
  usageInSharedConversation: (botName: string): string =>
    `In a channel or group chat, mention the bot first: @${botName} persongroup create.`,
  missingTenant: {
    title: 'No Microsoft 365 tenant',
    text: 'This message did not say which Microsoft 365 tenant it comes from, so the bot cannot tell whose Face API key to use. Use the bot from Microsoft Teams (or the Agents Playground), where every message names its tenant.',
  },
  notAdmin: (objectId: string | undefined, anyAdmin: boolean): { title: string; text: string } => ({
    title: 'Only bot admins can configure the Face API',
    text: [
      "The Face API key and region of this workspace can be set by the admins listed in the bot's BOT_ADMINS setting (by Microsoft Entra object id).",
      anyAdmin
        ? 'Ask one of them to run persongroup config.'
        : 'No admin is listed yet: ask whoever runs the bot to add one.',
      objectId ? `Your object id is ${objectId}.` : '',
    ]
      .filter((part) => part !== '')
      .join(' '),
  }),
  currentTarget: (label: string): string => `This workspace currently uses ${label}.`,
  unknownAction: {
    title: 'This card is out of date',
    text: "The bot does not know this card's action any more. Type persongroup help to start again.",
  },
  apology: (requestId: string | undefined): { title: string; text: string } => ({
    title: 'Something went wrong',
    text: `Sorry, the bot could not finish that. Please try again in a moment; if it keeps happening, tell whoever runs the bot${requestId ? ` (request id ${requestId})` : ''}.`,
  }),
} as const;
