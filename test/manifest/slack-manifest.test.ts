import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HELP_USAGE } from '../../src/commands/help';
import { COMMANDS } from '../../src/commands/table';

interface SlackManifest {
  display_information: { name: string; description: string };
  features: {
    bot_user: { display_name: string };
    app_home?: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    slash_commands: { command: string; url?: string; usage_hint: string; description: string }[];
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const load = (name: string) =>
  parse(readFileSync(join(__dirname, '../../manifest/slack', name), 'utf8')) as SlackManifest;

describe.each([
  ['manifest.yml', false],
  ['manifest.socket-mode.yml', true],
])('the Slack app manifest %s', (file, socketMode) => {
  const manifest = load(file);

  it('has the /persongroup slash command whose usage hint names every command as help shows it', () => {
    const usages = [...COMMANDS.map((command) => command.usage), HELP_USAGE.usage];
    const hint = usages.map((usage) => usage.replace(/^\/persongroup /, '')).join(' | ');
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/persongroup', usage_hint: hint }),
    ]);
    // The limits of Slack's manifest schema (slackapi/manifest-schema).
    expect(hint.length).toBeLessThanOrEqual(1000);
    expect(manifest.features.slash_commands[0]?.description.length).toBeLessThanOrEqual(2000);
  });

  it('asks for exactly the bot scopes commands, chat:write and users:read', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'commands', 'users:read']);
  });

  it('has a bot user, interactivity on (form submissions and list buttons), and the uninstall and token-revoked events', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('opens the Messages tab, read-only, so the bot can tell a user directly when a channel post fails', () => {
    expect(manifest.features.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
  });

  it(`has socket_mode_enabled ${socketMode}`, () => {
    expect(manifest.settings.socket_mode_enabled).toBe(socketMode);
  });
});

describe('the HTTP Slack manifest', () => {
  const manifest = load('manifest.yml');

  it('sends the slash command, interactivity and events to /slack/events over https', () => {
    const urls = [
      manifest.features.slash_commands[0]?.url,
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });

  it('has an OAuth redirect URL for multi-workspace installs', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR_HOST/slack/oauth_redirect']);
  });
});

describe('the Socket Mode Slack manifest', () => {
  it('has no request URLs, since Slack talks to the bot over its WebSocket', () => {
    const text = readFileSync(join(__dirname, '../../manifest/slack/manifest.socket-mode.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*-?\s*(url|request_url):/m);
  });
});
