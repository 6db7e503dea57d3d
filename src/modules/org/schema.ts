import { Type, type Static } from 'typebox';
import { ROLES } from '../../platform/access.ts';
import { IsoDate } from '../../platform/iso-date.ts';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const RoleCode = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const UnitKind = Type.Union([Type.Literal('office'), Type.Literal('professional'), Type.Literal('other')]);

export const NameVersion = Type.Object({
  id: Type.String(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
  parentName: Nullable(Type.String()),
  place: Type.String(),
  source: Nullable(Type.String()),
});

export const Agency = Type.Object({
  id: Type.String(),
  code: Type.String(),
  hostname: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  current: NameVersion,
  names: Type.Array(NameVersion),
});

export const AgencyPatch = Type.Object(
  {
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    website: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);

export const NameVersionInput = Type.Object(
  {
    validFrom: IsoDate,
    name: Text(300),
    shortName: Text(200),
    abbreviation: Text(30),
    parentName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    place: Text(100),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export const Unit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
  kind: UnitKind,
  isCoordinator: Type.Boolean(),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  isDemo: Type.Boolean(),
  userCount: Type.Integer(),
});

export const UnitInput = Type.Object(
  {
    name: Text(200),
    shortName: Type.Optional(Text(100)),
    abbreviation: Text(30),
    kind: UnitKind,
    isCoordinator: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const UnitPatch = Type.Object(
  {
    name: Type.Optional(Text(200)),
    shortName: Type.Optional(Text(100)),
    abbreviation: Type.Optional(Text(30)),
    kind: Type.Optional(UnitKind),
    isCoordinator: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const UnitGroup = Type.Object({
  id: Type.String(),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  rule: Type.Union([Type.Literal('all_professional'), Type.Literal('explicit')]),
  unitIds: Type.Array(Type.String()),
});

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  fullName: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  isDemo: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  unitId: Type.Optional(Type.String()),
  role: Type.Optional(RoleCode),
  active: Type.Optional(Type.Boolean()),
});

export const UserInput = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 200, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    fullName: Text(200),
    unitId: Type.Optional(Nullable(Type.String())),
    roles: Type.Array(RoleCode, { uniqueItems: true }),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const UserPatch = Type.Object(
  {
    fullName: Type.Optional(Text(200)),
    unitId: Type.Optional(Nullable(Type.String())),
    roles: Type.Optional(Type.Array(RoleCode, { uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PasswordReset = Type.Object({ password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }, { additionalProperties: false });
export const TemporaryPassword = Type.Object({ temporaryPassword: Type.Optional(Type.String()) });

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  fullName: Type.String(),
  isDemo: Type.Boolean(),
  agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), shortName: Type.String(), abbreviation: Type.String(), parentName: Nullable(Type.String()) }),
  unit: Nullable(Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() })),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});

export const LoginInput = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 8, maxLength: 200 }) },
  { additionalProperties: false },
);

export type AgencyView = Static<typeof Agency>;
export type NameVersionView = Static<typeof NameVersion>;
export type UnitView = Static<typeof Unit>;
export type UserView = Static<typeof User>;
export type MeView = Static<typeof Me>;
