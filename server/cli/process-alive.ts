import { existsSync, readFileSync } from 'node:fs';

/**
 * Whether a process runs. `kill -0` alone also answers for a zombie: a child that exited but that
 * nobody reaped, which is what an orphaned redis-server becomes under a PID 1 that does not reap
 * (as in many containers). On Linux the state in /proc tells them apart.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  } catch {
    return false;
  }
}
