import { describe, expect, it } from 'vitest';
import { ingressIdentity, replayIdentity, TEMPO_ANALYSER_IDENTITY } from '@/types/room';
import { djAudible } from './dj-audio-plan';

describe('djAudible (the replay falls silent when true)', () => {
  it("is true for a browser DJ's or an OBS input's unmuted audio", () => {
    expect(djAudible([{ identity: 'dj-u1', audioMuted: [false] }])).toBe(true);
    expect(djAudible([{ identity: ingressIdentity('rtmp', 'u1'), audioMuted: [false] }])).toBe(true);
    expect(djAudible([{ identity: ingressIdentity('whip', 'u1'), audioMuted: [true, false] }])).toBe(true);
  });

  it('is false for a muted input (an OBS green room), a DJ with no audio, and everyone who is no DJ', () => {
    expect(djAudible([{ identity: ingressIdentity('rtmp', 'u1'), audioMuted: [true] }])).toBe(false);
    expect(djAudible([{ identity: 'dj-u1', audioMuted: [] }])).toBe(false);
    expect(
      djAudible([
        { identity: 'listener-abc', audioMuted: [false] },
        { identity: TEMPO_ANALYSER_IDENTITY, audioMuted: [false] },
        { identity: replayIdentity('c1'), audioMuted: [false] },
        { identity: 'EG_abc123', audioMuted: [false] },
      ]),
    ).toBe(false);
    expect(djAudible([])).toBe(false);
  });
});
