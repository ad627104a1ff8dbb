import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMMAND_DESCRIPTION_MAX,
  COMMAND_TITLE_MAX,
  fillManifest,
  findManifestProblems,
  LOCAL_APP_ID,
  PackagingConfigError,
  valuesFromEnvironment,
} from '../../scripts/teams-manifest';
import { COMMANDS } from '../../src/commands/table';

const template = readFileSync(join(__dirname, '../../manifest/teams/manifest.json'), 'utf8');
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const APP_ID = '66666666-7777-8888-9999-000000000000';

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
interface Bot {
  botId: string;
  scopes: string[];
  commandLists: CommandList[];
}

function filled(overrides: Partial<Parameters<typeof fillManifest>[1]> = {}) {
  return fillManifest(template, { appId: APP_ID, botId: BOT_ID, ...overrides });
}

describe('the Teams manifest template', () => {
  it('declares manifest version 1.22 with the 1.22 schema URL', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    );
  });

  it('validates against the bundled v1.22 schema once its ids are filled in', async () => {
    await expect(findManifestProblems(filled({ botDomain: 'bot.example.com' }))).resolves.toEqual([]);
  });

  it('still validates with the local placeholder ids and no bot domain', async () => {
    await expect(findManifestProblems(filled({ appId: LOCAL_APP_ID, botId: LOCAL_APP_ID }))).resolves.toEqual(
      [],
    );
  });

  it('fails validation while a placeholder is left as an id, so the validator can fail', async () => {
    const problems = await findManifestProblems(JSON.parse(template));
    expect(problems.some((problem) => problem.startsWith('/id '))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/bots/0/botId '))).toBe(true);
  });

  it('reports a command title over Teams’ 32-character limit that the schema alone would accept', async () => {
    const manifest = filled();
    const bot = (manifest.bots as Bot[])[0] as Bot;
    // Replaced rather than added: every list already holds as many commands as the bot has.
    const [first] = (bot.commandLists[0] as CommandList).commands;
    if (first) first.title = 'x'.repeat(33);
    await expect(findManifestProblems(manifest)).resolves.toEqual([
      `/bots/0/commandLists/0/commands/0/title is over ${COMMAND_TITLE_MAX} characters`,
    ]);
  });

  it('puts the bot id in bots[0].botId and the app id in id', () => {
    const manifest = filled();
    expect(manifest.id).toBe(APP_ID);
    expect((manifest.bots as Bot[])[0]?.botId).toBe(BOT_ID);
  });

  it('offers the bot in personal chat, teams and group chats', () => {
    expect((filled().bots as Bot[])[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it.each(['personal', 'team', 'groupChat'])(
    'lists every command of the command table, and help, in their order for the %s scope',
    (scope) => {
      const lists =
        (filled().bots as Bot[])[0]?.commandLists.filter((list) => list.scopes.includes(scope)) ?? [];
      const titles = lists.flatMap((list) => list.commands.map((command) => command.title));
      const expected = [...COMMANDS.map((command) => command.name), 'help'].map(
        (name) => `persongroup ${name}`,
      );
      expect(titles).toEqual(expected);
    },
  );

  it('starts the description of every command that takes arguments with its usage, as help shows it', () => {
    const commands = (filled().bots as Bot[])[0]?.commandLists[0]?.commands ?? [];
    for (const { name, usage } of COMMANDS.filter((command) => / [[<]/.test(command.usage))) {
      const command = commands.find((candidate) => candidate.title === `persongroup ${name}`);
      expect(command?.description.startsWith(`${usage.replace(/^\//, '')}: `)).toBe(true);
    }
  });

  it('keeps every command title and description within Teams’ limits', () => {
    for (const list of (filled().bots as Bot[])[0]?.commandLists ?? []) {
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(COMMAND_TITLE_MAX);
        expect(command.description.length).toBeLessThanOrEqual(COMMAND_DESCRIPTION_MAX);
      }
    }
  });

  it('lists the bot domain in validDomains when one is given, and none otherwise', () => {
    expect(filled({ botDomain: 'bot.example.com' }).validDomains).toEqual(['bot.example.com']);
    expect(filled().validDomains).toEqual([]);
  });

  it('refuses a template with an unknown placeholder instead of shipping it', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's `${{NAME}}` syntax, not a JS template
    const typo = '${{TEAMS_APPID}}';
    expect(() => fillManifest(`{"id": "${typo}"}`, { appId: APP_ID, botId: BOT_ID })).toThrow(
      new PackagingConfigError(`unknown placeholder ${typo} in the manifest`),
    );
  });
});

describe('the ids taken from the environment', () => {
  it('uses MicrosoftAppId for both the bot id and the app id when TEAMS_APP_ID is not set', () => {
    expect(valuesFromEnvironment({ MicrosoftAppId: BOT_ID }, false)).toEqual({
      appId: BOT_ID,
      botId: BOT_ID,
    });
  });

  it('uses TEAMS_APP_ID for the app id when it is set', () => {
    expect(valuesFromEnvironment({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: APP_ID }, false)).toEqual({
      appId: APP_ID,
      botId: BOT_ID,
    });
  });

  it('says how to fix a missing MicrosoftAppId', () => {
    expect(() => valuesFromEnvironment({}, false)).toThrow(/MicrosoftAppId is not set.*--local/);
  });

  it('rejects ids that are not GUIDs and a bot domain given as a URL', () => {
    expect(() => valuesFromEnvironment({ MicrosoftAppId: 'my-bot' }, false)).toThrow(
      'MicrosoftAppId must be a GUID, got "my-bot"',
    );
    expect(() => valuesFromEnvironment({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: 'x' }, false)).toThrow(
      'TEAMS_APP_ID must be a GUID, got "x"',
    );
    expect(() => valuesFromEnvironment({ BOT_DOMAIN: 'https://bot.example.com' }, true)).toThrow(
      /BOT_DOMAIN/,
    );
  });

  it('uses the fixed local GUID with --local and ignores MicrosoftAppId', () => {
    expect(valuesFromEnvironment({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'localhost:3978' }, true)).toEqual({
      appId: LOCAL_APP_ID,
      botId: LOCAL_APP_ID,
      botDomain: 'localhost:3978',
    });
  });
});
