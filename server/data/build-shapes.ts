/**
 * Builds the map shapes and centroids the product ships, from the raw public files in SHARED_DIR
 * (see server/data/SOURCES.md, "Shapes and centroids"):
 *
 *   server/data/shapes-pc.json     543 Lok Sabha constituencies (datameet, 2008 delimitation)
 *   server/data/shapes-pc-india.json  the same, coarser, for the all-India map
 *   server/data/shapes-ac.json     assembly constituencies (HindustanTimes)
 *   server/data/shapes-state.json  36 states/UTs, each the outline of its PCs
 *   server/data/centroids.json     a point for every state, PC, AC and district that has a shape
 *
 *   npx tsx server/data/build-shapes.ts [SHARED_DIR]      (default: <repo>/../shared/data)
 *
 * Keys are our geography codes from geo-india.json (S24-PC-3, S24-AC-14, S24, DIST-172). Pure Node
 * and deterministic (sorted, no timestamps): a rerun writes the same bytes. SAMITI_SHAPES_OUT
 * names another output folder (CI compares its files with the shipped ones).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dissolve, labelPoint } from './shapes-area';
import { orientShape, quantise, quantiseShape, shapeArea, simplifyLayer, type TPoint, type TShape } from './shapes-lib';
import { encodeRing } from '../src/modules/geo/shape-codec';
import { acCodeFor, type TGeoIndex, pcCodeFor, sameName, sortCodes } from './shapes-match';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(process.argv[2] ?? path.join(scriptDir, '..', '..', '..', 'shared', 'data'));
const OUT = process.env.SAMITI_SHAPES_OUT ? path.resolve(process.env.SAMITI_SHAPES_OUT) : scriptDir;

/** Coordinates are written with 4 decimals (about 11 m), centroids too. */
const DECIMALS = 4;
/** Douglas–Peucker tolerances in degrees (0.001° ≈ 110 m): a PC map of India and an AC map of a state stay crisp on a phone. */
const PC_TOLERANCE = 0.005;
/** The all-India PC map is seen at about 0.08° a pixel on a phone: a coarser copy halves its download. */
const PC_INDIA_TOLERANCE = 0.02;
const AC_TOLERANCE = 0.002;
const STATE_TOLERANCE = 0.008;
/** Islands and slivers under this many square degrees (≈ 0.5 km²) are dropped, never a shape's largest polygon. */
const MIN_AREA = 4e-5;

const problems: string[] = [];
const log = (msg = ''): void => {
  process.stdout.write(`${msg}\n`);
};

type TGeometry = { type: string; coordinates?: unknown; geometries?: TGeometry[] };
type TFeature = { properties: Record<string, unknown>; geometry: TGeometry | null };
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const features = (rel: string): TFeature[] => readJson<{ features: TFeature[] }>(path.join(SHARED, rel)).features;
const shapeOf = (g: TGeometry | null): TShape => {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as TShape[number]];
  if (g.type === 'MultiPolygon') return g.coordinates as TShape;
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(shapeOf);
  return [];
};
/** Drops the z of "x,y,0" points the HT files carry. */
const flat = (s: TShape): TShape => s.map((p) => p.map((r) => r.map((pt) => [pt[0], pt[1]] as TPoint)));
const prep = (s: TShape): TShape => orientShape(quantiseShape(flat(s), DECIMALS));

type TGeoFile = {
  states: { code: string }[];
  districts: { code: string; lgdCode: number; stateCode: string; name: string; census2011: string | null }[];
  pcs: { stateCode: string; number: number; name: string }[];
  acs: { stateCode: string; number: number; name: string; districts: string[] }[];
};
const geo = readJson<TGeoFile>(path.join(scriptDir, 'geo-india.json'));
const index: TGeoIndex = {
  pcs: new Map(geo.pcs.map((p) => [`${p.stateCode}-PC-${p.number}`, p.name])),
  acs: new Map(geo.acs.map((a) => [`${a.stateCode}-AC-${a.number}`, a.name])),
};

// ---------------------------------------------------------------------------------------------
// PCs: datameet, one MultiPolygon per seat, keyed by (Census state, pc_no).

const pcShapes = new Map<string, TShape>();
/** Unquantised, for centroids: a tiny district (Diu, Yanam) is a few coarse points that rounding can collapse. */
const rawShapes = new Map<string, TShape>();
const pcNameDiffs: string[] = [];
for (const f of features('datameet-maps/india_pc_2019_simplified.geojson')) {
  const code = pcCodeFor(Number(f.properties.st_code), Number(f.properties.pc_no));
  if (!code || !index.pcs.has(code)) {
    problems.push(`PC shape st_code ${String(f.properties.st_code)} pc_no ${String(f.properties.pc_no)} → ${code ?? '?'}: no such PC`);
    continue;
  }
  if (pcShapes.has(code)) problems.push(`two PC shapes for ${code}`);
  const name = String(f.properties.pc_name ?? '');
  if (!sameName(name, index.pcs.get(code) ?? '')) pcNameDiffs.push(`${code} ${index.pcs.get(code)} / ${name}`);
  pcShapes.set(code, prep(shapeOf(f.geometry)));
  rawShapes.set(code, orientShape(flat(shapeOf(f.geometry))));
}

