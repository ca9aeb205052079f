import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { TNotificationKind } from '@samiti/common';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export type GeoAreaTable = {
  code: string;
  kind: 'state' | 'pc' | 'ac' | 'district';
  state_code: string | null;
  number: number | null;
  pc_code: string | null;
  name: string;
  name_hi: string | null;
  name_hi_derived: Generated<boolean>;
  reservation: string | null;
  is_ut: Generated<boolean>;
  lgd_code: number | null;
  census2011: string | null;
  search_key: Generated<string>;
  /** Centroid (migration 0015), filled by the geography seed from server/data/centroids.json. */
  lat: Generated<number | null>;
  lon: Generated<number | null>;
};

export type GeoAcDistrictTable = { ac_code: string; district_code: string; ordinal: number };

export type PollingStationTable = {
  id: Generated<number>;
  ac_code: string;
  part_number: number;
  name: string;
  name_hi: string | null;
  lat: number | null;
  lon: number | null;
  search_key: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OrgLevelTable = { key: string; rank: number; name: string; name_hi: string; geo_kind: string | null };
export type WingTable = { key: string; name: string; name_hi: string; root_unit_id: number | null; created_at: Timestamp };

export type UnitTable = {
  id: Generated<number>;
  parent_id: number | null;
  wing: string;
  level: string;
  name: string;
  name_hi: string | null;
  path: string;
  depth: number;
  sort_key: string;
  search_key: Generated<string>;
  geo_code: string | null;
  polling_station_id: number | null;
  child_count: Generated<number>;
  descendant_count: Generated<number>;
  deleted_at: Date | null;
  deletion_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AppUserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  locale: Generated<'en' | 'hi'>;
  disabled_at: Date | null;
  created_at: Timestamp;
  /** Migration 0012: the person this login is (their assignments are "my assignments"). */
  person_id: Generated<number | null>;
};

export type RoleGrantTable = {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number | null;
  created_at: Timestamp;
};

export type UserSessionTable = { token_hash: string; user_id: number; created_at: Timestamp; expires_at: Date };

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
};

