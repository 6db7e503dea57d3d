/**
 * Table types shared by both engines. Timestamps are ISO-8601 UTC text and dates are
 * YYYY-MM-DD text on both engines, flags are 0/1 integers, JSON is text: one shape everywhere,
 * so a repository never branches on the engine for a value.
 */
export interface AgencyTable {
  id: string;
  code: string;
  hostname: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

/** One effective-dated version of an agency's name, abbreviation and parent. */
export interface AgencyNameTable {
  id: string;
  agency_id: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  short_name: string;
  abbreviation: string;
  parent_name: string | null;
  place: string;
  source: string | null;
  created_at: string;
}

export interface UnitTable {
  id: string;
  agency_id: string;
  name: string;
  short_name: string;
  abbreviation: string;
  kind: 'office' | 'professional' | 'other';
  is_coordinator: number;
  active: number;
  sort_order: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface UnitGroupTable {
  id: string;
  agency_id: string;
  name: string;
  /** JSON array of other spellings found in documents. */
  aliases: string;
  /** 'all_professional' groups follow unit kinds; 'explicit' groups list members. */
  rule: 'all_professional' | 'explicit';
  is_demo: number;
  created_at: string;
}

export interface UnitGroupMemberTable {
  agency_id: string;
  group_id: string;
  unit_id: string;
}

export interface UserTable {
  id: string;
  agency_id: string;
  unit_id: string | null;
  email: string;
  full_name: string;
  password_hash: string;
  active: number;
  is_demo: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  agency_id: string;
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  agency_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  agency_id: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  at: string;
  ip: string | null;
}

export interface JobTable {
  id: string;
  /** Null only for system jobs that belong to no agency. */
  agency_id: string | null;
  kind: string;
  payload: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'dead';
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  idempotency_key: string | null;
  locked_at: string | null;
  locked_by: string | null;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  agencies: AgencyTable;
  agency_names: AgencyNameTable;
  units: UnitTable;
  unit_groups: UnitGroupTable;
  unit_group_members: UnitGroupMemberTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
}
