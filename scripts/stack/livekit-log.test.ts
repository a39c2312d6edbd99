import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findGoPanic, logSize, readFrom } from './livekit-log';

// The shape of the v1.13.5 panic this guards against (issue 13), timestamps shortened.
const PANIC_LOG = `2026-12-02T10:00:00.000Z\tINFO\tlivekit\tservice/ioservice_ingress.go:99\tingress ended\t{"ingressID": "IN_x"}
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x1a2b3c]

goroutine 812 [running]:
github.com/livekit/livekit-server/pkg/service.(*IOInfoService).UpdateIngressState(...)
\t/src/pkg/service/ioservice_ingress.go:81 +0x1c4
`;

const dir = mkdtempSync(path.join(tmpdir(), 'livekit-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findGoPanic', () => {
  it('names the panic line of a crashed livekit-server', () => {
    expect(findGoPanic(PANIC_LOG)).toEqual({ line: 2, message: 'panic: runtime error: invalid memory address or nil pointer dereference' });
  });

  it('falls back to the running goroutine, and catches fatal errors', () => {
    expect(findGoPanic('x\ngoroutine 7 [running]:\n')).toEqual({ line: 2, message: 'goroutine 7 [running]:' });
    expect(findGoPanic('fatal error: concurrent map writes\n')?.message).toBe('fatal error: concurrent map writes');
    // What this livekit-server printed here for a SIGABRT (exit 2): no [running] goroutine in the dump.
    expect(findGoPanic('x\nSIGABRT: abort\nPC=0x47d2e1 m=0 sigcode=0\n\ngoroutine 0 gp=0x2 m=0 mp=0x3 [idle]:\n')?.message).toBe(
      'SIGABRT: abort',
    );
  });

  it('ignores ordinary log lines, including ones that mention a panic', () => {
    const clean = `2026-12-02T10:00:00Z\tINFO\tlivekit\tstarting\t{"msg": "panic: no"}\n2026-12-02T10:00:01Z\tWARN\tgoroutine 5 [running] in a message\n`;
    expect(findGoPanic(clean)).toBeNull();
    expect(findGoPanic('')).toBeNull();
  });
});

describe('reading a log from an offset', () => {
  it('sees only what was written after the offset', () => {
    const file = path.join(dir, 'livekit.log');
    expect(logSize(file)).toBe(0);
    writeFileSync(file, PANIC_LOG);
    const start = logSize(file);
    appendFileSync(file, 'clean line\n');
    expect(findGoPanic(readFrom(file, start))).toBeNull();
    expect(findGoPanic(readFrom(file, 0))).not.toBeNull();
    expect(readFrom(path.join(dir, 'missing.log'), 0)).toBe('');
  });
});
