import type { AddressInfo } from 'node:net';
import type { AppSummary } from '../../src/app';
import { bannerLines } from '../../src/main';

const address: AddressInfo = { address: '127.0.0.1', family: 'IPv4', port: 3978 };
const local: AppSummary = {
  localMode: true,
  teams: 'local',
  slack: 'off',
  slackOAuth: false,
  emulatorUrl: 'http://127.0.0.1:5100',
  faceOverride: undefined,
  storage: 'SQLite at /srv/bot-state/persongroup-bot.db',
  secretKeyFile: '/srv/bot-state/secret.key',
};

describe('the start-up banner', () => {
  it('names the real data folder and secret key file, not a fixed data/', () => {
    const text = bannerLines(local, address).join('\n');
    expect(text).toContain('SQLite at /srv/bot-state/persongroup-bot.db');
    expect(text).toContain('generated secret key (/srv/bot-state/secret.key)');
    expect(text).not.toContain('data/');
  });

  it('says where the bot listens, the emulator, the playground and how to switch to real credentials', () => {
    const lines = bannerLines(local, address);
    expect(lines[0]).toBe('persongroup-bot listening on http://127.0.0.1:3978');
    const text = lines.join('\n');
    expect(text).toContain('listens on loopback only');
    expect(text).toContain('built-in Face emulator (http://127.0.0.1:5100)');
    expect(text).toContain('npm run playground');
    expect(text).toMatch(/MicrosoftAppId.*SLACK_SIGNING_SECRET/);
    expect(text).toContain('Health: http://127.0.0.1:3978/healthz, readiness: http://127.0.0.1:3978/readyz');
  });

  it('names the Slack sandbox page when local mode stands in for Slack', () => {
    const text = bannerLines({ ...local, slack: 'sandbox' }, address).join('\n');
    expect(text).toContain('open http://127.0.0.1:3978/slack/sandbox and type "/persongroup create"');
    expect(text).toContain('Slack: sandbox at http://127.0.0.1:3978/slack/sandbox');
    expect(text).not.toContain('Slack: off');
  });

  it('claims no generated key when SECRET_KEY is set, and no loopback when HOST is not one', () => {
    const text = bannerLines(
      { ...local, teams: 'off-not-loopback', secretKeyFile: undefined, storage: 'PostgreSQL' },
      { address: '0.0.0.0', family: 'IPv4', port: 3978 },
    ).join('\n');
    expect(text).not.toContain('generated secret key');
    expect(text).not.toContain('loopback only,');
    expect(text).toContain('keeps its settings in PostgreSQL,');
    expect(text).toContain('Teams: off: without MicrosoftAppId the endpoint only runs on a loopback HOST');
  });
});
