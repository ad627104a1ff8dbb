import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StoreConfigError } from '../../src/store/errors';
import { PostgresStore } from '../../src/store/postgres-store';
import { describeWorkspaceStore } from './store-suite';

/** The real engine CI starts (trust auth, database `test`). */
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
// Every run gets its own schemas, so parallel and repeated runs never collide.
const runId = randomBytes(6).toString('hex');
const schema = `store_test_${runId}`;
const raceSchema = `store_race_${runId}`;

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
    for (const name of [schema, raceSchema]) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
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

describeWorkspaceStore('PostgresStore', () => new PostgresStore(DATABASE_URL, { schema }), readRows);

describe('PostgresStore', () => {
  it('migrates once when several replicas start at the same moment', async () => {
    const replicas = Array.from({ length: 4 }, () => new PostgresStore(DATABASE_URL, { schema: raceSchema }));
    try {
      await Promise.all(replicas.map((replica) => replica.init()));
      const versions = await withClient((client) =>
        client.query<{ version: number }>(`SELECT version FROM ${raceSchema}.schema_migrations`),
      );
      expect(versions.rows).toStrictEqual([{ version: 1 }]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
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
