/**
 * Derives the demo organisation's polling stations from the UP 2014 Form-20 (booth-wise) files:
 * the assembly segments of the Kairana and Muzaffarnagar Lok Sabha seats. Writes our import format
 * (state, ac, part, name). Run: npx tsx server/data/build-demo-booths.ts [SHARED_DATA_DIR]
 * Source: datameet/india-election-data (ECI / CEO Uttar Pradesh public records), see SOURCES.md.
 */
import fs from 'node:fs';
import path from 'node:path';

const shared = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../../shared/data'));
const dir = path.join(shared, 'datameet-india-election-data/up-2014-booth-wise');
const ACS = [7, 8, 9, 10, 11, 12, 14, 15];

const splitCsvLine = (line: string): string[] => {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') q = !q;
    else if (c === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
};
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s(./-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());

const lines = ['state,ac,part,name'];
for (const ac of ACS) {
  const rows = fs.readFileSync(path.join(dir, `${ac}.csv`), 'utf8').split(/\r?\n/).slice(2);
  for (const row of rows) {
    const [part, name] = splitCsvLine(row);
    if (!part || !/^\d+$/.test(part.trim()) || !name?.trim()) continue;
    lines.push(['S24', String(ac), part.trim(), quote(titleCase(name.trim().replace(/\s+/g, ' ')))].join(','));
  }
}
const out = path.join(import.meta.dirname, 'demo-polling-stations.csv');
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length - 1} polling stations to ${out}`);
