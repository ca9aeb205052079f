import fs from 'node:fs';
import path from 'node:path';
import type { TCtx } from './context';
import { importPollingStations } from './modules/geo/polling-stations';
import { createUser } from './modules/auth/users';
import { seedDirectivesDemo } from './modules/directives/demo';
import { seedMeetingsDemo } from './modules/meetings/demo';
import { seedToursDemo } from './modules/tours/demo';
import { seedProgrammesDemo } from './modules/programmes/demo';
import { seedTrainingDemo } from './modules/training/demo';
import { createUnit, updateUnit } from './modules/units/operations';
import { scaffoldUnits } from './modules/units/scaffold';
import { createWing } from './modules/units/structure';

export const DEMO_LOGIN = { username: 'admin', password: 'samiti-demo' } as const;
const DEMO_BOOTHS = path.resolve(import.meta.dirname, '../data/demo-polling-stations.csv');

const MANDALS = [
  { name: 'Muzaffarnagar City Mandal', nameHi: 'मुजफ्फरनगर नगर मंडल', kendras: ['Gandhi Colony', 'Civil Lines'], kendrasHi: ['गांधी कॉलोनी', 'सिविल लाइंस'] },
  { name: 'Kukda Mandal', nameHi: 'कूकड़ा मंडल', kendras: ['Kukda', 'Sujru'], kendrasHi: ['कूकड़ा', 'सुजडू'] },
  { name: 'Bhopa Road Mandal', nameHi: 'भोपा रोड मंडल', kendras: ['Bhopa Road', 'Keshavpuri'], kendrasHi: ['भोपा रोड', 'केशवपुरी'] },
];

/**
 * The demo organisation: the whole country scaffolded from the shipped geography (36 states,
 * their districts and 4,120 assembly units), real polling stations of the Kairana and
 * Muzaffarnagar seats as booths, mandals and shakti kendras in Muzaffarnagar, two wings, and one
 * login per role.
 */
export const seedDemo = async (ctx: TCtx) => {
  await importPollingStations(ctx, fs.readFileSync(DEMO_BOOTHS));
  const scaffold = await scaffoldUnits(ctx, { state: 'ALL' });
  await createWing(ctx, { key: 'youth', name: 'Youth wing', nameHi: 'युवा मोर्चा', rootName: 'Youth wing (national)', rootNameHi: 'युवा मोर्चा (राष्ट्रीय)' });
  await createWing(ctx, { key: 'women', name: "Women's wing", nameHi: 'महिला मोर्चा', rootName: "Women's wing (national)", rootNameHi: 'महिला मोर्चा (राष्ट्रीय)' });
  await scaffoldUnits(ctx, { state: 'S24', wing: 'youth' });

  const unitOf = async (geo: string, wing = 'main') =>
    ctx.db.selectFrom('unit').select(['id', 'path']).where('geo_code', '=', geo).where('wing', '=', wing).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  const up = await unitOf('S24');
  const mznAc = await unitOf('S24-AC-14');
  const mznDistrict = await ctx.db
    .selectFrom('unit')
    .select('id')
    .where('id', '=', Number(mznAc.path.split('/').filter(Boolean).at(-2)))
    .executeTakeFirstOrThrow();
  const booths = await ctx.db
    .selectFrom('unit')
    .select('id')
    .where('parent_id', '=', mznAc.id)
    .where('level', '=', 'booth')
    .orderBy('sort_key')
    .limit(60)
    .execute();
  let b = 0;
  for (const m of MANDALS) {
    const mandal = await createUnit(ctx, { parentId: mznAc.id, level: 'mandal', name: m.name, nameHi: m.nameHi });
    for (const [i, k] of m.kendras.entries()) {
      const kendra = await createUnit(ctx, { parentId: mandal.id, level: 'shakti-kendra', name: `${k} Shakti Kendra`, nameHi: `${m.kendrasHi[i]} शक्ति केंद्र` });
      for (let j = 0; j < 10 && b < booths.length; j++, b++) {
        const booth = booths[b];
        if (booth) await updateUnit(ctx, booth.id, { parentId: kendra.id });
      }
    }
  }

  await createUser(ctx, { ...DEMO_LOGIN, displayName: 'National admin', role: 'national-admin' });
  await createUser(ctx, { username: 'up-admin', password: DEMO_LOGIN.password, displayName: 'UP office secretary', role: 'admin', unitId: up.id });
  const mznPresident = await createUser(ctx, { username: 'mzn-president', password: DEMO_LOGIN.password, displayName: 'Muzaffarnagar district president', locale: 'hi', role: 'office-bearer', unitId: mznDistrict.id });
  await createUser(ctx, { username: 'mzn-viewer', password: DEMO_LOGIN.password, displayName: 'Muzaffarnagar viewer', locale: 'hi', role: 'viewer', unitId: mznDistrict.id });
  await seedMeetingsDemo(ctx, { districtId: mznDistrict.id, organiserUserId: mznPresident.id });
  await seedDirectivesDemo(ctx, { districtId: mznDistrict.id, presidentUserId: mznPresident.id, password: DEMO_LOGIN.password });
  await seedTrainingDemo(ctx, { districtId: mznDistrict.id });
  await seedToursDemo(ctx, { stateId: up.id });
  await seedProgrammesDemo(ctx, { stateId: up.id });
  return scaffold;
};
