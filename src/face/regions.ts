/**
 * Where Face API calls go: the seed's regional hosts, a resource's custom endpoint, or the operator's
 * FACE_ENDPOINT_OVERRIDE (emulator, tests). Only https on Azure Cognitive Services hosts is accepted from
 * chat, so a config form cannot point the bot (and its key) at an arbitrary server.
 */
import { type EndpointRejection, FaceEndpointError } from './errors/face-endpoint-error';

/**
 * The regions listed by the seed page (face-api-v1.0-persongroup-create.txt). The design says 33, but the
 * seed lists 32 (its testing-console line even omits Italy North); we use exactly the seed's list.
 */
export const FACE_REGIONS = [
  { id: 'australiaeast', displayName: 'Australia East' },
  { id: 'brazilsouth', displayName: 'Brazil South' },
  { id: 'canadacentral', displayName: 'Canada Central' },
  { id: 'centralindia', displayName: 'Central India' },
  { id: 'centralus', displayName: 'Central US' },
  { id: 'eastasia', displayName: 'East Asia' },
  { id: 'eastus', displayName: 'East US' },
  { id: 'eastus2', displayName: 'East US 2' },
  { id: 'francecentral', displayName: 'France Central' },
  { id: 'germanywestcentral', displayName: 'Germany West Central' },
  { id: 'italynorth', displayName: 'Italy North' },
  { id: 'japaneast', displayName: 'Japan East' },
  { id: 'japanwest', displayName: 'Japan West' },
  { id: 'jioindiawest', displayName: 'Jio India West' },
  { id: 'koreacentral', displayName: 'Korea Central' },
  { id: 'northcentralus', displayName: 'North Central US' },
  { id: 'northeurope', displayName: 'North Europe' },
  { id: 'norwayeast', displayName: 'Norway East' },
  { id: 'qatarcentral', displayName: 'Qatar Central' },
  { id: 'southafricanorth', displayName: 'South Africa North' },
  { id: 'southcentralus', displayName: 'South Central US' },
  { id: 'southeastasia', displayName: 'Southeast Asia' },
  { id: 'swedencentral', displayName: 'Sweden Central' },
  { id: 'switzerlandnorth', displayName: 'Switzerland North' },
  { id: 'switzerlandwest', displayName: 'Switzerland West' },
  { id: 'uaenorth', displayName: 'UAE North' },
  { id: 'uksouth', displayName: 'UK South' },
  { id: 'westcentralus', displayName: 'West Central US' },
  { id: 'westeurope', displayName: 'West Europe' },
  { id: 'westus', displayName: 'West US' },
  { id: 'westus2', displayName: 'West US 2' },
  { id: 'westus3', displayName: 'West US 3' },
] as const;

export type FaceRegion = (typeof FACE_REGIONS)[number];
export type FaceRegionId = FaceRegion['id'];

/** The path every Face v1.0 base URL ends with (no trailing slash). */
export const FACE_API_PATH = '/face/v1.0';

const AZURE_HOST_SUFFIXES = ['.cognitiveservices.azure.com', '.api.cognitive.microsoft.com'] as const;

/** True when `id` is one of the seed's region ids (case-sensitive, as Azure writes them). */
export function isFaceRegion(id: string): id is FaceRegionId {
  return FACE_REGIONS.some((region) => region.id === id);
}

/** "West US" for "westus"; undefined for an unknown id. */
export function regionDisplayName(id: string): string | undefined {
  return FACE_REGIONS.find((region) => region.id === id)?.displayName;
}

/** `https://{id}.api.cognitive.microsoft.com/face/v1.0`; throws FaceEndpointError for an unknown region. */
export function regionEndpoint(id: string): string {
  if (!isFaceRegion(id)) {
    throw new FaceEndpointError(
      'unknown_region',
      `"${id}" is not a Face API region (e.g. westus, westeurope).`,
    );
  }
  return `https://${id}.api.cognitive.microsoft.com${FACE_API_PATH}`;
}

export type CustomEndpointResult =
  | { ok: true; baseUrl: string; host: string }
  | { ok: false; reason: EndpointRejection; message: string };

function reject(reason: EndpointRejection, message: string): CustomEndpointResult {
  return { ok: false, reason, message };
}

/** The URL's path without trailing slashes and without a trailing /face/v1.0. */
function normalisedRoot(pathname: string): string {
  const path = pathname.replace(/\/+$/, '');
  return path.toLowerCase().endsWith(FACE_API_PATH) ? path.slice(0, -FACE_API_PATH.length) : path;
}

/**
 * Accepts a resource endpoint such as `https://my-face.cognitiveservices.azure.com/` (or a regional host)
 * and returns its Face base URL (`…/face/v1.0`). Refuses anything that is not https on an Azure Cognitive
 * Services host, and URLs with credentials, a port, a query, a fragment or another path.
 */
export function parseCustomEndpoint(url: string): CustomEndpointResult {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    return reject(
      'not_a_url',
      `"${url}" is not a URL (${(error as Error).message}); use https://<resource>.cognitiveservices.azure.com/`,
    );
  }
  if (parsed.protocol !== 'https:') return reject('not_https', 'The endpoint must start with https://.');
  if (parsed.username !== '' || parsed.password !== '') {
    return reject('has_credentials', 'The endpoint must not contain a user name or password.');
  }
  if (parsed.port !== '') return reject('has_port', 'The endpoint must not name a port.');
  if (parsed.search !== '' || parsed.hash !== '') {
    return reject('has_query', 'The endpoint must not contain a query (?…) or fragment (#…).');
  }
  const host = parsed.hostname.toLowerCase();
  const suffix = AZURE_HOST_SUFFIXES.find((suffix) => host.endsWith(suffix) && host.length > suffix.length);
  if (suffix === undefined || normalisedRoot(parsed.pathname) !== '') {
    return reject(
      'not_azure_host',
      'The endpoint must be an Azure Face resource: https://<resource>.cognitiveservices.azure.com/ or https://<region>.api.cognitive.microsoft.com/.',
    );
  }
  return { ok: true, baseUrl: `https://${host}${FACE_API_PATH}`, host };
}

/** The operator's override as a Face base URL: trailing slashes dropped, `/face/v1.0` added unless present. */
export function overrideBaseUrl(override: string): string {
  const base = override.trim().replace(/\/+$/, '');
  return base.endsWith(FACE_API_PATH) ? base : `${base}${FACE_API_PATH}`;
}

/**
 * The Face base URL for a workspace target. `override` (FACE_ENDPOINT_OVERRIDE, passed in by config) wins
 * over both; otherwise the custom endpoint wins over the region. Throws FaceEndpointError when neither
 * is usable.
 */
export function resolveFaceBaseUrl(
  target: { region?: string; endpoint?: string },
  override?: string,
): string {
  if (override !== undefined && override.trim() !== '') return overrideBaseUrl(override);
  if (target.endpoint !== undefined && target.endpoint.trim() !== '') {
    const parsed = parseCustomEndpoint(target.endpoint);
    if (!parsed.ok) throw new FaceEndpointError(parsed.reason, parsed.message);
    return parsed.baseUrl;
  }
  if (target.region !== undefined && target.region.trim() !== '') return regionEndpoint(target.region.trim());
  throw new FaceEndpointError('no_target', 'No Face API region or endpoint is configured.');
}
