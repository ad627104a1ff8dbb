/**
 * The one storage interface: workspace settings, audit, in-flight claims, Slack installations.
 * SQLite (embedded default) and PostgreSQL (several replicas) implement it and pass one shared test suite.
 */

/** A workspace's Face settings as stored: the key only ever encrypted (see src/store/secret-box). */
export interface WorkspaceRecord {
  /** `slack:<team_id>` / `teams:<tenant_id>`. */
  workspaceId: string;
  /** A region id (e.g. westus), or undefined when a custom endpoint is used. */
  region: string | undefined;
  /** A custom https endpoint, or undefined when a region is used. */
  endpoint: string | undefined;
  /** AES-256-GCM sealed Face key (opaque string produced by SecretBox.seal). */
  sealedKey: string;
  /** Last 4 characters of the key, for display only. */
  keyHint: string;
  updatedBy: string;
  updatedAt: Date;
}

export type AuditAction =
  | 'create_person_group'
  | 'update_person_group'
  | 'delete_person_group'
  | 'train_person_group'
  | 'configure_workspace'
  | 'remove_workspace'
  /** A Face-spending action refused by a guardrail (a per-user or per-workspace limit, or Face's own pace). */
  | 'rate_limited';

/** Where an audited request came from. */
export type AuditPlatform = 'teams' | 'slack' | 'cli';

/** The two kinds of group the Face API keeps (`/persongroups`, `/largepersongroups`). */
export type AuditGroupKind = 'personGroup' | 'largePersonGroup';

export interface AuditEntry {
  /** Set by the store on read: orders entries of the same time. */
  id?: number;
  at: Date;
  workspaceId: string;
  /** User id, or `cli` for operator commands. */
  userId: string;
  /** The user's display name, when the platform gave one. */
  userName?: string;
  platform?: AuditPlatform;
  action: AuditAction;
  personGroupId?: string;
  groupKind?: AuditGroupKind;
  /** created, invalid, not_configured, failed:<kind>, configured, forbidden, removed … */
  outcome: string;
  errorCode?: string;
  durationMs?: number;
  requestId?: string;
}

export interface AuditQuery {
  workspaceId?: string;
  personGroupId?: string;
  /** Only these actions. */
  actions?: readonly AuditAction[];
  /** Only these outcomes (exact, e.g. `created`). */
  outcomes?: readonly string[];
  limit?: number;
  /** Skips this many of the newest matches (paging). */
  offset?: number;
}

/**
 * An in-flight claim on (workspace, personGroupId): the first claimant makes the Face call; the others
 * wait for its result. Works across replicas when the store is shared.
 */
export type ClaimResult =
  | { status: 'claimed'; token: string }
  | { status: 'busy' }
  /** The same request finished recently: its stored result (JSON) is returned to the late submitter. */
  | { status: 'done'; result: string };

/** A claimant's result, stored as finishClaim stores it. */
export interface FinishedClaim {
  workspaceId: string;
  personGroupId: string;
  token: string;
  /** JSON. */
  result: string;
  keepMs: number;
}

/** A Slack installation (OAuth), the bot token sealed like Face keys. */
export interface SlackInstallationRecord {
  /** `slack:<team_id>` or `slack:<enterprise_id>` for org-wide installs. */
  workspaceId: string;
  /** The whole Bolt Installation object as JSON, sealed (it holds tokens). */
  sealedInstallation: string;
  updatedAt: Date;
}

/** One fixed-window limit: at most `limit` events per `windowMs` under `key`. */
export interface WindowLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Whether an event fitted every limit; when not, the first limit it hit and when its window ends. */
export type WindowAdmission = { admitted: true } | { admitted: false; key: string; retryAfterMs: number };

export interface WorkspaceStore {
  /** Applies migrations (idempotent). */
  init(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;

  getWorkspace(workspaceId: string): Promise<WorkspaceRecord | undefined>;
  putWorkspace(record: WorkspaceRecord): Promise<void>;
  /** Returns false when there was nothing to remove. */
  removeWorkspace(workspaceId: string): Promise<boolean>;
  listWorkspaces(): Promise<WorkspaceRecord[]>;

  /** Appends one audit entry. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;

  /**
   * Claims (workspaceId, personGroupId) for `ttlMs` (an expired claim can be taken over, so a crashed
   * replica never blocks a group for ever).
   */
  claim(workspaceId: string, personGroupId: string, ttlMs: number): Promise<ClaimResult>;
  /** Stores the claimant's result (JSON) so waiters and late duplicates get it; kept for `keepMs`. */
  finishClaim(
    workspaceId: string,
    personGroupId: string,
    token: string,
    result: string,
    keepMs: number,
  ): Promise<void>;
  /**
   * finishClaim and appendAudit as one write (one SQLite transaction, one PostgreSQL statement), the last
   * store call of a create: both are stored or neither.
   */
  finishClaimAndAudit(claim: FinishedClaim, entry: AuditEntry): Promise<void>;
  /** Drops a claim without a result (e.g. the call could not be made). */
  releaseClaim(workspaceId: string, personGroupId: string, token: string): Promise<void>;
  /** The stored result of a finished claim, if any and not expired. */
  claimResult(workspaceId: string, personGroupId: string): Promise<string | undefined>;

  /**
   * Counts one event against every limit at once, atomically across replicas: when any limit is already
   * reached, nothing is counted and that limit is named. Windows are fixed and start with their first event.
   */
  admitWithinLimits(limits: readonly WindowLimit[]): Promise<WindowAdmission>;
  /** Holds `key` back for `ms` from now; a longer hold already in place is kept, never shortened. */
  holdBack(key: string, ms: number): Promise<void>;
  /** Milliseconds left of `key`'s hold; 0 when it is not held back. */
  heldBackFor(key: string): Promise<number>;

  getSlackInstallation(workspaceId: string): Promise<SlackInstallationRecord | undefined>;
  putSlackInstallation(record: SlackInstallationRecord): Promise<void>;
  removeSlackInstallation(workspaceId: string): Promise<void>;
  /** Every installation, by workspaceId (the key-rotation command re-seals them). */
  listSlackInstallations(): Promise<SlackInstallationRecord[]>;
}
