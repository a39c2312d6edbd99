import type { ProgramMeters } from '@/lib/client/audio/program-meters';
import { LevelMeter } from './LevelMeter';

const TICKS = [-48, -36, -24, -12, -6, 0];

/** Left and right peak meters of the program (what listeners get) with peak hold and a dB scale. */
export function StereoMeter({ meters }: { meters: ProgramMeters }) {
  return (
    <div className="flex flex-col gap-2" aria-label="Program levels" role="group">
      <LevelMeter label="Left" short="L" db={meters.left.db} holdDb={meters.left.hold.db} data-testid="level-meter-left" />
      <LevelMeter label="Right" short="R" db={meters.right.db} holdDb={meters.right.hold.db} data-testid="level-meter-right" />
      <div aria-hidden="true" className="relative mr-[4.25rem] ml-6 h-4 font-mono text-[10px] text-muted">
        {TICKS.map((t) => (
          <span key={t} className="absolute -translate-x-1/2" style={{ left: `${((t + 60) / 60) * 100}%` }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}
