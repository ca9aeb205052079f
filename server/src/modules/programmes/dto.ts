import type { TInstance, TInstanceBrief, TInstanceStatus } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { canEditInstance } from './access';
import { isOpen } from './tally';

/** Instances with their programme, phase, geography, units and current in-charge. */
export const selectInstances = (db: Kysely<DB>) =>
  db
    .selectFrom('programme_instance as i')
    .innerJoin('programme as p', 'p.id', 'i.programme_id')
    .innerJoin('programme_phase as ph', 'ph.id', 'i.phase_id')
    .innerJoin('unit as pu', 'pu.id', 'p.unit_id')
    .innerJoin('unit as su', 'su.id', 'i.scope_unit_id')
    .leftJoin('unit as lu', 'lu.id', 'i.unit_id')
    .leftJoin('geo_area as g', 'g.code', 'i.geo_code')
    .leftJoin('tenure as t', (j) => j.onRef('t.programme_instance_id', '=', 'i.id').on('t.end_date', 'is', null))
    .leftJoin('person as ip', 'ip.id', 't.person_id')
    .select([
      'i.id',
      'i.programme_id',
      'p.name as programme_name',
      'p.name_hi as programme_name_hi',
      'ph.number as phase',
      'ph.due_date as phase_due_date',
      'i.target_key',
      'i.geo_code',
      'g.name as geo_name',
      'g.name_hi as geo_name_hi',
      'g.kind as geo_kind',
      'lu.id as unit_id',
      'lu.name as unit_name',
      'lu.name_hi as unit_name_hi',
      'lu.level as unit_level',
      'su.id as scope_id',
      'su.name as scope_name',
      'su.name_hi as scope_name_hi',
      'su.level as scope_level',
      'su.path as scope_path',
      'pu.path as issuer_path',
      'i.state_code',
      'i.cluster_id',
      'i.status',
      'i.cancel_reason',
      'i.planned_date',
      'i.venue',
      'i.held_on',
      'i.attendance',
      'i.notes',
      'i.updated_at',
      't.id as tenure_id',
      't.start_date as tenure_start',
      'ip.id as in_charge_id',
      'ip.name as in_charge_name',
      'ip.name_hi as in_charge_name_hi',
    ]);

export type TInstanceRecord = Awaited<ReturnType<ReturnType<typeof selectInstances>['executeTakeFirstOrThrow']>>;

/** Open past its planned date, or past its phase's due date. */
export const isOverdue = (r: { status: string; planned_date: string | null; phase_due_date: string | null }, today: string) =>
  isOpen(r.status as TInstanceStatus) && ((r.planned_date !== null && r.planned_date < today) || (r.phase_due_date !== null && r.phase_due_date < today));

const geoOf = (r: TInstanceRecord) =>
  r.geo_code && r.geo_name && r.geo_kind ? { code: r.geo_code, name: r.geo_name, nameHi: r.geo_name_hi, kind: r.geo_kind } : null;
const unitOf = (r: TInstanceRecord) =>
  r.unit_id !== null && r.unit_name !== null && r.unit_level !== null ? { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level } : null;

export const toInstanceBrief = (r: TInstanceRecord, today: string): TInstanceBrief => ({
  id: r.id,
  phase: r.phase,
  targetKey: r.target_key,
  geo: geoOf(r),
  unit: unitOf(r),
  stateCode: r.state_code,
  status: r.status as TInstanceStatus,
  plannedDate: r.planned_date,
  isOverdue: isOverdue(r, today),
  inChargeName: r.in_charge_id === null ? null : (r.in_charge_name ?? r.in_charge_name_hi),
});

export const toInstance = (
  actor: TActor,
  r: TInstanceRecord,
  extra: { team: TInstance['team']; photos: TInstance['photos'] },
  today: string,
): TInstance => ({
  id: r.id,
  programmeId: r.programme_id,
  programmeName: r.programme_name,
  programmeNameHi: r.programme_name_hi,
  phase: r.phase,
  targetKey: r.target_key,
  geo: geoOf(r),
  unit: unitOf(r),
  scopeUnit: { id: r.scope_id, name: r.scope_name, nameHi: r.scope_name_hi, level: r.scope_level },
  stateCode: r.state_code,
  clusterId: r.cluster_id,
  status: r.status as TInstanceStatus,
  cancelReason: r.cancel_reason,
  plannedDate: r.planned_date,
  venue: r.venue,
  heldOn: r.held_on,
  attendance: (r.attendance as Record<string, number> | null) ?? null,
  notes: r.notes,
  inCharge:
    r.in_charge_id !== null && r.tenure_id !== null && r.tenure_start !== null
      ? { id: r.in_charge_id, name: r.in_charge_name, nameHi: r.in_charge_name_hi, tenureId: r.tenure_id, since: r.tenure_start }
      : null,
  team: extra.team,
  photos: extra.photos,
  isOverdue: isOverdue(r, today),
  canEdit: canEditInstance(actor, r),
  updatedAt: new Date(r.updated_at).toISOString(),
});
