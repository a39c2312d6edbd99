// The processes of the stack a bench runs in (scripts/with-stack.ts starts every service as its
// own child, and the bench as another), each with the role it plays, for CPU and memory windows
// (proc-cpu.ts). Linux only: it reads /proc.
import path from 'node:path';
import { cmdline, descendants, procStat } from './proc-cpu';

/** The outermost ancestor running scripts/with-stack.ts (tsx runs it in a child of its own CLI). */
function stackRoot(): number {
  let root = 0;
  for (let p: number | undefined = process.ppid; p && p > 1; p = procStat(p)?.ppid) {
    if (cmdline(p).includes('with-stack.ts')) root = p;
  }
  if (!root) throw new Error('not started by scripts/with-stack.ts: no stack processes to measure');
  return root;
}

/** This bench and its children: the load generator, not the station. */
function ownTree(): Set<number> {
  const own = new Set([process.pid]);
  for (let p: number | undefined = process.ppid; p && p > 1 && !cmdline(p).includes('with-stack.ts'); p = procStat(p)?.ppid) own.add(p);
  for (const pid of descendants([process.pid])) own.add(pid);
  return own;
}

/** Every live process of this stack (the services and their children), without the bench itself. */
export function stackProcesses(): number[] {
  const root = stackRoot();
  const own = ownTree();
  return descendants([root]).filter((pid) => pid !== root && !own.has(pid) && !cmdline(pid).includes('with-stack.ts'));
}

/** A process's role from its own command line, or null (then its parent's role applies). */
function ownRole(pid: number): string | null {
  const cmd = cmdline(pid);
  const exe = path.basename(cmd.split(' ')[0] ?? '');
  if (exe.startsWith('pulseaudio')) return 'pulseaudio';
  if (exe.startsWith('ingress') || exe.startsWith('livekit-ingress')) return 'ingress';
  if (cmd.includes('run-handler')) return 'handler (gstreamer)';
  if (/chrom/i.test(exe)) return 'chromium';
  if (/xvfb/i.test(exe)) return 'xvfb';
  if (exe === 'egress') return 'egress service';
  if (exe.startsWith('livekit-server')) return 'livekit-server';
  if (exe.startsWith('redis-server')) return 'redis';
  if (exe.startsWith('minio')) return 'minio';
  if (/(^| )server\.(ts|mjs)( |$)/.test(cmd)) return 'app';
  return null;
}

/** The role of `pid`: its own, else the nearest ancestor's (Chromium's helpers, tsx's child node). */
export function processRole(pid: number): string {
  for (let p: number | undefined = pid; p && p > 1; p = procStat(p)?.ppid) {
    const role = ownRole(p);
    if (role) return role;
  }
  return 'other';
}

/** Roles that make up one egress job on this stack: the service, its handler, its browser and the PulseAudio it records from. */
export const EGRESS_ROLES = ['egress service', 'handler (gstreamer)', 'chromium', 'xvfb', 'pulseaudio'];

/** This stack's egress processes (the service, its jobs, their Chromium and Xvfb, and PulseAudio). */
export function egressProcesses(): number[] {
  return stackProcesses().filter((pid) => EGRESS_ROLES.includes(processRole(pid)));
}
