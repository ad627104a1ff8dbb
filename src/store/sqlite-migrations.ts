import type { Migration } from './records';

/**
 * The SQLite schema, as numbered migrations applied once each (recorded in schema_migrations).
 * Append new migrations; never edit an applied one. Dates are epoch milliseconds (INTEGER).
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE workspaces (
        workspace_id TEXT PRIMARY KEY,
        region TEXT,
        endpoint TEXT,
        sealed_key TEXT NOT NULL,
        key_hint TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        workspace_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        action TEXT NOT NULL,
        person_group_id TEXT,
        outcome TEXT NOT NULL,
        error_code TEXT,
        duration_ms INTEGER,
        request_id TEXT
      );
      CREATE INDEX audit_at ON audit (at DESC, id DESC);
      CREATE INDEX audit_workspace_at ON audit (workspace_id, at DESC, id DESC);
      CREATE TABLE claims (
        workspace_id TEXT NOT NULL,
        person_group_id TEXT NOT NULL,
        token TEXT,
        expires_at INTEGER,
        result TEXT,
        result_expires_at INTEGER,
        PRIMARY KEY (workspace_id, person_group_id)
      );
      CREATE TABLE slack_installations (
        workspace_id TEXT PRIMARY KEY,
        sealed_installation TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    // Who (display name) and from where, and which kind of group: NULL in rows written before.
    version: 2,
    sql: `
      ALTER TABLE audit ADD COLUMN user_name TEXT;
      ALTER TABLE audit ADD COLUMN platform TEXT;
      ALTER TABLE audit ADD COLUMN group_kind TEXT;
      CREATE INDEX audit_workspace_group_at ON audit (workspace_id, person_group_id, at DESC, id DESC);
    `,
  },
  {
    // Guardrails shared by every process on the file: fixed-window counters and Face's own "wait" holds.
    version: 3,
    sql: `
      CREATE TABLE rate_windows (
        key TEXT PRIMARY KEY,
        resets_at INTEGER NOT NULL,
        count INTEGER NOT NULL
      );
      CREATE TABLE holds (
        key TEXT PRIMARY KEY,
        until INTEGER NOT NULL
      );
    `,
  },
];
