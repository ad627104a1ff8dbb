import { ConfigError, loadConfig } from '../../src/config';

const CREDENTIALS = {
  SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  MicrosoftAppId: 'app-id',
  MicrosoftAppPassword: 'not-a-real-secret',
};

describe('the token source settings in the environment', () => {
  it('hands botbuilder’s ToBotFrom… settings to the Teams credentials', () => {
    const config = loadConfig({
      ...CREDENTIALS,
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://issuer.example',
    });
    expect(config.teams?.tokenSources).toEqual({
      channelOpenIdMetadataUrl: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
      emulatorOpenIdMetadataUrl: undefined,
      channelTokenIssuer: 'https://issuer.example',
    });
  });

  it('stops start-up with one line naming a metadata URL that is not http(s)', () => {
    const load = () => loadConfig({ ...CREDENTIALS, ToBotFromEmulatorOpenIdMetadataUrl: 'file:///etc/keys' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^Invalid ToBotFromEmulatorOpenIdMetadataUrl: /);
  });
});
