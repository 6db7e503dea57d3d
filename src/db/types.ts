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
  /** The province the agency belongs to (`province_names.province_code`); null: none. */
  province_code: string | null;
  created_at: string;
  updated_at: string;
}

/** One effective-dated name of a province (provinces were merged from 1/7/2025). */
export interface ProvinceNameTable {
  id: string;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  source: string | null;
  created_at: string;
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

/** Global e-mail → account lookup for sign-in, before the agency is known (0018-tenant-keys). */
export interface UserLoginTable {
  email: string;
  agency_id: string;
  user_id: string;
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

export interface FileTable {
  id: string;
  agency_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The bytes; empty when they live in object storage (`storage_key`). */
  content: Buffer;
  /** S3 object key when FILE_STORAGE=s3 stored the bytes; null when they are in `content`. */
  storage_key: string | null;
  created_by: string | null;
  created_at: string;
}

/** Cross-process page cache invalidation: a tag's generation grows on every change (platform/cache-sync.ts). */
export interface CacheGenerationTable {
  tag: string;
  generation: number;
  updated_at: string;
}

/** Shared rate limiter counters (platform/rate-limit-store.ts); window_start in epoch milliseconds. */
export interface RateLimitHitTable {
  key: string;
  hits: number;
  window_start: number;
}

export type PlanStatus = 'draft' | 'approved' | 'in_force' | 'closed';

/** A plan; list and tree fields are JSON text (see src/modules/plans/schema.ts for their shapes). */
export interface PlanTable {
  id: string;
  agency_id: string;
  year: number;
  doc_type: string;
  number_text: string | null;
  number_suffix: string | null;
  place: string | null;
  sign_date: string | null;
  title: string;
  theme: string | null;
  status: PlanStatus;
  basis: string;
  sections: string;
  budget_text: string | null;
  budget_lines: string;
  recipients: string;
  signer: string | null;
  channels: string;
  indices: string;
  appendix_title: string | null;
  appendix_columns: string;
  issuer: string | null;
  province: string | null;
  original_file_id: string | null;
  revision: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A row of the plan's appendix: a group heading or a task, in `position` order. */
export interface PlanTaskTable {
  id: string;
  agency_id: string;
  plan_id: string;
  kind: 'group' | 'task';
  position: number;
  group_code: string | null;
  code: string | null;
  content: string;
  lead_text: string;
  lead_unit_id: string | null;
  lead_group_id: string | null;
  coop: string;
  product: string;
  product_kinds: string;
  targets: string;
  due_text: string;
  due: string | null;
  due_end: string | null;
  flags: string;
  created_at: string;
  updated_at: string;
}

export interface PlanRevisionTable {
  id: string;
  agency_id: string;
  plan_id: string;
  number: number;
  reason: string;
  actor_id: string | null;
  actor_name: string;
  snapshot: string;
  created_at: string;
}

export type EvidenceKind = 'article' | 'social_post' | 'event' | 'procedure' | 'document' | 'other';

/** One piece of evidence; `quantities` is a JSON object measure → number. */
export interface EvidenceTable {
  id: string;
  agency_id: string;
  plan_id: string;
  kind: EvidenceKind;
  date: string;
  unit_id: string | null;
  title: string;
  description: string | null;
  link: string | null;
  quantities: string;
  source_type: string | null;
  source_id: string | null;
  status: 'active' | 'withdrawn';
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvidenceTaskTable {
  agency_id: string;
  evidence_id: string;
  task_id: string;
}

export interface EvidenceFileTable {
  agency_id: string;
  evidence_id: string;
  file_id: string;
}

export interface ReportPeriodTable {
  id: string;
  agency_id: string;
  plan_id: string;
  kind: 'month' | 'quarter' | 'half' | 'year';
  code: string;
  label: string;
  start_date: string;
  end_date: string;
  submit_due: string;
  lock_date: string;
  status: 'open' | 'closed';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type UnitReportStatus = 'draft' | 'pending_approval' | 'submitted' | 'accepted' | 'returned';

/** A unit's report for a period; `narratives` is JSON taskId → text. */
export interface UnitReportTable {
  id: string;
  agency_id: string;
  period_id: string;
  unit_id: string;
  status: UnitReportStatus;
  narratives: string;
  difficulties: string;
  proposals: string;
  reopened: number;
  submitted_at: string | null;
  late: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitReportEventTable {
  id: string;
  agency_id: string;
  report_id: string;
  action: string;
  comment: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

/** The final consolidated report of a period: kept as signed, never regenerated. */
export interface ConsolidatedReportTable {
  id: string;
  agency_id: string;
  period_id: string;
  number_text: string;
  sign_date: string;
  content: string;
  docx_file_id: string;
  xlsx_file_id: string;
  finalized_by: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  agency_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationSettingsTable {
  user_id: string;
  agency_id: string;
  email: number;
  in_app: number;
}

/** One row per reminder already sent; its key makes sending idempotent. */
export interface ReminderLogTable {
  agency_id: string;
  key: string;
  created_at: string;
}

/** JSON of the words a coordinator edited in a draft report (see reporting/draft-edits.ts). */
export interface ReportDraftEditTable {
  period_id: string;
  agency_id: string;
  edits: string;
  updated_by: string | null;
  updated_at: string;
}

export type ArticleStatus = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'published' | 'unpublished' | 'archived';

export interface CategoryTable {
  id: string;
  agency_id: string;
  slug: string;
  name: string;
  description: string | null;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MediaTable {
  id: string;
  agency_id: string;
  file_id: string;
  name: string;
  alt: string;
  width: number;
  height: number;
  variants: string;
  created_by: string | null;
  created_at: string;
}

export interface ArticleTable {
  id: string;
  agency_id: string;
  category_id: string;
  slug: string;
  status: ArticleStatus;
  title: string;
  summary: string;
  body_html: string;
  author_id: string | null;
  byline: string | null;
  source: string | null;
  tags: string;
  cover_media_id: string | null;
  cover_alt: string | null;
  audio_file_id: string | null;
  plan_id: string | null;
  task_ids: string;
  version: number;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  scheduled_at: string | null;
  schedule_job_id: string | null;
  published_at: string | null;
  first_published_at: string | null;
  unpublished_at: string | null;
  published_by: string | null;
  force_reason: string | null;
  force_reviewed_by: string | null;
  force_reviewed_at: string | null;
  preview_token: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleTranslationTable {
  agency_id: string;
  article_id: string;
  lang: string;
  title: string;
  summary: string;
  body_html: string;
}

export interface ArticleAttachmentTable {
  agency_id: string;
  article_id: string;
  file_id: string;
  label: string | null;
  position: number;
}

export interface ArticleMediaTable {
  agency_id: string;
  article_id: string;
  media_id: string;
}

export interface ArticleRevisionTable {
  id: string;
  agency_id: string;
  article_id: string;
  version: number;
  snapshot: string;
  created_by: string | null;
  created_at: string;
}

export interface ArticleEventTable {
  id: string;
  agency_id: string;
  article_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  created_at: string;
}

export interface LegalDocumentTable {
  id: string;
  agency_id: string;
  slug: string;
  number_symbol: string;
  doc_type: string;
  issuer: string;
  signed_on: string;
  effective_on: string | null;
  subject: string;
  file_id: string | null;
  published: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One public document in the platform search index (src/platform/search), original text (NFC).
 * PostgreSQL also has the tsvector column `lex`, read and written only by the search module's
 * engine SQL; SQLite keeps its index in the FTS5 table `search_fts`.
 */
export interface SearchDocumentTable {
  agency_id: string;
  kind: string;
  ref_id: string;
  /** Recency key assigned by the search module (published ms × 1024 + a sequence); bigint on PostgreSQL (read as text). */
  doc_id: number;
  title: string;
  summary: string | null;
  body: string;
  url: string;
  published_at: string;
  lang: string;
  /** Exact filter values, one per line (platform search `facets`); '' when none. */
  facets: string;
  indexed_at: string;
}

export interface ProcedureFieldTable {
  id: string;
  agency_id: string;
  name: string;
  slug: string;
  position: number;
  created_at: string;
}

export interface ProcedureTable {
  id: string;
  agency_id: string;
  code: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface ProcedureVersionTable {
  id: string;
  agency_id: string;
  procedure_id: string;
  version_no: number;
  effective_from: string;
  effective_to: string | null;
  origin: 'catalog' | 'new' | 'amended' | 'replaced' | 'abolished';
  decision_id: string | null;
  name: string;
  /** The name's Vietnamese sort key (platform/vi-text.ts `viSortKey`): the catalog's order. */
  name_sort: string;
  field_id: string;
  level: string;
  online_level: 'full' | 'partial' | null;
  data: string;
  created_by: string | null;
  created_at: string;
}

export interface ProcedureDecisionTable {
  id: string;
  agency_id: string;
  number_symbol: string;
  issuer: string;
  signed_on: string;
  effective_on: string;
  file_id: string | null;
  status: 'draft' | 'applied';
  posting_due_on: string;
  posted_on: string | null;
  task_ids: string;
  plan_id: string | null;
  applied_at: string | null;
  applied_by: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcedureDecisionItemTable {
  id: string;
  agency_id: string;
  decision_id: string;
  position: number;
  change_kind: 'new' | 'amended' | 'replaced' | 'abolished';
  code: string;
  replaces_code: string | null;
  data: string | null;
}

export interface ProcedureProcessStepTable {
  id: string;
  agency_id: string;
  procedure_id: string;
  position: number;
  name: string;
  responsible: string;
  unit_id: string | null;
  hours: number;
}

export interface ProcedurePostingTable {
  id: string;
  agency_id: string;
  posted_on: string;
  version_ids: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ProcessingResultTable {
  id: string;
  agency_id: string;
  month: string;
  procedure_code: string | null;
  field_id: string | null;
  carried_over: number;
  received_online: number;
  received_in_person: number;
  received_postal: number;
  settled_early: number;
  settled_on_time: number;
  settled_late: number;
  pending_within: number;
  pending_overdue: number;
  returned: number;
  withdrawn: number;
  source: 'manual' | 'import';
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type SurveyElement = 'access' | 'procedure' | 'officials' | 'result' | 'feedback';

/** A Likert item of the agency's satisfaction survey, under one of the five SIPAS elements. */
export interface SurveyQuestionTable {
  id: string;
  agency_id: string;
  element: SurveyElement;
  position: number;
  text: string;
  created_at: string;
}

/** One anonymous answer to the survey (token: the nonce of the signed form, used once). */
export interface SurveyResponseTable {
  id: string;
  agency_id: string;
  token: string;
  procedure_code: string | null;
  procedure_name: string | null;
  field_name: string | null;
  answered_on: string;
  comment: string | null;
  is_demo: number;
  created_at: string;
}

export interface SurveyAnswerTable {
  agency_id: string;
  response_id: string;
  question_id: string;
  element: SurveyElement;
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  value: number;
}

/** A yearly value of an index (total or one component), with its rank and source. */
export interface IndexValueTable {
  id: string;
  agency_id: string;
  index_code: 'par' | 'pci' | 'papi' | 'sipas' | 'dept';
  component: string;
  year: number;
  value_x100: number;
  rank: number | null;
  rank_of: number | null;
  source: string;
  source_url: string | null;
  origin: 'seed' | 'manual' | 'import';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An index article or infographic published, recorded as evidence on the plan's task. */
export interface IndexPublicationTable {
  id: string;
  agency_id: string;
  year: number;
  title: string;
  kind: 'article' | 'infographic';
  link: string;
  published_on: string;
  plan_id: string | null;
  evidence_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** A province's administrative area, in force on [effective_from, effective_to). */
export interface AdminAreaTable {
  id: string;
  agency_id: string;
  code: string;
  name: string;
  /** 'province' | 'district' | 'commune' */
  level: string;
  parent_code: string | null;
  effective_from: string;
  effective_to: string | null;
  replaced_by: string | null;
  /** Where the row came from (import file name, "mẫu"). */
  source: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface EventAudienceTable {
  agency_id: string;
  code: string;
  label: string;
  position: number;
}

export interface OutreachEventTable {
  id: string;
  agency_id: string;
  kind: string;
  title: string;
  start_date: string;
  end_date: string;
  area_id: string;
  address: string | null;
  unit_id: string | null;
  /** JSON array of audience codes. */
  audiences: string;
  participants_total: number;
  participants_women: number;
  participants_ethnic: number;
  /** JSON array of the plan content items the event carried. */
  content_items: string;
  plan_id: string | null;
  /** JSON array of task ids. */
  task_ids: string;
  note: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutreachEventFileTable {
  agency_id: string;
  event_id: string;
  file_id: string;
  /** 'material' | 'photo' | 'attendance' */
  role: string;
  created_at: string;
}

export type SocialNetwork = 'facebook' | 'zalo';
/** Token health of a channel: `unconfigured` until connected (the demo channels stay so). */
export type ChannelHealth = 'unconfigured' | 'valid' | 'expiring' | 'expired' | 'revoked';
/** `waiting`: held until the channel is reconnected (expired token), neither failed nor lost. */
export type DeliveryState = 'draft' | 'scheduled' | 'publishing' | 'waiting' | 'published' | 'failed' | 'deleted';

export interface SocialChannelTable {
  id: string;
  agency_id: string;
  network: SocialNetwork;
  name: string;
  external_id: string | null;
  app_id: string | null;
  /** Sealed JSON of the tokens and keys (platform/secret-box.ts); never sent to a client. */
  secrets: string | null;
  secret_hint: string | null;
  health: ChannelHealth;
  health_note: string | null;
  token_expires_at: string | null;
  checked_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SocialPostTable {
  id: string;
  agency_id: string;
  article_id: string | null;
  title: string;
  link: string | null;
  image_url: string | null;
  plan_id: string | null;
  task_ids: string;
  /** The composer's unit: the evidence counts for it in unit reports. */
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SocialDeliveryTable {
  id: string;
  agency_id: string;
  post_id: string;
  /** Null for a post recorded by hand. */
  channel_id: string | null;
  network: string;
  title: string | null;
  message: string;
  state: DeliveryState;
  scheduled_at: string | null;
  network_side: number;
  broadcast: number;
  attempts: number;
  attempt_started_at: string | null;
  next_attempt_at: string | null;
  remote_token: string | null;
  remote_id: string | null;
  remote_url: string | null;
  last_error: string | null;
  published_at: string | null;
  screenshot_file_id: string | null;
  idempotency_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  agencies: AgencyTable;
  agency_names: AgencyNameTable;
  province_names: ProvinceNameTable;
  units: UnitTable;
  unit_groups: UnitGroupTable;
  unit_group_members: UnitGroupMemberTable;
  users: UserTable;
  user_logins: UserLoginTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  files: FileTable;
  cache_generations: CacheGenerationTable;
  rate_limit_hits: RateLimitHitTable;
  plans: PlanTable;
  plan_tasks: PlanTaskTable;
  plan_revisions: PlanRevisionTable;
  evidence: EvidenceTable;
  evidence_tasks: EvidenceTaskTable;
  evidence_files: EvidenceFileTable;
  report_periods: ReportPeriodTable;
  unit_reports: UnitReportTable;
  unit_report_events: UnitReportEventTable;
  consolidated_reports: ConsolidatedReportTable;
  report_draft_edits: ReportDraftEditTable;
  notifications: NotificationTable;
  notification_settings: NotificationSettingsTable;
  reminder_log: ReminderLogTable;
  categories: CategoryTable;
  media: MediaTable;
  articles: ArticleTable;
  article_translations: ArticleTranslationTable;
  article_attachments: ArticleAttachmentTable;
  article_media: ArticleMediaTable;
  article_revisions: ArticleRevisionTable;
  article_events: ArticleEventTable;
  legal_documents: LegalDocumentTable;
  procedure_fields: ProcedureFieldTable;
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_decisions: ProcedureDecisionTable;
  procedure_decision_items: ProcedureDecisionItemTable;
  procedure_process_steps: ProcedureProcessStepTable;
  procedure_postings: ProcedurePostingTable;
  processing_results: ProcessingResultTable;
  search_documents: SearchDocumentTable;
  social_channels: SocialChannelTable;
  social_posts: SocialPostTable;
  social_deliveries: SocialDeliveryTable;
  survey_questions: SurveyQuestionTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  index_values: IndexValueTable;
  index_publications: IndexPublicationTable;
  feedback: FeedbackTable;
  feedback_files: FeedbackFileTable;
  feedback_events: FeedbackEventTable;
  admin_areas: AdminAreaTable;
  event_audiences: EventAudienceTable;
  outreach_events: OutreachEventTable;
  outreach_event_files: OutreachEventFileTable;
}

/** Citizens' feedback (phản ánh, kiến nghị); statuses in modules/feedback/workflow.ts. */
export interface FeedbackTable {
  id: string;
  agency_id: string;
  code: string;
  status: string;
  sender_name: string;
  sender_address: string;
  sender_phone: string;
  sender_email: string | null;
  subject: string;
  content: string;
  procedure_code: string | null;
  procedure_name: string | null;
  consent_publish: number;
  unit_id: string | null;
  answer_text: string | null;
  answered_by: string | null;
  answered_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  /** The question as published (personal data removed by the publisher). */
  public_question: string | null;
  /** Folded subject, question and answer of a published item, for the public search. */
  search_text: string | null;
  /** Folded code, subject and sender's name, for the admin list's search (same on both engines). */
  search_key: string;
  published_at: string | null;
  closed_at: string | null;
  assign_due_on: string;
  answer_due_on: string;
  is_demo: number;
  received_at: string;
  updated_at: string;
}

export interface FeedbackFileTable {
  agency_id: string;
  feedback_id: string;
  file_id: string;
  position: number;
}

export interface FeedbackEventTable {
  id: string;
  agency_id: string;
  feedback_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_id: string | null;
  created_at: string;
}
