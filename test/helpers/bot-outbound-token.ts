import { AppCredentials } from 'botframework-connector';

/** The scope botbuilder asks for when the bot calls the Bot Framework connector. */
const CONNECTOR_SCOPE = 'https://api.botframework.com';

/**
 * Gives the bot its outbound token without login.microsoftonline.com. botbuilder gets it through MSAL,
 * which accepts only https authorities and asks login.microsoftonline.com to vouch for any host it does
 * not know (instance discovery), so no setting (ToChannelFromBotLoginUrl) can point it at a local token
 * endpoint. Before MSAL, botbuilder looks in its process-wide token cache (AppCredentials.cache, keyed by
 * app id and scope): the token put there is the one the bot sends, as if it had just logged in.
 * Returns a function that removes it again.
 */
export function primeOutboundToken(appId: string, accessToken: string): () => void {
  const cacheKey = `${appId}${CONNECTOR_SCOPE}-cache`;
  // private in its typings; if botbuilder drops this cache, the reply tests fail on the MSAL call
  const { cache } = AppCredentials as unknown as {
    cache: Map<string, { accessToken: string; expiresOn: Date }>;
  };
  cache.set(cacheKey, { accessToken, expiresOn: new Date(Date.now() + 60 * 60 * 1000) });
  return () => {
    cache.delete(cacheKey);
  };
}
