import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StoreConfigError } from '../../src/store/errors';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations';
import { PostgresStore } from '../../src/store/postgres-store';
import type { AuditEntry } from '../../src/store/types';
import { describeWorkspaceStore } from './store-suite';
import { VERSION1_AUDIT_COLUMNS, version1AuditValues } from './version1';

/** The real engine CI starts (trust auth, database `test`). */
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
// Every run gets its own schemas, so parallel and repeated runs never collide.
const runId = randomBytes(6).toString('hex');
const schema = `store_test_${runId}`;
const raceSchema = `store_race_${runId}`;
/** The schemas of the version-1 databases, one per call: dropped with the others. */
const version1Schemas: string[] = [];

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await withClient(async (client) => {
    for (const name of [schema, raceSchema, ...version1Schemas])
      await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  });
});

/** Every row of every table, as the server renders it: what a database dump would hold. */
async function readRows(): Promise<Buffer> {
  return withClient(async (client) => {
    const rows: string[] = [];
    for (const table of ['workspaces', 'audit', 'claims', 'slack_installations']) {
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${schema}.${table} t`);
      rows.push(...result.rows.map((r) => r.row));
    }
    return Buffer.from(rows.join('\n'), 'utf8');
  });
}

/** A new schema holding what version 1 of the schema, and the code of its time, wrote. */
async function openVersion1Database(entries: readonly AuditEntry[]): Promise<PostgresStore> {
  const version1Schema = `store_v1_${runId}_${version1Schemas.length}`;
  version1Schemas.push(version1Schema);
  await withClient(async (client) => {
    await client.query(`CREATE SCHEMA ${version1Schema}`);
    await client.query(`SET search_path TO ${version1Schema}`);
    await client.query(
      'CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await client.query(POSTGRES_MIGRATIONS.find((migration) => migration.version === 1)?.sql ?? '');
    await client.query('INSERT INTO schema_migrations (version) VALUES (1)');
    for (const entry of entries) {
      await client.query(
        `INSERT INTO audit (${VERSION1_AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [entry.at, ...version1AuditValues(entry)],
      );
    }
  });
  return new PostgresStore(DATABASE_URL, { schema: version1Schema });
}

describeWorkspaceStore(
  'PostgresStore',
  () => new PostgresStore(DATABASE_URL, { schema }),
  readRows,
  openVersion1Database,
);

describe('PostgresStore', () => {
  it('migrates once when several replicas start at the same moment', async () => {
    const replicas = Array.from({ length: 4 }, () => new PostgresStore(DATABASE_URL, { schema: raceSchema }));
    try {
      await Promise.all(replicas.map((replica) => replica.init()));
      const versions = await withClient((client) =>
        client.query<{ version: number }>(
          `SELECT version FROM ${raceSchema}.schema_migrations ORDER BY version`,
        ),
      );
      expect(versions.rows.map((row) => row.version)).toStrictEqual([1, 2, 3]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  it("keeps an index that serves a group's history newest first", async () => {
    const index = await withClient((client) =>
      client.query<{ indexdef: string }>(
        'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2',
        [schema, 'audit_workspace_group_at'],
      ),
    );
    expect(index.rows.map((row) => row.indexdef)).toStrictEqual([
      expect.stringContaining('(workspace_id, person_group_id, at DESC, id DESC)'),
    ]);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresStore(DATABASE_URL, { schema: 'x; DROP TABLE y' })).toThrow(StoreConfigError);
  });

  it('rejects ping when the server cannot be reached', async () => {
    // Port 1 on loopback refuses connections at once.
    const store = new PostgresStore('postgres://postgres@127.0.0.1:1/test');
    await expect(store.ping()).rejects.toThrow();
    await store.close();
  });
});
