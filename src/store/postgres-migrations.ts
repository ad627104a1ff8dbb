import type { Migration } from './records';

/**
 * The PostgreSQL schema, as numbered migrations applied once each (recorded in schema_migrations) under
 * an advisory lock. Append new migrations; never edit an applied one. Dates are timestamptz; claim
 * expiry uses the database clock so replicas with drifting clocks agree.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE workspaces (
        workspace_id text PRIMARY KEY,
        region text,
        endpoint text,
        sealed_key text NOT NULL,
        key_hint text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        workspace_id text NOT NULL,
        user_id text NOT NULL,
        action text NOT NULL,
        person_group_id text,
        outcome text NOT NULL,
        error_code text,
        duration_ms integer,
        request_id text
      );
      CREATE INDEX audit_at ON audit (at DESC, id DESC);
      CREATE INDEX audit_workspace_at ON audit (workspace_id, at DESC, id DESC);
      CREATE TABLE claims (
        workspace_id text NOT NULL,
        person_group_id text NOT NULL,
        token text,
        expires_at timestamptz,
        result text,
        result_expires_at timestamptz,
        PRIMARY KEY (workspace_id, person_group_id)
      );
      CREATE TABLE slack_installations (
        workspace_id text PRIMARY KEY,
        sealed_installation text NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    // Who (display name) and from where, and which kind of group: NULL in rows written before. Adding
    // nullable columns without a default rewrites no row; the index build holds writes to audit meanwhile.
    version: 2,
    sql: `
      ALTER TABLE audit ADD COLUMN user_name text, ADD COLUMN platform text, ADD COLUMN group_kind text;
      CREATE INDEX audit_workspace_group_at ON audit (workspace_id, person_group_id, at DESC, id DESC);
    `,
  },
  {
    // Guardrails shared by every replica: fixed-window counters and Face's own "wait" holds (db clock).
    version: 3,
    sql: `
      CREATE TABLE rate_windows (
        key text PRIMARY KEY,
        resets_at timestamptz NOT NULL,
        count integer NOT NULL
      );
      CREATE TABLE holds (
        key text PRIMARY KEY,
        until timestamptz NOT NULL
      );
    `,
  },
];
