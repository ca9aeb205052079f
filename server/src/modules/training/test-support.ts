import type { THarness } from '../../../test/harness';

/** Shared by this module's tests: calls with a cookie, instants around now, a course with a session. */
export const caller = (h: THarness) => (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object, lang?: string) =>
  h.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) } });

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export const makeCourse = async (h: THarness, cookie: string, unitId: number, extra: object = {}) => {
  const res = await caller(h)('POST', '/api/v1/trainings', cookie, {
    unitId,
    name: 'Booth management',
    nameHi: 'बूथ प्रबंधन',
    requiredSessions: 2,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`course: ${res.body}`);
  return res.json() as { id: number };
};

export const makeSession = async (h: THarness, cookie: string, courseId: number, extra: object = {}) => {
  const res = await caller(h)('POST', `/api/v1/trainings/${courseId}/sessions`, cookie, {
    mode: 'offline',
    venue: 'District office',
    startsAt: hoursFromNow(-2),
    capacity: 50,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`session: ${res.body}`);
  return res.json() as { id: number; unit: { id: number } };
};
