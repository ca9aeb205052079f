import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { TGeoShapeFeature, TGeoShapeKind, TGeoShapes } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { decodeRing } from './shape-codec';

// Off the event loop: gzipping the national AC map (7 MB of JSON) takes over a second.
const gzipAsync = promisify(gzip);

export const SHAPES_DIR = path.resolve(import.meta.dirname, '../../../data');

type TShapeFile = { version: number; kind: TGeoShapeKind; features: { code: string; state: string; polygons: number[][][] }[] };

/** A map ready to send: the GeoJSON bytes, gzipped once, and an ETag that changes only with them. */
export type TServedShapes = { etag: string; json: Buffer; gzip: Buffer; features: number };

const files = new Map<string, TShapeFile>();
/** The all-India PC map comes from a coarser copy (see build-shapes.ts): at that scale the detail is invisible. */
const readShapeFile = (kind: TGeoShapeKind, state: string | null, dir: string): TShapeFile => {
  const name = path.join(dir, kind === 'pc' && state === null ? 'shapes-pc-india.json' : `shapes-${kind}.json`);
  const hit = files.get(name);
  if (hit) return hit;
  const file = JSON.parse(fs.readFileSync(name, 'utf8')) as TShapeFile;
  files.set(name, file);
  return file;
};

const KIND_OF_AREA = { pc: 'pc', ac: 'ac', state: 'state' } as const;

/** Builds one map: the shipped shapes of `kind` (of one state, or all), with our names in both scripts. */
export const buildShapes = async (db: Kysely<DB>, kind: TGeoShapeKind, state: string | null, dir = SHAPES_DIR): Promise<TServedShapes> => {
  const file = readShapeFile(kind, state, dir);
  const wanted = file.features.filter((f) => state === null || f.state === state);
  let q = db.selectFrom('geo_area').select(['code', 'name', 'name_hi']).where('kind', '=', KIND_OF_AREA[kind]);
  if (state !== null) q = kind === 'state' ? q.where('code', '=', state) : q.where('state_code', '=', state);
  const names = new Map((await q.execute()).map((r) => [r.code, r]));
  const features: TGeoShapeFeature[] = [];
  for (const f of wanted) {
    const area = names.get(f.code);
    if (!area) continue; // a shape for an area this database does not have: nothing to name or link
    features.push({
      type: 'Feature',
      properties: { code: f.code, stateCode: f.state, name: area.name, nameHi: area.name_hi },
      geometry: { type: 'MultiPolygon', coordinates: f.polygons.map((poly) => poly.map(decodeRing)) },
    });
  }
  const body: TGeoShapes = { type: 'FeatureCollection', kind, features };
  const json = Buffer.from(JSON.stringify(body));
  const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
  return { etag, json, gzip: await gzipAsync(json, { level: 9 }), features: features.length };
};

/**
 * Built maps are kept for the life of the process, per database: reference data does not change
 * while the server runs, and a national AC map takes a few hundred milliseconds to build.
 */
const cache = new WeakMap<Kysely<DB>, Map<string, Promise<TServedShapes>>>();
export const cachedShapes = (db: Kysely<DB>, kind: TGeoShapeKind, state: string | null): Promise<TServedShapes> => {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const key = `${kind}:${state ?? '*'}`;
  let hit = perDb.get(key);
  if (!hit) {
    hit = buildShapes(db, kind, state);
    hit.catch(() => perDb.delete(key));
    perDb.set(key, hit);
  }
  return hit;
};
