import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { Database } from '../../db/database.ts';
import * as repo from './repo.ts';

/**
 * Demo channels of an empty database: named "(mẫu)", holding no token and pointing at no page
 * ("chưa kết nối") until an admin connects the agency's real Page and OA.
 */
export async function seedDemoChannels(database: Database, agencyId: string): Promise<number> {
  if ((await repo.countChannels(database.db, agencyId)) > 0) return 0;
  const now = nowIso();
  const base = { agency_id: agencyId, external_id: null, app_id: null, secrets: null, secret_hint: null, health: 'unconfigured' as const, health_note: null, token_expires_at: null, checked_at: null, is_demo: 1, created_at: now, updated_at: now };
  await database.transaction(async (trx) => {
    await repo.insertChannel(trx, { ...base, id: newId(), network: 'facebook', name: 'Trang Facebook của cơ quan (mẫu)' });
    await repo.insertChannel(trx, { ...base, id: newId(), network: 'zalo', name: 'Zalo OA của cơ quan (mẫu)' });
  });
  return 2;
}
