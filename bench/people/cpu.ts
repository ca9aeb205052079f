/**
 * CPU time spent on one database by its PostgreSQL backends, and by this Node process: a figure the
 * other users of a shared machine do not move (throughput does: 16 pgbench backends get a larger
 * share of a loaded machine than one Node process with two backends). Linux only (/proc).
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms so far (user + system) of a process, or null when it has ended. */
const cpuOf = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return null;
  }
};

/** CPU ms so far of every backend of `dbName`, by pid. */
const backends = (dbName: string) => {
  const out = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${dbName} `)) continue;
      const ms = cpuOf(Number(d));
      if (ms !== null) out.set(Number(d), ms);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
};

/**
 * Measures while `fn` runs: CPU ms of the database's backends (read every 250 ms, so a backend
 * that ends loses at most its last 250 ms) and of this Node process.
 */
export const cpuDuring = async <T>(dbName: string, fn: () => Promise<T>) => {
  const start = backends(dbName);
  const last = new Map(start);
  // Only the backends known so far are re-read every 250 ms (a full scan of /proc costs this
  // process CPU that would count as the server's); a full scan at 0.5 s picks up new clients' backends.
  const reread = () => {
    for (const pid of last.keys()) {
      const ms = cpuOf(pid);
      if (ms !== null) last.set(pid, ms);
    }
  };
  const scan = setTimeout(() => {
    for (const [pid, ms] of backends(dbName)) last.set(pid, ms);
  }, 500);
  const timer = setInterval(reread, 250);
  const node0 = process.cpuUsage();
  const result = await fn();
  const node = process.cpuUsage(node0);
  clearInterval(timer);
  clearTimeout(scan);
  reread();
  let pg = 0;
  for (const [pid, ms] of last) pg += ms - (start.get(pid) ?? 0);
  return { result, pgMs: pg, nodeMs: (node.user + node.system) / 1000 };
};