// ---------------------------------------------------------------------------------------------
// ACs: HindustanTimes, one file per state, an AC sometimes in several pieces (one per district).

const AC_FILES = [
  'andhrapradesh', 'telangana', 'arunachalpradesh', 'assam', 'bihar', 'goa', 'gujarat', 'haryana', 'himachalpradesh',
  'jammukashmir', 'karnataka', 'kerala', 'madhyapradesh', 'maharashtra', 'manipur', 'meghalaya', 'mizoram', 'nagaland',
  'odisha', 'punjab', 'rajasthan', 'sikkim', 'tamilnadu', 'tripura', 'uttarpradesh', 'westbengal', 'chhattisgarh',
  'jharkhand', 'uttarakhand', 'delhi', 'puducherry',
];
const acRaw = new Map<string, TShape>();
const acNameDiffs: string[] = [];
for (const file of AC_FILES) {
  for (const f of features(`hindustantimes-shapefiles/ac/${file}_AC.json`)) {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties)) p[k.toUpperCase()] = v;
    const no = Number(p.AC_NO ?? 0);
    if (!no) continue; // water bodies and blanks
    const code = acCodeFor(file, no, index);
    if (!code) {
      problems.push(`AC shape ${file} ${no} ${String(p.AC_NAME)}: no such AC`);
      continue;
    }
    const name = String(p.AC_NAME ?? '').replace(/\(\s*(SC|ST|BL)\s*\)/gi, '');
    if (!sameName(name, index.acs.get(code) ?? '') && !acNameDiffs.some((d) => d.startsWith(`${code} `)))
      acNameDiffs.push(`${code} ${index.acs.get(code)} / ${name.trim()}`);
    acRaw.set(code, [...(acRaw.get(code) ?? []), ...flat(shapeOf(f.geometry))]);
  }
}
const acShapes = new Map([...acRaw].map(([code, s]) => [code, prep(s)]));
for (const [code, s] of acRaw) rawShapes.set(code, orientShape(s));

// ---------------------------------------------------------------------------------------------
// States: HT's state polygons. J&K there still includes Ladakh, so U08 and U09 are the outlines
// of their ACs instead; Dadra & Nagar Haveli and Daman & Diu are one UT (U03) since 2020.

const STATE_NAMES: Record<string, string> = {
  'Andaman & Nicobar Island': 'U01', 'Andhra Pradesh': 'S01', 'Arunanchal Pradesh': 'S02', Assam: 'S03', Bihar: 'S04',
  Chandigarh: 'U02', Chhattisgarh: 'S26', 'Dadara & Nagar Havelli': 'U03', 'Daman & Diu': 'U03', Goa: 'S05',
  Gujarat: 'S06', Haryana: 'S07', 'Himachal Pradesh': 'S08', 'Jammu & Kashmir': '', Jharkhand: 'S27', Karnataka: 'S10',
  Kerala: 'S11', Lakshadweep: 'U06', 'Madhya Pradesh': 'S12', Maharashtra: 'S13', Manipur: 'S14', Meghalaya: 'S15',
  Mizoram: 'S16', Nagaland: 'S17', 'NCT of Delhi': 'U05', Puducherry: 'U07', Punjab: 'S19', Rajasthan: 'S20',
  Sikkim: 'S21', 'Tamil Nadu': 'S22', Telangana: 'S29', Tripura: 'S23', 'Uttar Pradesh': 'S24', Uttarakhand: 'S28',
  'West Bengal': 'S25', Odisha: 'S18',
};
const stateShapes = new Map<string, TShape>();
for (const f of features('hindustantimes-shapefiles/india_state.json')) {
  const name = String(f.properties.ST_NM ?? '');
  const code = STATE_NAMES[name];
  if (code === undefined) problems.push(`state polygon ${name}: unknown state`);
  if (!code) continue;
  stateShapes.set(code, [...(stateShapes.get(code) ?? []), ...prep(shapeOf(f.geometry))]);
}
for (const st of ['U08', 'U09']) {
  const parts = [...acShapes].filter(([code]) => code.startsWith(`${st}-`)).map(([, shape]) => shape);
  stateShapes.set(st, dissolve(parts, MIN_AREA));
}

