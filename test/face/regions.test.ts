import { readFileSync } from 'node:fs';
import { FaceEndpointError } from '../../src/face/errors/face-endpoint-error';
import {
  FACE_REGIONS,
  isFaceRegion,
  parseCustomEndpoint,
  regionDisplayName,
  regionEndpoint,
  resolveFaceBaseUrl,
} from '../../src/face/regions';

// The seed page's region lines, kept beside the test so that a clone of this repository alone can run it.
const seed = readFileSync(`${__dirname}/fixtures/seed-regions.txt`, 'utf8');

describe('regions', () => {
  test('the region list is exactly the seed list, id and display name', () => {
    const listed = [...seed.matchAll(/^\s+• (.+) - ([a-z0-9]+)\.api\.cognitive\.microsoft\.com$/gm)].map(
      (m) => ({
        id: m[2],
        displayName: m[1],
      }),
    );
    expect(listed).toHaveLength(32);
    expect(FACE_REGIONS).toEqual(listed);
  });

  test('westus is West US and its endpoint is the regional Face host', () => {
    expect(regionDisplayName('westus')).toBe('West US');
    expect(regionEndpoint('westus')).toBe('https://westus.api.cognitive.microsoft.com/face/v1.0');
    expect(isFaceRegion('westus')).toBe(true);
  });

  test('an unknown region is refused with a typed error', () => {
    expect(() => regionEndpoint('mars1')).toThrow(FaceEndpointError);
    expect(isFaceRegion('WestUS')).toBe(false);
    expect(regionDisplayName('mars1')).toBeUndefined();
  });
});

describe('parseCustomEndpoint', () => {
  test.each([
    ['https://my-face.cognitiveservices.azure.com/', 'https://my-face.cognitiveservices.azure.com/face/v1.0'],
    ['https://my-face.cognitiveservices.azure.com', 'https://my-face.cognitiveservices.azure.com/face/v1.0'],
    [
      'https://My-Face.CognitiveServices.azure.com/face/v1.0/',
      'https://my-face.cognitiveservices.azure.com/face/v1.0',
    ],
    [
      '  https://westeurope.api.cognitive.microsoft.com/face/v1.0 ',
      'https://westeurope.api.cognitive.microsoft.com/face/v1.0',
    ],
  ])('%p is accepted as %p', (url, baseUrl) => {
    expect(parseCustomEndpoint(url)).toMatchObject({ ok: true, baseUrl });
  });

  test.each([
    ['not a url', 'not_a_url'],
    ['http://my-face.cognitiveservices.azure.com/', 'not_https'],
    ['https://evil.example.com/', 'not_azure_host'],
    ['https://cognitiveservices.azure.com/', 'not_azure_host'],
    ['https://my-face.cognitiveservices.azure.com.evil.com/', 'not_azure_host'],
    ['https://my-face.cognitiveservices.azure.com/other/path', 'not_azure_host'],
    ['https://user:pw@my-face.cognitiveservices.azure.com/', 'has_credentials'],
    ['https://my-face.cognitiveservices.azure.com:8443/', 'has_port'],
    ['https://my-face.cognitiveservices.azure.com/?x=1', 'has_query'],
    ['https://my-face.cognitiveservices.azure.com/#x', 'has_query'],
    ['file:///etc/passwd', 'not_https'],
  ])('%p is refused as %s with a message', (url, reason) => {
    const result = parseCustomEndpoint(url);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).not.toBe('');
  });
});

describe('resolveFaceBaseUrl', () => {
  test('a region gives the regional base URL', () => {
    expect(resolveFaceBaseUrl({ region: 'eastus2' })).toBe(
      'https://eastus2.api.cognitive.microsoft.com/face/v1.0',
    );
  });

  test('a custom endpoint wins over a region', () => {
    expect(resolveFaceBaseUrl({ region: 'eastus', endpoint: 'https://x.cognitiveservices.azure.com' })).toBe(
      'https://x.cognitiveservices.azure.com/face/v1.0',
    );
  });

  test.each([
    ['http://127.0.0.1:5100', 'http://127.0.0.1:5100/face/v1.0'],
    ['http://127.0.0.1:5100/', 'http://127.0.0.1:5100/face/v1.0'],
    ['http://127.0.0.1:5100/face/v1.0', 'http://127.0.0.1:5100/face/v1.0'],
    ['http://127.0.0.1:5100/face/v1.0/', 'http://127.0.0.1:5100/face/v1.0'],
  ])('the override %p wins over region and endpoint as %p', (override, expected) => {
    expect(
      resolveFaceBaseUrl({ region: 'westus', endpoint: 'https://x.cognitiveservices.azure.com' }, override),
    ).toBe(expected);
  });

  test('an invalid endpoint, an unknown region or no target throws FaceEndpointError with its reason', () => {
    expect(() => resolveFaceBaseUrl({ endpoint: 'http://x.cognitiveservices.azure.com' })).toThrow(
      expect.objectContaining({ reason: 'not_https' }),
    );
    expect(() => resolveFaceBaseUrl({ region: 'nowhere' })).toThrow(
      expect.objectContaining({ reason: 'unknown_region' }),
    );
    expect(() => resolveFaceBaseUrl({})).toThrow(expect.objectContaining({ reason: 'no_target' }));
  });
});
