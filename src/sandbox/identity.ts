/**
 * Who is who in the sandbox: one workspace, one channel, one person (you, the workspace's owner, so
 * `/persongroup config` opens too) and the bot. The workspace id is `slack:T0SANDBOX`; in local mode it
 * has no Face key of its own, so its person groups are created in the built-in Face emulator.
 */
export const SANDBOX = {
  team: { id: 'T0SANDBOX', domain: 'sandbox' },
  channel: { id: 'C0SANDBOX', name: 'sandbox' },
  user: { id: 'U0SANDBOX', name: 'you' },
  bot: { userId: 'U0BOT', botId: 'B0BOT', name: 'persongroup-bot' },
  appId: 'A0SANDBOX',
  command: '/persongroup',
} as const;

/** The names the renderer shows for mentions. */
export const SANDBOX_NAMES = {
  users: { [SANDBOX.user.id]: SANDBOX.user.name, [SANDBOX.bot.userId]: SANDBOX.bot.name },
  channels: { [SANDBOX.channel.id]: SANDBOX.channel.name },
};
