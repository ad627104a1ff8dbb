import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsUnauthorizedError } from './errors';

/** Bot Framework credentials, by botbuilder's own setting names (MicrosoftAppId, …). */
export interface TeamsCredentials {
  appId: string;
  appPassword: string | undefined;
  appType: string;
  tenantId: string | undefined;
  /** Where botbuilder gets the keys that sign inbound tokens and which issuer it trusts; unset: Azure's. */
  tokenSources?: BotTokenSources;
}

/** botbuilder's ToBotFromChannelOpenIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl, ToBotFromChannelTokenIssuer. */
export interface BotTokenSources {
  channelOpenIdMetadataUrl: string | undefined;
  emulatorOpenIdMetadataUrl: string | undefined;
  channelTokenIssuer: string | undefined;
}

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * botbuilder's CloudAdapter with the authentication step made explicit. CloudAdapter.process answers a
 * failed token check with 401 only for its own AuthenticationError class and anything else (e.g. the
 * OpenID metadata being unreachable) with 500 and the raw error message; it also throws outside its
 * try for a body without a type. Here every failure of the authentication step is a
 * TeamsUnauthorizedError (→ 401), and the HTTP answer is written by our bridge, never with internals.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  private readonly auth: ConfigurationBotFrameworkAuthentication;

  constructor(auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
    this.auth = auth;
  }

  /** Authenticates the request, then runs `logic` for the activity; resolves to the invoke response, if any. */
  async handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.auth.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw new TeamsUnauthorizedError(error instanceof Error ? error.message : 'token rejected', {
        cause: error,
      });
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * Azure's public cloud as botbuilder's default configuration has it (botframework-connector's
 * AuthenticationConstants, which botbuilder does not re-export).
 */
const PUBLIC_CLOUD: Record<string, string> = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/**
 * Builds the adapter from the Bot Framework credentials (botbuilder's own setting names). Without
 * credentials authentication is off: local clients (Agents Playground, Bot Framework Emulator) are
 * accepted and replies go out without a token. Token sources, when given, replace where botbuilder
 * fetches the signing keys and which issuer it trusts; its validation itself stays untouched.
 */
export function createTeamsAdapter(credentials: TeamsCredentials | undefined): TeamsCloudAdapter {
  const settings: Record<string, string> = {};
  if (credentials) {
    settings.MicrosoftAppId = credentials.appId;
    settings.MicrosoftAppType = credentials.appType;
    if (credentials.appPassword) settings.MicrosoftAppPassword = credentials.appPassword;
    if (credentials.tenantId) settings.MicrosoftAppTenantId = credentials.tenantId;
    Object.assign(settings, tokenSourceSettings(credentials.tokenSources));
  }
  return new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
}

/**
 * botbuilder switches to its "parameterized" mode as soon as one of these settings is set and then
 * takes every unset one as empty (an empty trusted issuer rejects every token): the public cloud's
 * values fill the rest.
 */
function tokenSourceSettings(sources: BotTokenSources | undefined): Record<string, string> {
  const overrides: Record<string, string> = {};
  if (sources?.channelOpenIdMetadataUrl)
    overrides.ToBotFromChannelOpenIdMetadataUrl = sources.channelOpenIdMetadataUrl;
  if (sources?.emulatorOpenIdMetadataUrl)
    overrides.ToBotFromEmulatorOpenIdMetadataUrl = sources.emulatorOpenIdMetadataUrl;
  if (sources?.channelTokenIssuer) overrides.ToBotFromChannelTokenIssuer = sources.channelTokenIssuer;
  return Object.keys(overrides).length === 0 ? {} : { ...PUBLIC_CLOUD, ...overrides };
}
