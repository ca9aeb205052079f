import type { TCtx } from '../../context';
import { createPerson } from '../people/operations';
import { createCluster } from './clusters';
import { reportInstance, updateInstance } from './instances';
import { createProgramme } from './operations';
import { rollOut } from './rollout';

const DAY_MS = 86_400_000;
const indiaDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * DAY_MS).toISOString().slice(0, 10);
const consent = { purpose: 'party organisation records (demo data)', date: '2026-01-15', method: 'written' as const };

const IN_CHARGES = [
  ['Alok Srivastava', 'आलोक श्रीवास्तव'],
  ['Meena Chaudhary', 'मीना चौधरी'],
  ['Sanjay Rathore', 'संजय राठौर'],
  ['Kavita Mishra', 'कविता मिश्रा'],
  ['Devendra Pal', 'देवेंद्र पाल'],
  ['Rekha Verma', 'रेखा वर्मा'],
  ['Harish Tyagi', 'हरीश त्यागी'],
  ['Nidhi Saxena', 'निधि सक्सेना'],
] as const;

/** The events of a phase in target order. */
const instancesOf = (ctx: TCtx, programmeId: number, phase: number) =>
  ctx.db
    .selectFrom('programme_instance as i')
    .innerJoin('programme_phase as ph', 'ph.id', 'i.phase_id')
    .select(['i.id', 'i.target_key'])
    .where('i.programme_id', '=', programmeId)
    .where('ph.number', '=', phase)
    .orderBy('i.id')
    .execute();

/**
 * Demo programmes of the UP state unit, so the progress table and the PC map show something: an
 * intellectuals' dialogue rolled out to all 80 Lok Sabha seats of UP with a West UP cluster, in-charges,
 * and events planned, held, reported (with attendance), overdue and one cancelled; and a women
 * beneficiaries' outreach rolled out to UP's assembly segments with a few reported.
 */
export const seedProgrammesDemo = async (ctx: TCtx, input: { stateId: number }) => {
  const people = [];
  for (const [i, [name, nameHi]] of IN_CHARGES.entries()) {
    people.push(await createPerson(ctx, { name, nameHi, homeUnitId: input.stateId, phone: `94140000${String(i + 10)}`, consent }));
  }
  const dialogue = await createProgramme(ctx, {
    unitId: input.stateId,
    name: 'Professionals conclave',
    nameHi: 'प्रबुद्ध जन सम्मेलन',
    description:
      'A meeting with doctors, lawyers, teachers and other professionals in every Lok Sabha seat, then in every assembly segment.',
    segments: ['intellectuals', 'doctors', 'lawyers', 'teachers'],
    phases: [
      { name: 'Lok Sabha seats', nameHi: 'लोकसभा क्षेत्र', dueDate: indiaDay(30) },
      { name: 'Assembly segments', nameHi: 'विधानसभा क्षेत्र', dueDate: indiaDay(75) },
    ],
  });
  const westUp = Array.from({ length: 10 }, (_, i) => `pc:S24-PC-${i + 1}`);
  const lead = people[0];
  await createCluster(ctx, dialogue.id, { name: 'West UP', nameHi: 'पश्चिमी उत्तर प्रदेश', targets: westUp, inChargePersonId: lead?.id });
  await rollOut(ctx, dialogue.id, { target: 'pc', underUnitId: input.stateId, phase: 1 });
  const pcs = await instancesOf(ctx, dialogue.id, 1);
  for (const [n, inst] of pcs.entries()) {
    // A spread of stages: a third reported, some held, some planned ahead, a few overdue, one cancelled.
    const person = people[(n % (people.length - 1)) + 1];
    const stage = n % 9;
    if (stage === 8) continue; // not planned, no in-charge: a vacancy
    const inChargePersonId = person?.id ?? null;
    if (stage === 7) {
      await updateInstance(ctx, inst.id, { inChargePersonId }); // in-charge, not planned yet
      continue;
    }
    if (n === 13) {
      await updateInstance(ctx, inst.id, {
        inChargePersonId,
        status: 'cancelled',
        cancelReason: "Merged with the neighbouring seat's event (same venue).",
      });
      continue;
    }
    const plannedOffset = stage <= 2 ? -(10 + (n % 7)) : stage <= 4 ? -(3 + (n % 3)) : 4 + (n % 20);
    await updateInstance(ctx, inst.id, {
      inChargePersonId,
      plannedDate: indiaDay(plannedOffset),
      venue: n % 2 === 0 ? 'District bar association hall' : 'Town hall',
    });
    if (stage <= 2) {
      const attendance = {
        intellectuals: 40 + ((n * 7) % 60),
        doctors: 10 + ((n * 3) % 25),
        lawyers: 15 + ((n * 5) % 30),
        teachers: 20 + ((n * 11) % 40),
      };
      await reportInstance(ctx, inst.id, {
        heldOn: indiaDay(plannedOffset),
        attendance,
        notes: 'सभी वर्गों की अच्छी भागीदारी; सुझाव संकलित।',
        isFinal: stage !== 2,
      });
    }
    // stage 3 and 4: planned in the past and neither held nor reported, i.e. overdue.
  }

  const outreach = await createProgramme(ctx, {
    unitId: input.stateId,
    name: 'Women beneficiaries outreach',
    nameHi: 'महिला लाभार्थी संपर्क',
    description: 'Meetings with women beneficiaries of welfare schemes in every assembly segment.',
    segments: ['women-beneficiaries', 'general'],
    phases: [{ name: 'Assembly segments', nameHi: 'विधानसभा क्षेत्र', dueDate: indiaDay(45) }],
  });
  await rollOut(ctx, outreach.id, { target: 'ac', underUnitId: input.stateId, phase: 1 });
  const acs = await instancesOf(ctx, outreach.id, 1);
  for (const [n, inst] of acs.entries()) {
    if (n % 10 !== 0) continue;
    await updateInstance(ctx, inst.id, { inChargePersonId: people[n % people.length]?.id ?? null, plannedDate: indiaDay(-(2 + (n % 5))) });
    if (n % 20 === 0)
      await reportInstance(ctx, inst.id, {
        heldOn: indiaDay(-(2 + (n % 5))),
        attendance: { 'women-beneficiaries': 120 + (n % 80), general: 30 + (n % 20) },
        isFinal: true,
      });
  }
  return { programmeIds: [dialogue.id, outreach.id] };
};
