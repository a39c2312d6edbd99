/** A selectable audio input. */
export type AudioInput = { deviceId: string; label: string };

type DeviceLike = Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>;

/**
 * Audio inputs from enumerateDevices(). Before permission is granted browsers hide labels
 * (and Chrome returns a single entry with an empty id), so unnamed inputs get a placeholder.
 */
export function toAudioInputs(devices: readonly DeviceLike[]): AudioInput[] {
  const inputs = devices.filter((d) => d.kind === 'audioinput' && d.deviceId !== '');
  return inputs.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Audio input ${i + 1}` }));
}

/** Labels only appear once the page has microphone permission. */
export function hasLabels(devices: readonly DeviceLike[]): boolean {
  return devices.some((d) => d.kind === 'audioinput' && d.label !== '');
}
