import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.ts';

import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-plans.ts';
import * as m0003 from './migrations/0003-evidence.ts';
import * as m0004 from './migrations/0004-reporting.ts';
import * as m0005 from './migrations/0005-notifications.ts';
import * as m0006 from './migrations/0006-evidence-progress-index.ts';
import * as m0007 from './migrations/0007-search.ts';
import * as m0008 from './migrations/0008-publishing.ts';
import * as m0009 from './migrations/0009-procedures.ts';
import * as m0010 from './migrations/0010-events.ts';
import * as m0011 from './migrations/0011-social.ts';
import * as m0012 from './migrations/0012-feedback.ts';
import * as m0013 from './migrations/0013-surveys-indices.ts';
import * as m0014 from './migrations/0014-search-facets.ts';
import * as m0015 from './migrations/0015-procedure-name-sort.ts';
import * as m0016 from './migrations/0016-provinces.ts';
import * as m0017 from './migrations/0017-scale.ts';
import * as m0018 from './migrations/0018-tenant-keys.ts';
import * as m0019 from './migrations/0019-catalog-covering.ts';

type EngineMigration = { up: (db: any, engine: Database['engine']) => Promise<void> };

/** Every migration in order; a new one is appended here with the next number. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-foundation': m0001,
  '0002-plans': m0002,
  '0003-evidence': m0003,
  '0004-reporting': m0004,
  '0005-notifications': m0005,
  '0006-evidence-progress-index': m0006,
  '0007-search': m0007,
  '0008-publishing': m0008,
  '0009-procedures': m0009,
  '0010-events': m0010,
  '0011-social': m0011,
  '0012-feedback': m0012,
  '0013-surveys-indices': m0013,
  '0014-search-facets': m0014,
  '0015-procedure-name-sort': m0015,
  '0016-provinces': m0016,
  '0017-scale': m0017,
  '0018-tenant-keys': m0018,
  '0019-catalog-covering': m0019,
};

/**
 * Brings the schema up to date; the same list runs on both engines. Returns applied names.
 * `until` stops after that migration (tests of a migration on the data of the one before).
 */
export async function migrateToLatest(database: Database, until?: keyof typeof MIGRATIONS): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, database.engine) };
      return out;
    },
  };
  // Migrations are independent by construction; a database made while later numbers landed first still migrates.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await (until ? migrator.migrateTo(until) : migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
