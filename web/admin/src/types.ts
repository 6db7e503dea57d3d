// Shapes of the JSON the server answers (see the API contract); dates are strings as sent.

export interface Me {
  id: string;
  email: string;
  fullName: string;
  isDemo: boolean;
  agency: { id: string; code: string; name: string; shortName: string; abbreviation: string; parentName: string | null };
  unit: { id: string; name: string; shortName: string } | null;
  roles: string[];
  permissions: string[];
  csrfToken: string;
}

export interface Role {
  code: string;
  label: string;
}

export interface NameVersion {
  id: string;
  /** YYYY-MM-DD; null for the name the agency had since before records began. */
  validFrom: string | null;
  validTo: string | null;
  name: string;
  shortName: string;
  abbreviation: string;
  parentName: string | null;
  place: string;
  source: string | null;
}

export interface Agency {
  id: string;
  code: string;
  hostname: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  isDemo: boolean;
  current: NameVersion;
  names: NameVersion[];
}

export type UnitKind = 'office' | 'professional' | 'other';

export interface Unit {
  id: string;
  name: string;
  shortName: string;
  abbreviation: string;
  kind: UnitKind;
  isCoordinator: boolean;
  active: boolean;
  sortOrder: number;
  isDemo: boolean;
  userCount: number;
}

export interface UnitGroup {
  id: string;
  name: string;
  aliases: string[];
  rule: 'all_professional' | 'explicit';
  unitIds: string[];
}

export interface User {
  id: string;
  email: string;
  fullName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
  active: boolean;
  isDemo: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface TemporaryPassword {
  temporaryPassword?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  entities: string[];
  items: AuditEntry[];
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  finishedAt: string | null;
}
