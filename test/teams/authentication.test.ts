import {
  type AuthenticatedTeamsBot,
  type RefusedToken,
  startAuthenticatedTeamsBot,
} from '../helpers/authenticated-teams-bot';
import { generateSigningKey, signJwt, tamperedJwt, unsignedJwt, validFor } from '../helpers/jwt';
import { createInputs, executeInvoke, textMessage } from '../helpers/teams-activities';

const APP_ID = '3c8f2a61-5d4e-4b7a-9c1f-0a0000000001';
const OTHER_APP_ID = '3c8f2a61-5d4e-4b7a-9c1f-0a0000000002';
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

// botbuilder's token extractor writes every refused token's error (and the public key) to console.error
let quietBotbuilder: jest.SpyInstance;
beforeAll(() => {
  quietBotbuilder = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => quietBotbuilder.mockRestore());

/** The claims of a token the Bot Framework channel service sends to `bot`, valid for an hour. */
function channelClaims(bot: AuthenticatedTeamsBot, changes: Record<string, unknown> = {}) {
  return {
    iss: bot.channel.issuer,
    aud: APP_ID,
    serviceurl: bot.harness.connector.serviceUrl,
    ...validFor(0, 1),
    ...changes,
  };
}

describe('Teams authentication of a multi-tenant bot, against a local OpenID authority', () => {
  let bot: AuthenticatedTeamsBot;
  beforeAll(async () => {
    bot = await startAuthenticatedTeamsBot({ appId: APP_ID });
  });
  afterAll(() => bot.close());

  it('accepts a channel token signed with a published key: the create runs, calls Face and is audited', async () => {
    const before = await bot.traces();
    const response = await bot.postWithToken(
      executeInvoke('personGroupCreate', createInputs('accepted-group'), {
        serviceUrl: bot.harness.connector.serviceUrl,
      }),
      bot.channel.sign(channelClaims(bot)),
    );

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(bot.harness.emulator.requests.slice(before.faceRequests)).toEqual([
      expect.objectContaining({ method: 'PUT', path: '/face/v1.0/persongroups/accepted-group' }),
    ]);
    const audit = await bot.harness.store.listAudit();
    expect(audit[0]).toMatchObject({ personGroupId: 'accepted-group', outcome: 'created' });
    expect(bot.channel.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
  });

  it('accepts a channel token on a message and replies through the connector with the bot’s own token', async () => {
    const before = await bot.traces();
    const response = await bot.postWithToken(
      textMessage('persongroup help', { serviceUrl: bot.harness.connector.serviceUrl }),
      bot.channel.sign(channelClaims(bot)),
    );

    expect(response.status).toBe(200);
    const reply = await bot.harness.connector.waitForCalls(before.connectorCalls + 1);
    expect(reply.at(-1)?.authorization).toBe(`Bearer ${bot.outboundToken}`);
  });

  const refused: RefusedToken[] = [
    {
      token: 'a token for another bot (another app id as audience)',
      sign: (b) => b.channel.sign(channelClaims(b, { aud: OTHER_APP_ID })),
    },
    {
      token: 'a token from another issuer, signed with the published key',
      sign: (b) => b.channel.sign(channelClaims(b, { iss: 'https://api.botframework.com.attacker.example' })),
    },
    {
      token: 'an expired token (beyond botbuilder’s five minutes of clock tolerance)',
      sign: (b) => b.channel.sign(channelClaims(b, validFor(-2, -1))),
    },
    {
      token: 'a token not valid yet',
      sign: (b) => b.channel.sign(channelClaims(b, validFor(1, 2))),
    },
    {
      token: 'an unsigned token (alg none)',
      sign: (b) => unsignedJwt(channelClaims(b), b.channel.key.keyId),
    },
    {
      token: 'a token signed with a key the authority does not publish',
      sign: (b) => signJwt(channelClaims(b), generateSigningKey('unpublished-key')),
    },
    {
      token: 'a token signed with another key under the published key id',
      sign: (b) => signJwt(channelClaims(b), generateSigningKey(b.channel.key.keyId)),
    },
    {
      token: 'a token whose payload was changed after signing (audience rewritten to this bot)',
      sign: (b) => tamperedJwt(b.channel.sign(channelClaims(b, { aud: OTHER_APP_ID })), { aud: APP_ID }),
    },
    {
      token: 'a token issued for another service URL than the activity’s',
      sign: (b) => b.channel.sign(channelClaims(b, { serviceurl: 'https://smba.attacker.example/' })),
    },
    {
      token: 'a token on an activity from a channel the signing key is not endorsed for',
      sign: (b) => b.channel.sign(channelClaims(b)),
      channelId: 'webchat',
    },
  ];

  it.each(refused)(
    'answers $token with 401 and runs no turn: no Face call, no audit entry, no reply',
    async ({ sign, channelId }) => {
      const { statuses, before, after } = await bot.attempt(sign(bot), channelId);
      expect(statuses).toEqual([401, 401]);
      expect(after).toEqual(before);
    },
  );
});

describe('Teams authentication with ToBotFromChannelTokenIssuer set', () => {
  const ISSUER = 'https://issuer.private-cloud.example';
  let bot: AuthenticatedTeamsBot;
  beforeAll(async () => {
    bot = await startAuthenticatedTeamsBot({ appId: APP_ID, channelIssuer: ISSUER });
  });
  afterAll(() => bot.close());

  it('accepts a token from the configured issuer', async () => {
    const response = await bot.postWithToken(
      executeInvoke('personGroupCreate', createInputs('private-cloud-group'), {
        serviceUrl: bot.harness.connector.serviceUrl,
      }),
      bot.channel.sign(channelClaims(bot)),
    );
    expect(response.status).toBe(200);
    expect(await bot.harness.store.listAudit()).toEqual([
      expect.objectContaining({ personGroupId: 'private-cloud-group', outcome: 'created' }),
      expect.objectContaining({ action: expect.stringMatching(/config/) }),
    ]);
  });

  it('answers a token from the public cloud’s issuer with 401 once another issuer is configured', async () => {
    const { statuses, before, after } = await bot.attempt(
      bot.channel.sign(channelClaims(bot, { iss: BOT_FRAMEWORK_ISSUER })),
    );
    expect(statuses).toEqual([401, 401]);
    expect(after).toEqual(before);
  });
});
