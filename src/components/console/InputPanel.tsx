'use client';
import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import type { AudioInput } from '@/lib/client/audio/audio-devices';
import type { ProgramBus } from '@/hooks/useProgramBus';
import { DeviceSelect } from './DeviceSelect';
import { LoudnessPanel } from './LoudnessPanel';
import { StereoMeter } from './StereoMeter';
import { TrimControl } from './TrimControl';

export type InputPanelProps = {
  inputs: AudioInput[] | null;
  labelled: boolean;
  deviceId: string;
  onDeviceChange: (deviceId: string) => void;
  bus: ProgramBus;
  /** The browser is holding audio processing until a click (autoplay policy). */
  suspended: boolean;
  onResume: () => void;
};

/** Input picker, trim and the program meters, live before going on air so the DJ can check the signal. */
export function InputPanel({ inputs, labelled, deviceId, onDeviceChange, bus, suspended, onResume }: InputPanelProps) {
  // Only this panel follows the meters' ~30 reports a second; the rest of the console stays put.
  const meters = useSyncExternalStore(bus.meters.subscribe, bus.meters.get, bus.meters.get);
  return (
    <Card
      title="Input"
      description="Pick your mixer or interface and set the trim so the clip light stays off. The meters show what listeners get: levelled to −14 LUFS, peaks limited to −1 dBTP."
    >
      <div className="flex flex-col gap-5">
        <DeviceSelect inputs={inputs} value={deviceId} labelled={labelled} onChange={onDeviceChange} />
        <TrimControl
          trimDb={bus.trimDb}
          onTrimChange={bus.setTrimDb}
          inputDb={meters.inputDb}
          clip={meters.clip}
          onResetClip={bus.resetHolds}
        />
        <StereoMeter meters={meters} />
        <LoudnessPanel meters={meters} leveller={bus.leveller} onLevellerChange={bus.setLeveller} />
        {bus.error && (
          <p role="alert" className="text-sm text-danger">
            {bus.error}
          </p>
        )}
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
