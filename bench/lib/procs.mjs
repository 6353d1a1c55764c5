// Processes: running a command under /usr/bin/time for its wall time and
// peak RSS, the CPU the rest of the machine used meanwhile, and the memory
// of a process tree (for Chromium's renderer).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Runs `cmd args` to completion (stdout to `stdout` or discarded) and returns
 * { wallMs, peakRssBytes, stdout }. Throws when it fails.
 */
export function timed(cmd, args, { capture = false, env } = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 28, env: env ? { ...process.env, ...env } : process.env,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const lines = r.stderr.trim().split('\n');
  return { wallMs, peakRssBytes: Number(lines.at(-1)) * 1024, stdout: r.stdout ?? '' };
}

/** Runs a command and parses its standard output as JSON. */
export function json(cmd, args, options = {}) {
  return JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options }));
}

/** Busy and total CPU jiffies of the whole machine so far (/proc/stat). */
export function cpuJiffies() {
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const v = f.map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU jiffies used so far by this process and its waited-for children. */
export function ownJiffies() {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
}

/** Every process as { pid, ppid, cmdline }. */
function processes() {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid, cmdline: readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch { /* gone */ }
  }
  return out;
}

/** Pids of the Chromium renderer processes started (indirectly) by `root`. */
export function rendererPids(root = process.pid) {
  const all = processes();
  const children = new Map();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      if (c.cmdline.includes('--type=renderer') && !c.cmdline.includes('--top-chrome-webui')) found.push(c.pid);
      walk(c.pid);
    }
  };
  walk(root);
  return found;
}

/**
 * Memory of a process in bytes (0 when it is gone): `rss` resident set,
 * `hwm` its peak so far, `anon` private anonymous memory (the heap, wasm
 * memory, array buffers; not the mapped Chromium binary).
 */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon') };
  } catch {
    return { rss: 0, hwm: 0, anon: 0 };
  }
}
