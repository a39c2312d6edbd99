// livekit-server under supervision, as compose runs it (`restart: unless-stopped`):
// an exit nobody asked for is logged at once and the server is started again, so
// one crash does not turn into dozens of "Connection refused" failures. A kill
// or stop through processes.ts (teardown, the crash tests' control endpoint) is
// deliberate and not restarted. At the end, report() names a Go panic or
// unexpected exit with the log file, so the run can fail with one clear message.
import { findGoPanic, logSize, readFrom } from './livekit-log';
import { startLivekit } from './livekit';
import { type Service, isTornDown, killService, log } from './processes';

/** A crash loop is not worth following: after this many restarts the supervisor gives up. */
const MAX_RESTARTS = 5;
const RESTART_DELAY_MS = 1000;

export interface UnexpectedExit {
  at: string;
  pid: number | undefined;
  code: number | null;
}

export interface LivekitSupervisor {
  current: () => Service | undefined;
  /** SIGKILL as a test's crash: deliberate, so not restarted until start(). */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  status: () => { running: boolean; pid: number | undefined; unexpectedExits: UnexpectedExit[] };
  /** null if the run was clean; else one message naming the panic or exits and the log. */
  report: () => string | null;
}

export async function superviseLivekit(
  bin: string,
  configFile: string,
  logFile: string,
  signalPort: number,
  track: Service[],
): Promise<LivekitSupervisor> {
  const logStart = logSize(logFile);
  const exits: UnexpectedExit[] = [];
  let service: Service | undefined;
  /** A start under way (restart or test), so two never overlap. */
  let starting: Promise<void> | undefined;

  const launch = (): Promise<void> =>
    (starting ??= (async () => {
      try {
        const s = await startLivekit(bin, configFile, logFile, signalPort, track);
        service = s;
        void s.exited.then((code) => onExit(s, code));
      } finally {
        starting = undefined;
      }
    })());

  const onExit = async (s: Service, code: number | null): Promise<void> => {
    if (s.stopRequested || service !== s || isTornDown(track)) return;
    untrack(track, s);
    service = undefined;
    exits.push({ at: new Date().toISOString(), pid: s.child.pid, code });
    logUnexpectedExit(s, code, logFile, logStart);
    if (exits.length > MAX_RESTARTS) {
      log(`livekit-server exited ${exits.length} times: not restarting it again`);
      return;
    }
    await new Promise((r) => setTimeout(r, RESTART_DELAY_MS));
    if (service || starting || isTornDown(track)) return; // a test started it meanwhile, or the run is ending
    log('restarting livekit-server (as compose would)');
    await launch().catch((err: unknown) => log(`livekit-server restart failed: ${err instanceof Error ? err.message : err}`));
  };

  await launch();
  return {
    current: () => service,
    kill: async () => {
      const s = service;
      if (!s) return;
      log(`test asked to crash livekit-server (SIGKILL pid ${s.child.pid ?? '?'})`);
      service = undefined;
      await killService(s);
      untrack(track, s);
    },
    start: async () => {
      if (service) throw new Error('livekit-server is already running');
      await launch();
    },
    status: () => ({
      running: service !== undefined && service.child.exitCode === null && service.child.signalCode === null,
      pid: service?.child.pid,
      unexpectedExits: [...exits],
    }),
    report: () => runReport(logFile, logStart, exits),
  };
}

function untrack(track: Service[], s: Service) {
  const i = track.indexOf(s);
  if (i !== -1) track.splice(i, 1);
}

/** One line naming the exit and, if this run's part of the log holds one, the Go panic before it. */
function logUnexpectedExit(s: Service, code: number | null, logFile: string, logStart: number) {
  const panic = findGoPanic(readFrom(logFile, logStart));
  log(
    `livekit-server (pid ${s.child.pid ?? '?'}) EXITED UNEXPECTEDLY with ${code}` +
      `${panic ? ` after a Go panic: "${panic.message}"` : ''} (log: ${logFile})`,
  );
}

/** null if the run was clean; else one message naming the panic or exits and the log. */
function runReport(logFile: string, logStart: number, exits: readonly UnexpectedExit[]): string | null {
  const panic = findGoPanic(readFrom(logFile, logStart));
  if (panic) {
    return `livekit-server panicked during this run: "${panic.message}" (${logFile}, line ${panic.line} of this run's part); unexpected exits: ${exits.length}`;
  }
  if (exits.length > 0) {
    return `livekit-server exited unexpectedly ${exits.length} time(s) during this run (codes ${exits.map((e) => e.code).join(', ')}); see ${logFile}`;
  }
  return null;
}
