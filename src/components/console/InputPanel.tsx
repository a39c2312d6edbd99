'use client';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import type { AudioInput } from '@/lib/client/audio/audio-devices';
import type { StereoLevels } from '@/hooks/useAudioLevels';
import { DeviceSelect } from './DeviceSelect';
import { StereoMeter } from './StereoMeter';

export type InputPanelProps = {
  inputs: AudioInput[] | null;
  labelled: boolean;
  deviceId: string;
  onDeviceChange: (deviceId: string) => void;
  levels: StereoLevels;
  /** The browser is holding audio processing until a click (autoplay policy). */
  suspended: boolean;
  onResume: () => void;
};

/** Input picker and pre-fader meters, live before going on air so the DJ can check the signal. */
export function InputPanel({ inputs, labelled, deviceId, onDeviceChange, levels, suspended, onResume }: InputPanelProps) {
  return (
    <Card title="Input" description="Pick your mixer or interface and check the levels. Aim for peaks around −12 to −6 dB.">
      <div className="flex flex-col gap-5">
        <DeviceSelect inputs={inputs} value={deviceId} labelled={labelled} onChange={onDeviceChange} />
        <StereoMeter levels={levels} />
        {suspended && (
          <div className="flex items-center gap-3 text-sm text-muted">
            <Button variant="secondary" size="sm" onClick={onResume}>
              Start input check
            </Button>
            The browser paused audio until you click.
          </div>
        )}
      </div>
    </Card>
  );
}
