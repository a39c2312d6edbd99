// Reads a livekit-server log for what must fail a run: a Go panic. A deliberate
// SIGKILL (the crash tests) leaves no such trace; a panic always prints
// "panic: ..." and the panicking goroutine's "goroutine N [running]:", a fatal
// signal "SIGSEGV: segmentation violation" and a goroutine dump.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export interface GoPanic {
  /** 1-based line in the scanned text. */
  line: number;
  /** The "panic: ..." line, or the goroutine header when the panic line is missing. */
  message: string;
}

/** Go's own crash reports: a panic, a fatal runtime error, or a fatal signal ("SIGABRT: abort"). */
const PANIC = /^(?:fatal error: .*|panic: .*|SIG[A-Z]+: [a-z].*)$/;
const RUNNING_GOROUTINE = /^goroutine \d+ \[running\]:?$/;

/** The first Go panic in a log text, or null. */
export function findGoPanic(text: string): GoPanic | null {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => PANIC.test(l.trim()));
  if (at !== -1) return { line: at + 1, message: (lines[at] ?? '').trim() };
  const g = lines.findIndex((l) => RUNNING_GOROUTINE.test(l.trim()));
  return g === -1 ? null : { line: g + 1, message: (lines[g] ?? '').trim() };
}

/** Size of a file now (0 if missing): scan from here to see only what a run wrote. */
export function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** A file's text from a byte offset on. */
export function readFrom(file: string, offset: number): string {
  if (!existsSync(file)) return '';
  const size = statSync(file).size;
  if (size <= offset) return '';
  const buf = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, offset);
  } finally {
    closeSync(fd);
  }
  return buf.toString('utf8');
}