// ---------------------------------------------------------------------------------------------
// Districts (centroids only): Census-2011 polygons and UP's four post-2011 districts, joined to LGD.

const norm = (s: string): string => s.toUpperCase().replace(/[^A-Z]/g, '');
const lgdRows = fs
  .readFileSync(path.join(SHARED, 'lgd-india-local-government-directory/2-district.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim() !== '');
const csvCells = (line: string): string[] => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '').slice(0, 6);
const districtBy2011 = new Map<number, string>();
const upNewDistrict = new Map<string, string>();
for (const line of lgdRows) {
  const [st, , lgd, name, , c2011] = csvCells(line);
  const code = `DIST-${Number(lgd)}`;
  if (Number(c2011) > 0) {
    if (districtBy2011.has(Number(c2011))) problems.push(`two LGD districts with Census-2011 code ${c2011}`);
    districtBy2011.set(Number(c2011), code);
  } else if (Number(st) === 9) upNewDistrict.set(norm(name ?? ''), code);
}
const districtShapes = new Map<string, TShape>();
for (const f of features('hindustantimes-shapefiles/india_district.json')) {
  const cc = Number(f.properties.censuscode ?? 0);
  const code = cc > 0 ? districtBy2011.get(cc) : upNewDistrict.get(norm(String(f.properties.district ?? '')));
  if (!code) {
    if (f.properties.district !== 'Data Not Available') problems.push(`district polygon ${String(f.properties.district)} (${cc}): no LGD district`);
    continue;
  }
  const shape = orientShape(flat(shapeOf(f.geometry)));
  if (shape.length > 0) districtShapes.set(code, [...(districtShapes.get(code) ?? []), ...shape]);
}
// A district with no polygon (Yanam's is empty) takes the ACs whose main district it is.
const districtsFromAcs: string[] = [];
for (const d of geo.districts) {
  if (districtShapes.has(d.code)) continue;
  const parts = geo.acs.filter((a) => a.districts[0] === d.code).flatMap((a) => rawShapes.get(`${a.stateCode}-AC-${a.number}`) ?? []);
  if (parts.length === 0) continue;
  districtShapes.set(d.code, parts);
  districtsFromAcs.push(d.code);
}

// ---------------------------------------------------------------------------------------------
// Simplify each layer as a whole (shared borders stay shared), then write.

const simplified = (shapes: Map<string, TShape>, tolerance: number): Map<string, TShape> => {
  const codes = sortCodes([...shapes.keys()]);
  const out = simplifyLayer(
    codes.map((c) => shapes.get(c) as TShape),
    tolerance,
    MIN_AREA,
  );
  return new Map(codes.map((c, i) => [c, out[i] as TShape]));
};
const stateOf = (code: string): string => code.slice(0, 3);

const GENERATED_FROM =
  'server/data/build-shapes.ts from: datameet/maps@b3fbbde (PCs, 2008 delimitation), ' +
  'HindustanTimesLabs/shapefiles@e41de80 (ACs; states; Census-2011 districts for centroids). See server/data/SOURCES.md.';

const writeShapes = (kind: 'pc' | 'ac' | 'state', shapes: Map<string, TShape>, file = `shapes-${kind}.json`): number => {
  const lines = [...shapes].map(([code, shape]) =>
    JSON.stringify({ code, state: stateOf(code), polygons: shape.map((poly) => poly.map(encodeRing)) }),
  );
  const text = `{"version":1,"kind":"${kind}","generatedFrom":${JSON.stringify(GENERATED_FROM)},"features":[\n${lines.join(',\n')}]}\n`;
  fs.writeFileSync(path.join(OUT, file), text);
  return Buffer.byteLength(text);
};

const pcOut = simplified(pcShapes, PC_TOLERANCE);
const pcIndiaOut = simplified(pcShapes, PC_INDIA_TOLERANCE);
const acOut = simplified(acShapes, AC_TOLERANCE);
const stateOut = simplified(stateShapes, STATE_TOLERANCE);

// Centroids from the unsimplified shapes (states: the outline of their quantised PCs).
type TCentroidRow = { code: string; lat: number; lon: number };
let adjusted = 0;
const centroidRows: TCentroidRow[] = [];
for (const layer of [stateShapes, districtShapes, pcShapes, acShapes]) {
  for (const code of sortCodes([...layer.keys()])) {
    const shape = rawShapes.get(code) ?? (layer.get(code) as TShape);
    const lp = labelPoint(shape);
    if (!lp) {
      problems.push(`${code}: no centroid`);
      continue;
    }
    if (!lp.isCentroid) adjusted++;
    centroidRows.push({ code, lat: quantise(lp.point[1], DECIMALS), lon: quantise(lp.point[0], DECIMALS) });
  }
}

// ---------------------------------------------------------------------------------------------
// Report and invariants

const missing = (all: string[], have: Map<string, unknown>): string[] => all.filter((c) => !have.has(c));
const allPcs = [...index.pcs.keys()];
const allAcs = [...index.acs.keys()];
const allDistricts = geo.districts.map((d) => d.code);
const pointCount = (m: Map<string, TShape>): number => [...m.values()].reduce((n, s) => n + s.flat(2).length, 0);
/** How much simplification changed each shape's area: the 99th percentile and the worst, for the report. */
const areaDrift = (before: Map<string, TShape>, after: Map<string, TShape>): string => {
  const d = [...after]
    .map(([c, s]) => [c, Math.abs(shapeArea(s) / shapeArea(before.get(c) as TShape) - 1)] as const)
    .sort((x, y) => x[1] - y[1]);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const worst = d[d.length - 1];
  return `area change p50 ${pct(d[Math.floor(d.length / 2)]?.[1] ?? 0)}, p99 ${pct(d[Math.floor(d.length * 0.99)]?.[1] ?? 0)}, worst ${worst?.[0]} ${pct(worst?.[1] ?? 0)}`;
};

if (pcShapes.size !== 543) problems.push(`expected 543 PC shapes, got ${pcShapes.size}`);
if (stateShapes.size !== 36) problems.push(`expected 36 state shapes, got ${stateShapes.size}`);
if (acShapes.size < 4100) problems.push(`expected ≥ 4,100 AC shapes, got ${acShapes.size}`);
for (const [code, s] of [...pcOut, ...acOut, ...stateOut]) if (s.length === 0) problems.push(`${code}: empty after simplification`);
for (const c of centroidRows) if (!(c.lat > 5 && c.lat < 38 && c.lon > 67 && c.lon < 98)) problems.push(`${c.code}: centroid ${c.lat},${c.lon} outside India`);
const knownCodes = new Set([...geo.states.map((s) => s.code), ...allDistricts, ...allPcs, ...allAcs]);
for (const c of centroidRows) if (!knownCodes.has(c.code)) problems.push(`${c.code}: centroid for an area geo-india.json does not have`);
if (problems.length > 0) {
  process.stderr.write(`FAILED (${problems.length}):\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}

const sizes = {
  pc: writeShapes('pc', pcOut),
  pcIndia: writeShapes('pc', pcIndiaOut, 'shapes-pc-india.json'),
  ac: writeShapes('ac', acOut),
  state: writeShapes('state', stateOut),
};
const centroidText =
  `{"version":1,"generatedFrom":${JSON.stringify(GENERATED_FROM)},"items":[\n` +
  `${centroidRows.map((r) => JSON.stringify(r)).join(',\n')}]}\n`;
fs.writeFileSync(path.join(OUT, 'centroids.json'), centroidText);

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
log(`Sources: ${SHARED}`);
log(`PCs:       ${pcShapes.size} of ${allPcs.length} shaped; ${pointCount(pcShapes)} → ${pointCount(pcOut)} points; ${kb(sizes.pc)}; ${areaDrift(pcShapes, pcOut)}`);
log(`PCs India: ${pointCount(pcIndiaOut)} points; ${kb(sizes.pcIndia)}; ${areaDrift(pcShapes, pcIndiaOut)}`);
log(`ACs:       ${acShapes.size} of ${allAcs.length} shaped; ${pointCount(acShapes)} → ${pointCount(acOut)} points; ${kb(sizes.ac)}; ${areaDrift(acShapes, acOut)}`);
log(`States:    ${stateShapes.size} of ${geo.states.length} shaped; ${pointCount(stateShapes)} → ${pointCount(stateOut)} points; ${kb(sizes.state)}; ${areaDrift(stateShapes, stateOut)}`);
log(`Districts: ${districtShapes.size} of ${allDistricts.length} have a centroid (${districtsFromAcs.length} from their ACs: ${districtsFromAcs.join(' ')})`);
log(`Centroids: ${centroidRows.length} (${adjusted} moved inside their shape); ${kb(Buffer.byteLength(centroidText))}`);
log(`ACs without a shape (${missing(allAcs, acShapes).length}): ${missing(allAcs, acShapes).join(' ')}`);
log(`Districts without a centroid (${missing(allDistricts, districtShapes).length}): ${missing(allDistricts, districtShapes).join(' ')}`);
log(`PC name differences (join is on numbers) (${pcNameDiffs.length}): ${pcNameDiffs.join('; ')}`);
log(`AC name differences (join is on numbers) (${acNameDiffs.length}): ${acNameDiffs.join('; ')}`);
