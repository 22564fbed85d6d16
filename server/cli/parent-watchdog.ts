/**
 * POSIX sh that starts a watchdog in the background and then `exec`s the command, so the command
 * keeps the shell's PID: the supervisor's signals, the exit status it sees and the PID it records
 * are the command's own. The watchdog checks once a second that the supervisor (the shell's
 * parent) still exists; once it is gone (killed with -9, so it could not stop its children), the
 * watchdog sends the command SIGTERM, which makes redis-server flush its AOF and exit, instead of
 * it running on as an orphan. The watchdog ends as soon as the command has exited.
 * `kill -0` on a PID that was reused within that second would keep the orphan alive until the
 * next start stops it (see local-redis.ts).
 */
const WATCHDOG = `sup=$PPID; me=$$
( while kill -0 "$me" 2>/dev/null; do
    if ! kill -0 "$sup" 2>/dev/null; then kill -TERM "$me" 2>/dev/null; exit 0; fi
    sleep 1
  done ) </dev/null >/dev/null 2>&1 &
exec "$@"`;

/** The command and arguments that run `command args…` under the supervisor watchdog. */
export function underParentWatchdog(command: string, args: readonly string[]): [string, string[]] {
  return ['/bin/sh', ['-c', WATCHDOG, 'yuqing-watchdog', command, ...args]];
}
