// What machine and tools a run used, for the head of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** nproc, CPU model, memory, OS, tool versions and the load average now. */
export function describeMachine(root) {
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="(.*)"/m)?.[1] ?? 'Linux';
  return {
    nproc: Number(run('nproc', [])),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    os,
    kernel: run('uname', ['-r']),
    node: process.version,
    rustc: run('rustc', ['--version']),
    commit: run('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    dirty: run('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']) !== '',
    loadAtStart: loadavg(),
  };
}
