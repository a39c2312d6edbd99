import { describe, it, expect } from 'vitest';
import { hasLabels, toAudioInputs } from './audio-devices';

describe('toAudioInputs', () => {
  it('keeps audio inputs only', () => {
    expect(
      toAudioInputs([
        { deviceId: 'default', kind: 'audioinput', label: 'Default - USB interface' },
        { deviceId: 'spk', kind: 'audiooutput', label: 'Speakers' },
        { deviceId: 'cam', kind: 'videoinput', label: 'Camera' },
      ]),
    ).toEqual([{ deviceId: 'default', label: 'Default - USB interface' }]);
  });

  it('drops the anonymous pre-permission entry and names unlabeled inputs', () => {
    expect(
      toAudioInputs([
        { deviceId: '', kind: 'audioinput', label: '' },
        { deviceId: 'abc', kind: 'audioinput', label: '' },
      ]),
    ).toEqual([{ deviceId: 'abc', label: 'Audio input 1' }]);
  });
});

describe('hasLabels', () => {
  it('detects whether permission has been granted', () => {
    expect(hasLabels([{ deviceId: '', kind: 'audioinput', label: '' }])).toBe(false);
    expect(hasLabels([{ deviceId: 'a', kind: 'audioinput', label: 'Mic' }])).toBe(true);
  });
});
