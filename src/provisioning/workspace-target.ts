import { overrideBaseUrl, parseCustomEndpoint, regionDisplayName, resolveFaceBaseUrl } from '../face/regions';
import type { FaceTarget } from '../face/types';
import type { WorkspaceRecord } from '../store/types';
import type { ProvisioningDeps } from './deps';
import { TARGET_LABELS } from './messages';
import type { TargetDescription } from './outcome';

/** A region XOR a custom endpoint, as stored and as the config form gives it. */
export interface Placement {
  region?: string;
  endpoint?: string;
}

/** The key a local-mode workspace uses at the emulator: its own namespace there. */
export function localEmulatorKey(workspaceId: string): string {
  return `local:${workspaceId}`;
}

/** The placement of a stored record, without undefined members. */
export function placementOf(record: Pick<WorkspaceRecord, 'region' | 'endpoint'>): Placement {
  const placement: Placement = {};
  if (record.endpoint !== undefined) placement.endpoint = record.endpoint;
  if (record.region !== undefined) placement.region = record.region;
  return placement;
}

/**
 * Where a workspace's calls really go, for people: "West US", a custom endpoint's host, or — with
 * FACE_ENDPOINT_OVERRIDE set — the override's host, naming the stored setting it stands in for.
 */
export function describePlacement(placement: Placement, override?: string): TargetDescription {
  const stored = describeStoredPlacement(placement);
  if (override === undefined || override.trim() === '') return stored;
  return { label: TARGET_LABELS.overridden(hostOf(override), stored.label), emulated: false };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch (error) {
    if (error instanceof TypeError) return url;
    throw error;
  }
}

/** "West US", or a custom endpoint's host: the stored setting alone. */
function describeStoredPlacement(placement: Placement): TargetDescription {
  if (placement.endpoint !== undefined) {
    const parsed = parseCustomEndpoint(placement.endpoint);
    return { label: parsed.ok ? parsed.host : placement.endpoint, emulated: false };
  }
  const region = placement.region ?? '';
  return { label: regionDisplayName(region) ?? region, emulated: false };
}

/** The emulator's description (local mode, workspace without a key). */
export const EMULATOR_DESCRIPTION: TargetDescription = { label: TARGET_LABELS.emulator, emulated: true };

/** The Face base URL for a placement (FACE_ENDPOINT_OVERRIDE wins). Throws FaceEndpointError. */
export function placementBaseUrl(placement: Placement, override: string | undefined): string {
  return resolveFaceBaseUrl(placement, override);
}

/** Where a create goes: the decrypted key lives only in `target`, for the duration of one call. */
export type ResolvedWorkspace =
  | { kind: 'target'; target: FaceTarget; description: TargetDescription }
  | { kind: 'not_configured' };

/**
 * Resolves a workspace to its Face target: its own settings; else, in local mode, the built-in emulator
 * with a per-workspace key; else not configured. Throws SecretDecryptError for an unreadable stored key.
 */
export async function resolveWorkspace(
  deps: Pick<ProvisioningDeps, 'store' | 'secretBox' | 'localMode' | 'emulatorUrl' | 'faceEndpointOverride'>,
  workspaceId: string,
): Promise<ResolvedWorkspace> {
  const record = await deps.store.getWorkspace(workspaceId);
  if (record !== undefined) {
    const placement = placementOf(record);
    const baseUrl = placementBaseUrl(placement, deps.faceEndpointOverride);
    return {
      kind: 'target',
      target: { baseUrl, key: deps.secretBox.open(record.sealedKey) },
      description: describePlacement(placement, deps.faceEndpointOverride),
    };
  }
  if (deps.localMode && deps.emulatorUrl !== undefined) {
    return {
      kind: 'target',
      target: { baseUrl: overrideBaseUrl(deps.emulatorUrl), key: localEmulatorKey(workspaceId) },
      description: EMULATOR_DESCRIPTION,
    };
  }
  return { kind: 'not_configured' };
}

/**
 * Where a workspace's calls go, for people: its own placement; the emulator in local mode; else
 * undefined (not configured). Reads the store, never the key.
 */
export async function describeWorkspaceTarget(
  deps: Pick<ProvisioningDeps, 'store' | 'localMode' | 'faceEndpointOverride'>,
  workspaceId: string,
): Promise<TargetDescription | undefined> {
  const record = await deps.store.getWorkspace(workspaceId);
  if (record !== undefined) return describePlacement(placementOf(record), deps.faceEndpointOverride);
  return deps.localMode ? EMULATOR_DESCRIPTION : undefined;
}
