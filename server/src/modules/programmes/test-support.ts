import type { THarness } from '../../../test/harness';

/** Requests through the app, as a logged-in cookie or anonymously. */
export const caller = (h: THarness) => (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

export const programmeBody = (unitId: number, extra: Record<string, unknown> = {}) => ({
  unitId,
  name: 'Dialogue with professionals',
  nameHi: 'प्रबुद्ध वर्ग संवाद',
  description: 'Talks with doctors, lawyers and teachers in every constituency.',
  segments: ['doctors', 'lawyers', 'teachers'],
  phases: [
    { name: 'Lok Sabhas', nameHi: 'लोकसभा' },
    { name: 'Assembly segments', nameHi: 'विधानसभा' },
  ],
  ...extra,
});

/** A state unit linked to Haryana (10 PCs, 90 ACs), a district and an assembly unit linked to AC 1. */
export const haryana = async (h: THarness) => {
  const state = await h.unit({ level: 'state', name: `Haryana ${Math.random().toString(36).slice(2, 8)}`, geo: 'S07' });
  const district = await h.unit({ parentId: state.id, level: 'district' });
  const assembly = await h.unit({ parentId: district.id, level: 'assembly', geo: 'S07-AC-1' });
  return { state, district, assembly };
};

/** India's date today, `offset` days away. */
export const day = (offset: number) => new Date(Date.now() + 330 * 60_000 + offset * 86_400_000).toISOString().slice(0, 10);
