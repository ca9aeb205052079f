/**
 * An external load generator for bench/people: Debian's `wrk` on loopback, so the figures are the
 * server's alone (the in-process `fetch` client shares the Node process it measures). Optional:
 * without `wrk` on the PATH these return null and the bench says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TWrkResult = { requestsPerSecond: number; p50: number; p95: number; p99: number; requests: number; errors: number; connections: number };

export const hasWrk = () => spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %d %.3f %.3f %.3f %d\\n", summary.requests, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
`;

// Asynchronous on purpose: the server under test runs in this process, and a synchronous spawn would block it.
const run = async (base: string, lua: string, connections: number, seconds: number): Promise<TWrkResult | null> => {
  if (!hasWrk()) return null;
  const file = path.join(os.tmpdir(), `samiti-wrk-${process.pid}.lua`);
  fs.writeFileSync(file, lua + DONE);
  const threads = Math.min(2, connections);
  const child = spawn('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '-s', file, base]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await new Promise((resolve) => child.on('close', resolve));
  const m = /WRK (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stdout);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  if (!m || !rps || stderr.includes('.lua')) throw new Error(`wrk: ${stdout} ${stderr}`);
  return {
    requestsPerSecond: Math.round(Number(rps[1])),
    p50: Number(m[2]),
    p95: Number(m[3]),
    p99: Number(m[4]),
    requests: Number(m[1]),
    errors: Number(m[5]),
    connections,
  };
};

const luaString = (s: string) => JSON.stringify(s);

/** GETs of these paths in turn, with the session cookie. */
export const wrkGets = (base: string, cookie: string, paths: string[], connections: number, seconds: number) =>
  run(
    base,
    `local paths = { ${paths.map(luaString).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["cookie"] = ${luaString(cookie)} })
end
`,
    connections,
    seconds,
  );

/** POST /drives/:id/enrol of a new person per request (phones from `firstPhone` up, per thread apart), into these units in turn. */
export const wrkEnrol = (base: string, cookie: string, driveId: number, units: number[], firstPhone: number, connections: number, seconds: number) =>
  run(
    base,
    `local units = { ${units.join(', ')} }
local n = 0
function setup(thread)
  thread:set("tid", n)
  n = n + 1
end
local count = 0
request = function()
  count = count + 1
  local phone = ${firstPhone} + tid * 10000000 + count
  local body = string.format('{"unitId":%d,"person":{"name":"Wrk Member","nameHi":"वर्क सदस्य","phone":"%d","consent":{"purpose":"membership","date":"2026-10-01","method":"online"}}}', units[(count % #units) + 1], phone)
  return wrk.format("POST", "/api/v1/drives/${driveId}/enrol", { ["cookie"] = ${luaString(cookie)}, ["content-type"] = "application/json" }, body)
end
`,
    connections,
    seconds,
  );