export type PersonTable = {
  id: Generated<number>;
  name: string | null;
  name_hi: string | null;
  derived_name: 'name' | 'nameHi' | null;
  gender: 'female' | 'male' | 'other' | null;
  birth_year: number | null;
  phone: string;
  epic: string | null;
  home_unit_id: number;
  merged_into: Generated<number | null>;
  consent_purpose: string;
  consent_date: string;
  consent_method: 'written' | 'verbal' | 'online' | 'sms-otp';
  search_key: Generated<string>;
  photo_file_id: Generated<number | null>;
  deleted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PostTemplateTable = { level: string; post_key: string; name: string; name_hi: string; seats: number; min_seats: number; sort: number };

/** Migration 0025: a wing's own template for a level (units of that wing at that level use it instead of post_template). */
export type WingPostTemplateTable = { wing: string; level: string; post_key: string; name: string; name_hi: string; seats: number; min_seats: number; sort: number };

/** Migration 0025 (a view): the template each (wing, level) follows — the wing's own, else the default. Join on (wing, level, post_key). */
export type EffectivePostTemplateView = WingPostTemplateTable & { is_wing_template: boolean };

export type TenureTable = {
  id: Generated<number>;
  unit_id: number;
  post_key: string;
  person_id: number;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  created_at: Timestamp;
  programme_instance_id: ColumnType<number | null, number | null | undefined, number | null>;
  programme_cluster_id: ColumnType<number | null, number | null | undefined, number | null>;
};

export type ImportJobTable = {
  id: Generated<number>;
  kind: 'people-posts' | 'members';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  user_id: number;
  locale: Generated<string>;
  file_name: string | null;
  file: Uint8Array | null;
  options: Json;
  processed: Generated<number>;
  total: Generated<number>;
  report: Json;
  error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
};

export type PersonMergeTable = {
  id: Generated<number>;
  source_id: number;
  target_id: number;
  moved_tenures: number[];
  moved_memberships: number[];
  moved_enrolments: number[];
  merged_by: number | null;
  merged_at: Timestamp;
  undone_at: Date | null;
  undone_by: number | null;
  /** Migration 0025: the retired record's photo the kept record took over, given back on undo. */
  moved_photo_file_id: ColumnType<number | null, number | null | undefined, number | null>;
};

/** Migration 0010: one row per uploaded file; the bytes are in the file store under `sha256`. */
export type StoredFileTable = {
  id: Generated<number>;
  sha256: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  bytes: number;
  width: number | null;
  height: number | null;
  owner_type: string;
  owner_id: number;
  uploaded_by: number | null;
  created_at: Timestamp;
  deleted_at: Date | null;
};

// Elections (migration 0013).
export type PartyTable = { key: string; short_name: string | null; name: string; name_hi: string | null; created_at: Timestamp };
export type PartyAliasTable = { folded: string; party_key: string };
export type ElectionSettingTable = { singleton: Generated<boolean>; our_party_key: string | null; updated_by: number | null; updated_at: Timestamp };
export type ElectionTable = {
  id: Generated<number>;
  type: 'lok-sabha' | 'vidhan-sabha' | 'zila-panchayat' | 'kshetra-panchayat' | 'gram-panchayat' | 'municipal';
  state_code: string | null;
  unit_id: number | null;
  year: number;
  name: string;
  name_hi: string | null;
  poll_date: string | null;
  counting_date: string | null;
  is_shipped: Generated<boolean>;
  applications_open: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type SeatTable = {
  id: Generated<number>;
  election_id: number;
  code: string;
  number: number | null;
  name: string;
  name_hi: string | null;
  geo_code: string | null;
  unit_id: number | null;
  reservation: string | null;
  is_redrawn: Generated<boolean>;
  is_uncontested: Generated<boolean>;
  applications_open: boolean | null;
  created_at: Timestamp;
};
export type ResultRowTable = { id: Generated<number>; seat_id: number; serial: number | null; candidate: string; party_key: string; votes: number };
export type BoothResultTable = {
  id: Generated<number>;
  election_id: number;
  seat_id: number | null;
  ac_code: string;
  part_number: number;
  polling_station_id: number | null;
  party_key: string;
  votes: number;
};
export type AspirantTable = {
  id: Generated<number>;
  seat_id: number;
  person_id: number;
  stage: Generated<'applied' | 'screened' | 'shortlisted' | 'interviewed' | 'candidate' | 'not-selected'>;
  statement: string | null;
  channel: Generated<'office' | 'public'>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type AspirantStageTable = {
  id: Generated<number>;
  aspirant_id: number;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  moved_by: number | null;
  moved_by_label: string | null;
  moved_at: Timestamp;
};
export type ScreeningCriterionTable = {
  id: Generated<number>;
  election_id: number;
  name: string;
  name_hi: string | null;
  max_score: number;
  sort: Generated<number>;
  created_at: Timestamp;
};
export type ScreeningScoreTable = { aspirant_id: number; criterion_id: number; screener_id: number; score: number; note: string | null; updated_at: Timestamp };

// Meetings (migration 0011).
export type TMeetingStatus = 'planned' | 'held' | 'minutes-approved' | 'cancelled';
export type MeetingTable = {
  id: Generated<number>;
  unit_id: number;
  wing: string;
  type: 'review' | 'executive' | 'workers-conference' | 'training' | 'other';
  title: string;
  starts_at: Timestamp;
  venue: string | null;
  venue_unit_id: number | null;
  chair_person_id: number | null;
  organiser_user_id: number;
  agenda: ColumnType<string[], string | undefined, string>;
  invitee_rule: ColumnType<{ levels?: string[]; posts?: string[]; includeSelf?: boolean }, string | undefined, string>;
  status: Generated<TMeetingStatus>;
  cancel_reason: string | null;
  minutes: string | null;
  minutes_lang: 'en' | 'hi' | null;
  minutes_approved_at: Date | null;
  minutes_approved_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type MeetingInviteeTable = {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  source: 'rule' | 'individual' | 'walk-in';
  post_key: string | null;
  post_unit_id: number | null;
  added_by: number | null;
  created_at: Timestamp;
};
export type MeetingAttendanceTable = {
  id: Generated<number>;
  meeting_id: number;
  invitee_id: number;
  status: 'present' | 'absent' | 'excused';
  note: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
};
export type MeetingResolutionTable = {
  id: Generated<number>;
  meeting_id: number;
  number: number;
  text: string;
  status: Generated<'active' | 'withdrawn'>;
  withdrawn_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TrainingCourseTable = {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_hi: string | null;
  description: string | null;
  required_sessions: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type TrainingSessionTable = {
  id: Generated<number>;
  course_id: number;
  unit_id: number;
  title: string | null;
  mode: 'online' | 'offline';
  link: string | null;
  venue: string | null;
  trainer_person_id: number | null;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: number;
  cancelled_at: Date | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type TrainingInvitationTable = {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  source: 'post' | 'list' | 'active-members';
  rsvp: 'yes' | 'no' | 'maybe' | null;
  rsvp_at: Date | null;
  attendance: 'present' | 'absent' | null;
  invited_by: number | null;
  created_at: Timestamp;
};
export type TrainingAttendanceTable = {
  id: Generated<number>;
  invitation_id: number;
  status: 'present' | 'absent';
  recorded_by: number | null;
  recorded_at: Timestamp;
};
export type TrainingBearerTable = {
  person_id: number;
  unit_ids: number[];
  is_trained: boolean;
  updated_at: Generated<Timestamp>;
};
export type TrainingCoverageTable = {
  unit_id: number;
  office_bearers: number;
  trained: number;
  updated_at: Generated<Timestamp>;
};
export type TourTable = {
  id: Generated<number>;
  unit_id: number;
  leader_person_id: number;
  title: string;
  title_hi: string | null;
  starts_on: string;
  ends_on: string;
  notes: string | null;
  cancelled_at: Date | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type TourStopTable = {
  id: Generated<number>;
  tour_id: number;
  unit_id: number;
  leader_person_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  purpose: 'meeting' | 'programme' | 'rally' | 'review' | 'other';
  meeting_id: number | null;
  programme_instance_id: number | null;
  coordinator_person_id: number | null;
  notes: string | null;
  conflicts: Json;
  uid: Generated<string>;
  cancelled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type TourStopReportTable = {
  id: Generated<number>;
  stop_id: number;
  is_held: boolean;
  summary: string | null;
  reported_by: number | null;
  reported_at: Timestamp;
};

// Directives, assignments, circulars, roll-up counters, notifications (migration 0012).
export type DirectiveTable = {
  id: Generated<number>;
  unit_id: number;
  meeting_id: number | null;
  text: string;
  due_date: string;
  target_kind: 'unit' | 'post' | 'person' | 'cascade';
  target_unit_id: number | null;
  target_level: string | null;
  target_post: string | null;
  target_person_id: number | null;
  status: Generated<'creating' | 'ready' | 'failed'>;
  total: Generated<number>;
  error: string | null;
  created_by: number | null;
  created_at: Timestamp;
};
export type AssignmentTable = {
  id: Generated<number>;
  directive_id: number;
  unit_id: number;
  post_key: string | null;
  person_id: number | null;
  is_vacant: Generated<boolean>;
  status: Generated<'new' | 'acknowledged' | 'in-progress' | 'done' | 'declined'>;
  report_text: string | null;
  report_numbers: Json;
  decline_reason: string | null;
  acted_by: number | null;
  updated_at: Timestamp;
  closed_at: Date | null;
};
export type CircularTable = {
  id: Generated<number>;
  unit_id: number;
  title: string;
  body: string;
  target_level: string | null;
  total: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
};
export type CircularReceiptTable = {
  id: Generated<number>;
  circular_id: number;
  unit_id: number;
  status: Generated<'new' | 'received' | 'acknowledged'>;
  received_at: Date | null;
  received_by: number | null;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
};
export type RollupCountTable = {
  subject: 'directive' | 'circular' | 'programme';
  subject_id: number;
  unit_id: number;
  parent_id: number | null;
  total: Generated<number>;
  vacant: Generated<number>;
  s_new: Generated<number>;
  s_ack: Generated<number>;
  s_progress: Generated<number>;
  s_done: Generated<number>;
  s_declined: Generated<number>;
};
export type NotificationTable = {
  id: Generated<number>;
  user_id: number;
  kind: TNotificationKind;
  assignment_id: number | null;
  circular_id: number | null;
  title_en: string | null;
  title_hi: string | null;
  link: string | null;
  read_at: Date | null;
  created_at: Timestamp;
};
export type AssignmentReminderTable = { assignment_id: number; day: string; kind: 'due-soon' | 'overdue'; created_at: Timestamp };

export type UnitHealthTable = { unit_id: number; filled: Generated<number>; updated_at: Timestamp };
export type UnitHealthBoothsTable = { unit_id: number; filled: number; booths: Generated<number> };
export type UnitHealthMeetingTable = { meeting_id: number; unit_id: number; held_on: string; expected: Generated<number>; present: Generated<number> };
export type UnitHealthDueTable = {
  unit_id: number;
  due_date: string;
  open: Generated<number>;
  on_time: Generated<number>;
  late: Generated<number>;
  declined: Generated<number>;
};
export type HealthThresholdTable = { level: string; signal: string; wing: string | null; value: number | string; updated_by: number | null; updated_at: Timestamp };
export type UnitHealthProgrammeTable = { unit_id: number; due_date: string; due: Generated<number>; done: Generated<number> };
export type HealthElectionAreaTable = { area: string; election_id: number; share: number; swing: number | null };
export type UnitHealthSnapshotTable = { unit_id: number; week: string; is_weak: boolean; signals: Json };
export type ReplacementTable = {
  id: Generated<number>;
  unit_id: number;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  note: string | null;
  proposed_by: number;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  reject_reason: string | null;
  created_at: Timestamp;
};
export type ReplacementItemTable = {
  id: Generated<number>;
  replacement_id: number;
  tenure_id: number;
  successor_person_id: number | null;
  new_tenure_id: number | null;
};

export type AudienceSegmentTable = {
  key: string;
  name: string;
  name_hi: string;
  sort: Generated<number>;
  archived_at: Date | null;
};

export type ProgrammeTable = {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_hi: string;
  description: string | null;
  wing: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProgrammeSegmentTable = { programme_id: number; segment_key: string };

export type ProgrammePhaseTable = {
  id: Generated<number>;
  programme_id: number;
  number: number;
  name: string;
  name_hi: string;
  due_date: string | null;
};

export type ProgrammeRolloutTable = {
  id: Generated<number>;
  phase_id: number;
  under_unit_id: number;
  target_kind: string;
  target_level: string | null;
  created: number;
  created_by: number | null;
  created_at: Timestamp;
  status: Generated<'creating' | 'ready' | 'failed'>;
  total: number | null;
  error: string | null;
};

export type ProgrammeClusterTable = {
  id: Generated<number>;
  programme_id: number;
  name: string;
  name_hi: string | null;
  created_at: Timestamp;
  updated_at: Date | null;
  deleted_at: Date | null;
};

export type ProgrammeClusterTargetTable = { programme_id: number; target_key: string; cluster_id: number };

export type ProgrammeInstanceTable = {
  id: Generated<number>;
  programme_id: number;
  phase_id: number;
  target_key: string;
  geo_code: string | null;
  unit_id: number | null;
  scope_unit_id: number;
  state_code: string | null;
  cluster_id: number | null;
  status: Generated<string>;
  cancel_reason: string | null;
  planned_date: string | null;
  venue: string | null;
  held_on: string | null;
  attendance: Json;
  notes: string | null;
  has_in_charge: Generated<boolean>;
  reported_at: Date | null;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  overdue_notice_for: string | null;
};

export type ProgrammeTeamMemberTable = { instance_id: number; person_id: number; role: string | null; added_at: Timestamp };

export type ProgrammeTallyTable = {
  phase_id: number;
  bucket: string;
  total: Generated<number>;
  vacant: Generated<number>;
  s_not_planned: Generated<number>;
  s_planned: Generated<number>;
  s_held: Generated<number>;
  s_reported: Generated<number>;
  s_cancelled: Generated<number>;
};

export type DB = {
  audience_segment: AudienceSegmentTable;
  programme: ProgrammeTable;
  programme_segment: ProgrammeSegmentTable;
  programme_phase: ProgrammePhaseTable;
  programme_rollout: ProgrammeRolloutTable;
  programme_cluster: ProgrammeClusterTable;
  programme_cluster_target: ProgrammeClusterTargetTable;
  programme_instance: ProgrammeInstanceTable;
  programme_team_member: ProgrammeTeamMemberTable;
  programme_tally: ProgrammeTallyTable;
  unit_health: UnitHealthTable;
  unit_health_booths: UnitHealthBoothsTable;
  unit_health_meeting: UnitHealthMeetingTable;
  unit_health_due: UnitHealthDueTable;
  health_threshold: HealthThresholdTable;
  unit_health_snapshot: UnitHealthSnapshotTable;
  unit_health_programme: UnitHealthProgrammeTable;
  health_election_area: HealthElectionAreaTable;
  replacement: ReplacementTable;
  replacement_item: ReplacementItemTable;
  directive: DirectiveTable;
  assignment: AssignmentTable;
  circular: CircularTable;
  circular_receipt: CircularReceiptTable;
  rollup_count: RollupCountTable;
  notification: NotificationTable;
  assignment_reminder: AssignmentReminderTable;
  training_course: TrainingCourseTable;
  training_session: TrainingSessionTable;
  training_invitation: TrainingInvitationTable;
  training_attendance: TrainingAttendanceTable;
  training_bearer: TrainingBearerTable;
  training_coverage: TrainingCoverageTable;
  tour: TourTable;
  tour_stop: TourStopTable;
  tour_stop_report: TourStopReportTable;
  meeting: MeetingTable;
  meeting_invitee: MeetingInviteeTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_resolution: MeetingResolutionTable;
  party: PartyTable;
  party_alias: PartyAliasTable;
  election_setting: ElectionSettingTable;
  election: ElectionTable;
  seat: SeatTable;
  result_row: ResultRowTable;
  booth_result: BoothResultTable;
  aspirant: AspirantTable;
  aspirant_stage: AspirantStageTable;
  screening_criterion: ScreeningCriterionTable;
  screening_score: ScreeningScoreTable;
  stored_file: StoredFileTable;
  person_merge: PersonMergeTable;
  import_job: ImportJobTable;
  person: PersonTable;
  post_template: PostTemplateTable;
  wing_post_template: WingPostTemplateTable;
  effective_post_template: EffectivePostTemplateView;
  tenure: TenureTable;
  geo_area: GeoAreaTable;
  geo_ac_district: GeoAcDistrictTable;
  polling_station: PollingStationTable;
  org_level: OrgLevelTable;
  wing: WingTable;
  unit: UnitTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
};

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
