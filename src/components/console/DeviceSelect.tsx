import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';
import type { AudioInput } from '@/lib/client/audio/audio-devices';

export type DeviceSelectProps = {
  inputs: AudioInput[] | null;
  /** Device in use ("" = browser default). */
  value: string;
  /** False until microphone permission is granted: names are hidden until then. */
  labelled: boolean;
  onChange: (deviceId: string) => void;
};

/** Audio input picker; switching works while live (the published track stays the same). */
export function DeviceSelect({ inputs, value, labelled, onChange }: DeviceSelectProps) {
  const list = inputs ?? [];
  const known = list.some((d) => d.deviceId === value);
  const hint = !labelled ? 'Allow microphone access to see input names.' : 'Switching inputs while live keeps you on air.';
  return (
    <Field label="Audio input" htmlFor="device-select" hint={hint}>
      <Select
        id="device-select"
        data-testid="device-select"
        aria-describedby="device-select-hint"
        value={known ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        disabled={inputs === null}
      >
        {!known && <option value="">{inputs === null ? 'Looking for inputs…' : 'System default'}</option>}
        {list.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
