/**
 * Which endpoint a request came in under. The emulator listens on loopback, so the host a real client
 * would use (`westeurope.api.cognitive.microsoft.com`, `myface.cognitiveservices.azure.com`) is carried
 * as an optional first path segment: `http://127.0.0.1:PORT/<label>/face/v1.0/…`, label = the region or
 * the custom subdomain, in any case (hosts are case-insensitive). `http://127.0.0.1:PORT/face/v1.0/…`
 * has no label. A key bound to a region is accepted only under its own label.
 */
import { FACE_API_PATH } from './rules';

export interface Endpoint {
  /** The region or custom subdomain, lower-cased; undefined without a prefix. */
  label: string | undefined;
  /** The endpoint's root path: '' or '/<label>'. */
  root: string;
  /** The path below /face/v1.0 ('' for the root itself). */
  facePath: string;
}

const WITH_LABEL = /^\/([A-Za-z0-9][A-Za-z0-9-]{0,62})(\/face\/v1\.0)(\/.*)?$/;
const WITHOUT_LABEL = /^(\/face\/v1\.0)(\/.*)?$/;

/** The endpoint of a request path, or undefined when the path is not under any Face API root. */
export function parseEndpoint(pathname: string): Endpoint | undefined {
  const bare = WITHOUT_LABEL.exec(pathname);
  if (bare !== null) return { label: undefined, root: '', facePath: bare[2] ?? '' };
  const labelled = WITH_LABEL.exec(pathname);
  if (labelled === null) return undefined;
  const label = (labelled[1] as string).toLowerCase();
  return { label, root: `/${label}`, facePath: labelled[3] ?? '' };
}

/** The Face API root of an endpoint on the emulator listening at `url`. */
export const faceBaseUrl = (url: string, endpoint: Endpoint): string =>
  `${url}${endpoint.root}${FACE_API_PATH}`;
