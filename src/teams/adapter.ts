import {
  type Activity,
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
 * Builds the adapter from the Bot Framework credentials (botbuilder's own setting names). Without
 * credentials authentication is off: local clients (Agents Playground, Bot Framework Emulator) are
 * accepted and replies go out without a token.
 */
export function createTeamsAdapter(credentials: TeamsCredentials | undefined): TeamsCloudAdapter {
  const settings: Record<string, string> = {};
  if (credentials) {
    settings.MicrosoftAppId = credentials.appId;
    settings.MicrosoftAppType = credentials.appType;
    if (credentials.appPassword) settings.MicrosoftAppPassword = credentials.appPassword;
    if (credentials.tenantId) settings.MicrosoftAppTenantId = credentials.tenantId;
  }
  return new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
}
