import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSecrets, scanStackLogs, STREAM_KEYS_FILE } from './log-secrets';

const dir = mkdtempSync(path.join(tmpdir(), 'log-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('log secrets scan', () => {
  it('names the file and the kind of secret, never the value', () => {
    const found = findSecrets([{ name: 'app.log', text: 'x sk_AbCdEfGhIjKlMn y' }], {
      'stream key': 'sk_AbCdEfGhIjKlMn',
      other: 'zzzzzzzzzzzzzzzz',
    });
    expect(found).toEqual({ leaks: ['app.log: stream key'] });
  });

  it('ignores values too short to be a secret', () => {
    expect(findSecrets([{ name: 'a.log', text: 'abc' }], { short: 'abc' })).toEqual({ leaks: [] });
  });

  it('scans *.log files in nested dirs with the recorded stream keys, and nothing else', () => {
    mkdirSync(path.join(dir, 'egress'));
    writeFileSync(path.join(dir, 'egress', 'handler.log'), 'pushing rtmp://x/live/Key1234567890abc\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'Key1234567890abc');
    writeFileSync(path.join(dir, STREAM_KEYS_FILE), 'Key1234567890abc\n');
    expect(scanStackLogs(dir, { secret: 'S'.repeat(40) })).toEqual({ leaks: ['egress/handler.log: stream key #1'] });
  });

  it('is not thrown by an entry that is gone by the time it is looked at (a SQLite journal)', () => {
    const own = mkdtempSync(path.join(tmpdir(), 'log-secrets-gone-'));
    try {
      writeFileSync(path.join(own, 'app.log'), `token ${'T'.repeat(20)}\n`);
      // Listed, but nothing behind it: what a journal deleted between the listing and a look is.
      symlinkSync(path.join(own, 'deleted'), path.join(own, 'radio.db-journal'));
      expect(scanStackLogs(own, { token: 'T'.repeat(20) })).toEqual({ leaks: ['app.log: token'] });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("counts ingress v1.5.0's RTMP library lines like any other (patched at build to log at warn)", () => {
    const rtmp = 'time="2026-12-03T08:36:37Z" level=info msg="FCPublish stream...: StreamName = Key1234567890abc" logger=ingress';
    expect(findSecrets([{ name: 'ingress.log', text: `${rtmp}\n` }], { 'stream key #1': 'Key1234567890abc' }).leaks).toEqual([
      'ingress.log: stream key #1',
    ]);
  });
});
