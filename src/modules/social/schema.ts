import { Type, type Static } from 'typebox';
import { IsoDate } from '../../platform/iso-date.ts';

const Id = Type.String({ maxLength: 64 });
const NullableString = Type.Union([Type.Null(), Type.String()]);

export const Network = Type.Union([Type.Literal('facebook'), Type.Literal('zalo')]);
export const Health = Type.Union([Type.Literal('unconfigured'), Type.Literal('valid'), Type.Literal('expiring'), Type.Literal('expired'), Type.Literal('revoked')]);

/** A channel as the API shows it: secrets only as "stored" and their last characters. */
export const Channel = Type.Object({
  id: Id,
  network: Network,
  name: Type.String(),
  externalId: NullableString,
  appId: NullableString,
  secretStored: Type.Boolean(),
  secretHint: NullableString,
  health: Health,
  healthLabel: Type.String(),
  healthNote: NullableString,
  tokenExpiresAt: NullableString,
  checkedAt: NullableString,
  waitingPosts: Type.Integer(),
  isDemo: Type.Boolean(),
});
export type ChannelView = Static<typeof Channel>;

export const ChannelCreate = Type.Object({
  network: Network,
  name: Type.String({ minLength: 1, maxLength: 200 }),
});

/**
 * Connecting or reconnecting. Facebook: page id + page access token. Zalo: app id, secret key
 * and refresh token (an access token may be given too). Nothing is stored unless it works.
 */
export const ChannelConnect = Type.Object({
  externalId: Type.Optional(Type.String({ maxLength: 100 })),
  accessToken: Type.Optional(Type.String({ maxLength: 4000 })),
  appId: Type.Optional(Type.String({ maxLength: 100 })),
  secretKey: Type.Optional(Type.String({ maxLength: 500 })),
  refreshToken: Type.Optional(Type.String({ maxLength: 4000 })),
  /** When the token stops working, if known (Facebook page tokens may never expire). */
  expiresAt: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 40 })])),
});
export type ChannelConnectInput = Static<typeof ChannelConnect>;

export const Delivery = Type.Object({
  id: Id,
  postId: Id,
  channelId: NullableString,
  channelName: Type.String(),
  network: Type.String(),
  title: NullableString,
  message: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  scheduledAt: NullableString,
  networkSide: Type.Boolean(),
  broadcast: Type.Boolean(),
  attempts: Type.Integer(),
  nextAttemptAt: NullableString,
  remoteUrl: NullableString,
  lastError: NullableString,
  publishedAt: NullableString,
  hasScreenshot: Type.Boolean(),
  manual: Type.Boolean(),
  articleId: NullableString,
  postTitle: Type.String(),
  link: NullableString,
  planId: NullableString,
  taskIds: Type.Array(Type.String()),
  createdAt: Type.String(),
});
export type DeliveryView = Static<typeof Delivery>;

export const DeliveryQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 20 })),
  /** Scheduled or published from this day (YYYY-MM-DD), for the calendar. */
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type DeliveryQueryInput = Static<typeof DeliveryQuery>;

export const ChannelText = Type.Object({
  channelId: Id,
  message: Type.String({ maxLength: 100_000 }),
  /** Zalo articles need a title (≤ 150 characters). */
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  /** Zalo: send the article to the OA's followers after it is made. */
  broadcast: Type.Optional(Type.Boolean()),
});

export const ComposeInput = Type.Object({
  /** A published article to share (its public address and cover go with it) … */
  articleId: Type.Optional(Id),
  /** … or a free post. */
  title: Type.Optional(Type.String({ maxLength: 300 })),
  link: Type.Optional(Type.String({ maxLength: 2000 })),
  imageUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  planId: Type.Optional(Id),
  taskIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  channels: Type.Array(ChannelText, { minItems: 1, maxItems: 10 }),
  /** Publish at this time (ISO); none: now. */
  scheduledAt: Type.Optional(Type.String({ maxLength: 40 })),
  /** Facebook: hand the schedule to Facebook (`scheduled_publish_time`) instead of our queue. */
  networkSide: Type.Optional(Type.Boolean()),
  /** Keep as a draft, sending nothing. */
  draft: Type.Optional(Type.Boolean()),
});
export type ComposeInputValue = Static<typeof ComposeInput>;

export const ManualInput = Type.Object({
  network: Type.Union([Type.Literal('facebook'), Type.Literal('zalo'), Type.Literal('youtube'), Type.Literal('tiktok'), Type.Literal('other')]),
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  date: IsoDate,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  planId: Id,
  taskIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
  screenshot: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), base64: Type.String({ minLength: 1 }) })),
});
export type ManualInputValue = Static<typeof ManualInput>;

export const Preview = Type.Object({
  channels: Type.Array(Type.Object({ channelId: Id, network: Network, characters: Type.Integer(), limit: Type.Integer(), titleCharacters: Type.Integer(), titleLimit: Type.Integer(), problems: Type.Array(Type.String()) })),
});
