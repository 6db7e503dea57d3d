import { sql, type Kysely } from 'kysely';

/**
 * Provinces, for the overseer (Sở Nội vụ) who reads every agency of one province.
 * `agencies.province_code` says which province an agency belongs to (null: none, so no
 * overseer sees it); `province_names` holds the province's effective-dated names, since
 * provinces were merged in 2025 and a 2024 roll-up must print the name of 2024.
 * The code is this application's own key, not an official administrative code.
 * The seed agency and the demo overseer agency existed before this migration: both are in
 * Bắc Giang (their names say so), so they are placed there; the names come from the seed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('province_code', 'text').execute();
  await db.schema.createIndex('agencies_province').on('agencies').columns(['province_code']).execute();

  await db.schema
    .createTable('province_names')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('province_names_code_from').on('province_names').columns(['province_code', 'valid_from']).execute();

  await sql`update agencies set province_code = 'bac-giang' where code in ('bdt-bacgiang', 'snv-bacgiang') and province_code is null`.execute(db);
}
