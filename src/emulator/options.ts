/** What a caller can ask of the emulator, and what it hands back. */
import type { EmulatorFault, ParsedFault } from './faults';
import type { EmulatorGroupView } from './rules';
import type { GroupKind } from './store';

/** A key with the resource settings it stands for (a key is one Azure resource to the emulator). */
export interface EmulatorKey {
  key: string;
  /**
   * The endpoint label the key is bound to: a region (`westeurope`) or a custom subdomain. The key then
   * works only under `/<label>/face/v1.0`; anywhere else it gets 401, as a key used on another region's
   * host does. Without it the key works under every label and without one.
   */
  region?: string;
  /** Overrides the emulator-wide tier for this key. */
  tier?: EmulatorTier;
  /** Overrides the emulator-wide Limited Access mode for this key. */
  limitedAccess?: boolean;
}

/** S0: no rate limit. F0: 20 calls a minute per key, then 429 without Retry-After. */
export type EmulatorTier = 'S0' | 'F0';

export interface FaceEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Valid keys; without it every non-empty key is valid, unbound, and is its own namespace. */
  keys?: (string | EmulatorKey)[];
  /** Which 401 body the gateway sends: the current `"code":"401"` one (default) or the seed's `Unspecified`. */
  unauthorizedBody?: 'current' | 'seed';
  /** Default S0. */
  tier?: EmulatorTier;
  /** Every person-group call of every key answers 403 InvalidRequest/UnsupportedFeature. Default false. */
  limitedAccess?: boolean;
  /** Groups per key and kind (free tier: 1000). */
  groupQuota?: number;
  /** Persons per group (S0: 10,000 for a person group, 1,000,000 for a large one). */
  personQuota?: number;
  /** How long a training runs before it ends. Default 2000. */
  trainingMs?: number;
  /** How long a training reports `notstarted` before `running`. Default 0. */
  trainingQueuedMs?: number;
  /** A group without persons: `fail` (202, then status failed; default) or `reject` (400 at once). */
  emptyGroupTraining?: 'fail' | 'reject';
  /** Added to every Face request. */
  latencyMs?: number;
  /** How many requests the record keeps (the newest). Default 1000. */
  recordLimit?: number;
  /** Serve the control routes under /_emulator/ (faults, requests, reset). Default false. */
  faults?: boolean;
  /** Milliseconds since the epoch; tests pass a clock they move to drive F0 and training without sleeping. */
  now?: () => number;
}

/** One Face request as the emulator saw it. The key is recorded as presence and a hash id only. */
export interface EmulatorRequest {
  method: string;
  /** Path and query as received, e.g. /face/v1.0/persongroups/abc or /westeurope/face/v1.0/…. */
  path: string;
  keyPresent: boolean;
  /** keyId(key) (sha-256 prefix) when a key was sent. */
  keyId?: string;
  contentType?: string;
  body: string;
  /** The status answered; absent when the connection was reset instead. */
  status?: number;
  fault?: ParsedFault['kind'];
}

export interface FaceEmulator {
  /** http://127.0.0.1:PORT (the Face API is under /face/v1.0). */
  readonly url: string;
  /** url + /face/v1.0 */
  readonly baseUrl: string;
  readonly port: number;
  /** The endpoint root of a region or custom subdomain: url + /<label> (its Face API is under /face/v1.0). */
  regionUrl(label: string): string;
  /** A copy of the last `recordLimit` Face requests, oldest first (control requests excluded). */
  readonly requests: EmulatorRequest[];
  /** Plays `fault` for the next `count` Face requests (after already queued faults). */
  injectFaults(fault: EmulatorFault, count?: number): void;
  /** Drops the faults not played yet (groups and the request record stay). */
  clearFaults(): void;
  /** Forgets groups, faults, rate windows and the request record. */
  reset(): void;
  /** The groups of one key and kind, sorted by id, as GET with returnRecognitionModel answers them. */
  groups(key: string, kind?: GroupKind): EmulatorGroupView[];
  /** The id the record and namespaces use for a key. */
  keyId(key: string): string;
  close(): Promise<void>;
}
