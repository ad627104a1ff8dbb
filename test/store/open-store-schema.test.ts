import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StoreConfigError } from '../../src/store/errors';
import { openStore, splitSchemaParam } from '../../src/store/open-store';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `open_schema_${randomBytes(6).toString('hex')}`;

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
  await withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
});

describe('DATABASE_URL ?schema=', () => {
  it('puts the PostgreSQL tables in the schema the URL names', async () => {
    const store = openStore(`${DATABASE_URL}?schema=${schema}`);
    try {
      await store.init();
      await store.ping();
    } finally {
      await store.close();
    }
    const tables = await withClient((client) =>
      client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      ),
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['audit', 'claims', 'schema_migrations', 'workspaces']),
    );
  });

  it('refuses a schema name that is not a plain identifier, without repeating the URL', () => {
    const open = () => openStore('postgres://postgres:hunter2@127.0.0.1:5432/test?schema=x%3BDROP');
    expect(open).toThrow(StoreConfigError);
    expect(open).not.toThrow(/hunter2/);
  });

  it('takes only the schema parameter out of the URL and keeps the others as written', () => {
    expect(splitSchemaParam('postgres://h/db?sslmode=disable&schema=s1&options=-c%20x%3Dy')).toEqual({
      connectionString: 'postgres://h/db?sslmode=disable&options=-c%20x%3Dy',
      schema: 's1',
    });
    expect(splitSchemaParam('postgres://h/db?schema=s2')).toEqual({
      connectionString: 'postgres://h/db',
      schema: 's2',
    });
    expect(splitSchemaParam('postgres://h/db')).toEqual({
      connectionString: 'postgres://h/db',
      schema: undefined,
    });
    expect(splitSchemaParam('postgres://h/db?schema=')).toEqual({
      connectionString: 'postgres://h/db',
      schema: undefined,
    });
  });
});
