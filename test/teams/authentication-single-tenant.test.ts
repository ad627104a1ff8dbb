import {
  type AuthenticatedTeamsBot,
  aadIssuerOf,
  type RefusedToken,
  startAuthenticatedTeamsBot,
} from '../helpers/authenticated-teams-bot';
import { generateSigningKey, signJwt, tamperedJwt, unsignedJwt, validFor } from '../helpers/jwt';
import { createInputs, executeInvoke, textMessage } from '../helpers/teams-activities';

const APP_ID = '9b1e4d27-6a3c-4f85-b2d0-0b0000000001';
const OTHER_APP_ID = '9b1e4d27-6a3c-4f85-b2d0-0b0000000002';
/** The bot's own Entra tenant (MicrosoftAppTenantId). */
const BOT_TENANT = '4f6a8c2e-1b3d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER_TENANT = 'e2d4c6b8-a0f1-4e3d-9c5b-7a6f8e0d2c1b';

// botbuilder's token extractor writes every refused token's error (and the public key) to console.error
let quietBotbuilder: jest.SpyInstance;
beforeAll(() => {
  quietBotbuilder = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => quietBotbuilder.mockRestore());

/** A v2 token Entra issues in the bot's tenant to the bot's own app (azp), as a single-tenant bot receives. */
function tenantClaims(changes: Record<string, unknown> = {}) {
  return {
    iss: aadIssuerOf(BOT_TENANT),
    tid: BOT_TENANT,
    ver: '2.0',
    azp: APP_ID,
    aud: APP_ID,
    ...validFor(0, 1),
    ...changes,
  };
}

describe('Teams authentication of a single-tenant bot (MicrosoftAppTenantId), against local OpenID authorities', () => {
  let bot: AuthenticatedTeamsBot;
  beforeAll(async () => {
    bot = await startAuthenticatedTeamsBot({ appId: APP_ID, appType: 'SingleTenant', tenantId: BOT_TENANT });
  });
  afterAll(() => bot.close());

  const createWith = async (token: string, personGroupId: string) =>
    bot.postWithToken(
      executeInvoke('personGroupCreate', createInputs(personGroupId), {
        serviceUrl: bot.harness.connector.serviceUrl,
      }),
      token,
    );

  it('accepts a token issued by its tenant (v2 issuer): the create runs, calls Face and is audited', async () => {
    const response = await createWith(bot.aad.sign(tenantClaims()), 'tenant-v2-group');

    expect(response.status).toBe(200);
    expect(bot.harness.emulator.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'PUT /face/v1.0/persongroups/tenant-v2-group',
    );
    expect((await bot.harness.store.listAudit())[0]).toMatchObject({
      personGroupId: 'tenant-v2-group',
      outcome: 'created',
    });
    expect(bot.aad.requests).toEqual([
      `/${BOT_TENANT}/v2.0/.well-known/openid-configuration`,
      '/v1/.well-known/keys',
    ]);
  });

  it('accepts a token issued by its tenant with the v1 issuer (sts.windows.net, appid)', async () => {
    const claims = tenantClaims({ iss: `https://sts.windows.net/${BOT_TENANT}/`, ver: '1.0', appid: APP_ID });
    const response = await createWith(signJwt(claims, bot.aad.key), 'tenant-v1-group');
    expect(response.status).toBe(200);
  });

  it('accepts a Teams channel token too, and replies through the connector with the bot’s own token', async () => {
    const calls = bot.harness.connector.calls.length;
    const channelToken = bot.channel.sign({
      aud: APP_ID,
      serviceurl: bot.harness.connector.serviceUrl,
      ...validFor(0, 1),
    });
    const response = await bot.postWithToken(
      textMessage('persongroup help', { serviceUrl: bot.harness.connector.serviceUrl }),
      channelToken,
    );

    expect(response.status).toBe(200);
    const replies = await bot.harness.connector.waitForCalls(calls + 1);
    expect(replies.at(-1)?.authorization).toBe(`Bearer ${bot.outboundToken}`);
  });

  const refused: RefusedToken[] = [
    {
      token: 'a token for another app of the tenant (audience and azp another app id)',
      sign: (b) => b.aad.sign(tenantClaims({ aud: OTHER_APP_ID, azp: OTHER_APP_ID })),
    },
    {
      token: 'a token with another tenant’s issuer while naming the bot’s tenant',
      sign: (b) => b.aad.sign(tenantClaims({ iss: aadIssuerOf(OTHER_TENANT) })),
    },
    {
      token: 'a token with an issuer no Entra tenant has',
      sign: (b) =>
        b.aad.sign(tenantClaims({ iss: `https://login.microsoftonline.example/${BOT_TENANT}/v2.0` })),
    },
    {
      token: 'an expired token',
      sign: (b) => b.aad.sign(tenantClaims(validFor(-2, -1))),
    },
    {
      token: 'a token not valid yet',
      sign: (b) => b.aad.sign(tenantClaims(validFor(1, 2))),
    },
    {
      token: 'an unsigned token (alg none)',
      sign: (b) => unsignedJwt(tenantClaims(), b.aad.key.keyId),
    },
    {
      token: 'a token signed with a key its authority does not publish',
      sign: () => signJwt(tenantClaims(), generateSigningKey('unpublished-key')),
    },
    {
      token: 'a token whose payload was changed after signing (azp rewritten to this bot)',
      sign: (b) => tamperedJwt(b.aad.sign(tenantClaims({ azp: OTHER_APP_ID })), { azp: APP_ID }),
    },
    {
      token: 'a channel token for another bot (another app id as audience)',
      sign: (b) =>
        b.channel.sign({ aud: OTHER_APP_ID, serviceurl: b.harness.connector.serviceUrl, ...validFor(0, 1) }),
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
