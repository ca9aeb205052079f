import type { TUnit, TUnitCreate, TUnitPatch } from '@samiti/common';

/** What the add/edit form holds: plain strings, empty meaning "none". */
export type TUnitFormValues = { level: string; name: string; nameHi: string; geo: string };

const clean = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** POST body for a new child; empty optional fields are left out. */
export const toCreateBody = (parentId: number, form: TUnitFormValues): TUnitCreate => {
  const nameHi = clean(form.nameHi);
  const geo = form.geo.trim().toUpperCase();
  return {
    parentId,
    level: form.level,
    name: clean(form.name),
    ...(nameHi ? { nameHi } : {}),
    ...(geo ? { geo } : {}),
  };
};

/** PATCH body with only what changed; clearing Hindi name or geography sends null. Empty object = nothing to save. */
export const toPatchBody = (unit: Pick<TUnit, 'name' | 'nameHi' | 'geo'>, form: TUnitFormValues): TUnitPatch => {
  const body: TUnitPatch = {};
  const name = clean(form.name);
  const nameHi = clean(form.nameHi) || null;
  const geo = form.geo.trim().toUpperCase() || null;
  if (name !== unit.name) body.name = name;
  if (nameHi !== (unit.nameHi ?? null)) body.nameHi = nameHi;
  if (geo !== (unit.geo?.code ?? null)) body.geo = geo;
  return body;
};

export const formValuesOf = (unit: Pick<TUnit, 'level' | 'name' | 'nameHi' | 'geo'>): TUnitFormValues => ({
  level: unit.level,
  name: unit.name,
  nameHi: unit.nameHi ?? '',
  geo: unit.geo?.code ?? '',
});
