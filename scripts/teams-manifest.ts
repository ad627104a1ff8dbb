/**
 * The Teams app manifest as shipped: manifest/teams/manifest.json is a template whose `${{NAME}}`
 * placeholders (the Teams Toolkit convention) are filled at packaging time, then checked offline
 * against the v1.22 schema bundled in @microsoft/app-manifest (never fetched from the network).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';

/**
 * The ids of a `--local` package: a fixed, obviously fake GUID. Such a package checks the manifest and icons
 * without an Azure Bot (CI, inspection); it cannot be uploaded to Teams, and the Agents Playground needs no
 * package at all (it does not read manifests).
 */
export const LOCAL_APP_ID = '00000000-0000-0000-0000-000000000000';

/** Teams' documented limits for bot commands (the v1.22 schema itself allows more). */
export const COMMAND_TITLE_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 128;

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DOMAIN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** A setting the operator has to fix (missing or malformed id or domain); the packaging exits with 2. */
export class PackagingConfigError extends Error {
  override readonly name = 'PackagingConfigError';
}

/** The filled manifest breaks the schema or Teams' limits; `problems` lists each finding. */
export class ManifestInvalidError extends Error {
  override readonly name = 'ManifestInvalidError';
  constructor(readonly problems: readonly string[]) {
    super(`the Teams manifest is invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** What the template's placeholders are filled with. */
export interface ManifestValues {
  /** The Teams app id (`id`). */
  appId: string;
  /** The Azure Bot's Microsoft App ID (`bots[0].botId`). */
  botId: string;
  /** Host name of the bot's public endpoint, listed in validDomains; omitted when unknown. */
  botDomain?: string;
}

/**
 * Values from the environment: botId is MicrosoftAppId, the app id is TEAMS_APP_ID or else the same
 * MicrosoftAppId (one id for both is what Azure Bot registrations usually use), BOT_DOMAIN is optional.
 * `local` ignores the ids and uses {@link LOCAL_APP_ID}.
 */
export function valuesFromEnvironment(env: NodeJS.ProcessEnv, local: boolean): ManifestValues {
  const domain = env.BOT_DOMAIN?.trim();
  if (domain && !DOMAIN.test(domain)) {
    throw new PackagingConfigError(
      `BOT_DOMAIN must be a host name such as bot.example.com (no https://), got "${domain}"`,
    );
  }
  const botDomain = domain ? { botDomain: domain } : {};
  if (local) return { appId: LOCAL_APP_ID, botId: LOCAL_APP_ID, ...botDomain };
  const botId = env.MicrosoftAppId?.trim();
  if (!botId) {
    throw new PackagingConfigError(
      "MicrosoftAppId is not set: set it to your Azure Bot's Microsoft App ID, or pass --local for a check-only package with placeholder ids",
    );
  }
  const appId = env.TEAMS_APP_ID?.trim() || botId;
  for (const [name, value] of [
    ['MicrosoftAppId', botId],
    ['TEAMS_APP_ID', appId],
  ] as const) {
    if (!GUID.test(value)) throw new PackagingConfigError(`${name} must be a GUID, got "${value}"`);
  }
  return { appId, botId, ...botDomain };
}

/** Fills the template's placeholders; an unknown placeholder is an error so a typo cannot ship. */
export function fillManifest(template: string, values: ManifestValues): Record<string, unknown> {
  const byName: Record<string, string> = {
    TEAMS_APP_ID: values.appId,
    MicrosoftAppId: values.botId,
    BOT_DOMAIN: values.botDomain ?? '',
  };
  const text = template.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = byName[name];
    if (value === undefined)
      throw new PackagingConfigError(`unknown placeholder \${{${name}}} in the manifest`);
    return value;
  });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (Array.isArray(manifest.validDomains)) {
    manifest.validDomains = manifest.validDomains.filter((domain) => domain !== '');
  }
  return manifest;
}

/** The JSON schema for a Teams manifest version, read from @microsoft/app-manifest's bundled copy. */
export function bundledTeamsSchema(manifestVersion: string): object {
  const file = join(
    dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  // The published schemas contain `\a` and `\v` escapes that JSON does not allow; the library cleans them alike.
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

/** Every problem with a filled manifest: schema errors, then command titles/descriptions over Teams' limits. */
export async function findManifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const schema = bundledTeamsSchema(version) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  for (const [path, command] of commandsOf(manifest)) {
    if (String(command.title).length > COMMAND_TITLE_MAX)
      problems.push(`${path}/title is over ${COMMAND_TITLE_MAX} characters`);
    if (String(command.description).length > COMMAND_DESCRIPTION_MAX) {
      problems.push(`${path}/description is over ${COMMAND_DESCRIPTION_MAX} characters`);
    }
  }
  return problems;
}

/** A command as written, unchecked: the schema reports a missing title or description. */
interface BotCommand {
  title?: unknown;
  description?: unknown;
}

function* commandsOf(manifest: Record<string, unknown>): Generator<[string, BotCommand]> {
  const bots = (manifest.bots ?? []) as { commandLists?: { commands?: BotCommand[] }[] }[];
  for (const [b, bot] of bots.entries()) {
    for (const [l, list] of (bot.commandLists ?? []).entries()) {
      for (const [c, command] of (list.commands ?? []).entries()) {
        yield [`/bots/${b}/commandLists/${l}/commands/${c}`, command];
      }
    }
  }
}
