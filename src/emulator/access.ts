/**
 * What the gateway decides before an operation runs, in the service's order: the key (401, also for a key
 * used under another region's endpoint), the F0 rate (429 without Retry-After), Limited Access (403).
 */
import { type Answer, limitedAccess, serviceError, unauthorized } from './answer';
import type { EmulatorKey, EmulatorTier, FaceEmulatorOptions } from './options';
import { SERVICE } from './service-table';
import { keyId } from './store';

/** F0: 20 calls in any 60 seconds, per key. */
export const F0_CALLS_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

interface KeySettings {
  region?: string;
  tier: EmulatorTier;
  limitedAccess: boolean;
}

export type AccessOptions = Pick<
  FaceEmulatorOptions,
  'keys' | 'unauthorizedBody' | 'tier' | 'limitedAccess'
> & {
  now: () => number;
};

export class AccessGate {
  /** By key id; undefined when every key is valid. */
  private readonly known: Map<string, KeySettings> | undefined;
  private readonly defaults: KeySettings;
  /** F0 calls that were let through, by key id: their times, oldest first. */
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly options: AccessOptions) {
    this.defaults = { tier: options.tier ?? 'S0', limitedAccess: options.limitedAccess ?? false };
    this.known =
      options.keys === undefined ? undefined : new Map(options.keys.map((key) => this.settings(key)));
  }

  private settings(entry: string | EmulatorKey): [string, KeySettings] {
    const key: EmulatorKey = typeof entry === 'string' ? { key: entry } : entry;
    const settings: KeySettings = {
      tier: key.tier ?? this.defaults.tier,
      limitedAccess: key.limitedAccess ?? this.defaults.limitedAccess,
    };
    if (key.region !== undefined) settings.region = key.region;
    return [keyId(key.key), settings];
  }

  /**
   * The gateway's refusal of a request with `key` under endpoint `label` (undefined: no label), or
   * undefined when the operation may run. A call let through counts against the key's F0 window.
   */
  refuse(key: string | undefined, label: string | undefined): Answer | undefined {
    if (key === undefined || key === '') return unauthorized(this.options.unauthorizedBody ?? 'current');
    const id = keyId(key);
    const settings = this.known === undefined ? this.defaults : this.known.get(id);
    if (settings === undefined || (settings.region !== undefined && settings.region !== label))
      return unauthorized(this.options.unauthorizedBody ?? 'current');
    if (settings.tier === 'F0') {
      const wait = this.f0Wait(id);
      if (wait !== undefined) return serviceError(429, SERVICE.rateLimitCode, SERVICE.rateLimited(wait));
    }
    return settings.limitedAccess ? limitedAccess() : undefined;
  }

  /** Seconds until the key may call again, or undefined (and the call is counted) when it may now. */
  private f0Wait(id: string): number | undefined {
    const now = this.options.now();
    const recent = (this.calls.get(id) ?? []).filter((at) => at > now - MINUTE_MS);
    this.calls.set(id, recent);
    const oldest = recent[0];
    if (recent.length >= F0_CALLS_PER_MINUTE && oldest !== undefined)
      return Math.max(1, Math.ceil((oldest + MINUTE_MS - now) / 1000));
    recent.push(now);
    return undefined;
  }

  clear(): void {
    this.calls.clear();
  }
}
