import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { primeOutboundToken } from './bot-outbound-token';
import { type OpenIdAuthority, startOpenIdAuthority } from './openid-authority';
import { createInputs, executeInvoke, TENANT_ID, textMessage } from './teams-activities';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from './teams-harness';

export interface AuthenticatedTeamsBotOptions {
  appId: string;
  /** SingleTenant needs `tenantId`. Default MultiTenant. */
  appType?: 'MultiTenant' | 'SingleTenant';
  tenantId?: string;
  /** Sets ToBotFromChannelTokenIssuer; the channel authority signs with it. Default: botbuilder's own. */
  channelIssuer?: string;
  /** The issuer of the AAD stand-in (default: the bot's tenant's v2 issuer, or botframework.com's). */
  aadIssuer?: string;
}

/** Where the turn logic leaves marks: the Face emulator, the audit, the connector. */
export interface TurnTraces {
  faceRequests: number;
  auditEntries: number;
  connectorCalls: number;
}

/** A token the bot must refuse, and the channel of the activity it comes on (default msteams). */
export interface RefusedToken {
  /** What is wrong with it, for the test name. */
  token: string;
  sign: (bot: AuthenticatedTeamsBot) => string;
  channelId?: string;
}

export interface AuthenticatedTeamsBot {
  harness: TeamsHarness;
  /** login.botframework.com's stand-in: the keys (endorsed for msteams) of Teams' channel tokens. */
  channel: OpenIdAuthority;
  /** AAD's stand-in, botbuilder's ToBotFromEmulatorOpenIdMetadataUrl: the keys of AAD-issued tokens. */
  aad: OpenIdAuthority;
  /** The token the bot sends to the connector (see primeOutboundToken). */
  outboundToken: string;
  /** POSTs an activity with `Authorization: Bearer <token>`. */
  postWithToken(activity: unknown, token: string): Promise<BotResponse>;
  traces(): Promise<TurnTraces>;
  /**
   * Sends a create (an invoke that calls Face and is audited) and a help message (answered through the
   * connector) with `token`: their statuses, and the turn traces before and after.
   */
  attempt(
    token: string,
    channelId?: string,
  ): Promise<{ statuses: number[]; before: TurnTraces; after: TurnTraces }>;
  close(): Promise<void>;
}

/** A v2 AAD issuer of `tenant`, as botbuilder lists them. */
export const aadIssuerOf = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;

/**
 * The whole bot with Bot Framework credentials, configured from environment variables through
 * loadConfig, its token sources pointed at two local OpenID authorities, its workspace (TENANT_ID)
 * given a Face key, and its outbound token primed, so that an accepted request runs to the end offline.
 */
export async function startAuthenticatedTeamsBot(
  options: AuthenticatedTeamsBotOptions,
): Promise<AuthenticatedTeamsBot> {
  const channel = await startOpenIdAuthority({
    issuer: options.channelIssuer ?? 'https://api.botframework.com',
    endorsements: ['msteams'],
  });
  const tenant = options.tenantId ?? 'botframework.com';
  const aad = await startOpenIdAuthority({
    issuer: options.aadIssuer ?? aadIssuerOf(tenant),
    metadataPath: `/${tenant}/v2.0/.well-known/openid-configuration`,
  });
  const config = loadConfig({
    SECRET_KEY: randomBytes(32).toString('base64'),
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppType: options.appType ?? 'MultiTenant',
    ...(options.tenantId ? { MicrosoftAppTenantId: options.tenantId } : {}),
    ToBotFromChannelOpenIdMetadataUrl: channel.metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: aad.metadataUrl,
    ...(options.channelIssuer ? { ToBotFromChannelTokenIssuer: options.channelIssuer } : {}),
  });
  const harness = await startTeamsHarness({
    localMode: false,
    ...(config.teams ? { teams: config.teams } : {}),
  });
  const configured = await harness.provisioning.configureWorkspace({
    workspaceId: `teams:${TENANT_ID}`,
    actor: { id: 'cli', name: 'operator' },
    isAdmin: true,
    values: { region: 'westus', endpoint: '', subscriptionKey: 'face-key-for-auth-tests' },
    verify: false,
  });
  if (configured.kind !== 'configured') throw new Error(`configuring the workspace: ${configured.kind}`);
  const outboundToken = `outbound-${randomBytes(8).toString('hex')}`;
  const forgetOutboundToken = primeOutboundToken(options.appId, outboundToken);
  let attempts = 0;
  const traces = async (): Promise<TurnTraces> => ({
    faceRequests: harness.emulator.requests.length,
    auditEntries: (await harness.store.listAudit()).length,
    connectorCalls: harness.connector.calls.length,
  });
  const postWithToken = (activity: unknown, token: string) =>
    harness.post(activity, { authorization: `Bearer ${token}` });

  return {
    harness,
    channel,
    aad,
    outboundToken,
    postWithToken,
    traces,
    async attempt(token, channelId) {
      attempts += 1;
      const options = { serviceUrl: harness.connector.serviceUrl, ...(channelId ? { channelId } : {}) };
      const before = await traces();
      const create = await postWithToken(
        executeInvoke('personGroupCreate', createInputs(`refused-${attempts}`), options),
        token,
      );
      const help = await postWithToken(textMessage('persongroup help', options), token);
      return { statuses: [create.status, help.status], before, after: await traces() };
    },
    async close() {
      forgetOutboundToken();
      await harness.close();
      await channel.close();
      await aad.close();
    },
  };
}
