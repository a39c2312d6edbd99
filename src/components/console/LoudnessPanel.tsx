import type { ProgramMeters } from '@/lib/client/audio/program-meters';
import { LEVELLER_DEFAULTS } from '@/lib/loudness/leveller';
import { cx } from '@/components/ui/cx';

export type LoudnessPanelProps = {
  meters: ProgramMeters;
  leveller: boolean;
  onLevellerChange: (on: boolean) => void;
};

const TARGET = LEVELLER_DEFAULTS.targetLufs;
const lufs = (v: number) => (Number.isFinite(v) && v > -70 ? v.toFixed(1) : '−∞');
const db = (v: number) => `${v > 0.05 ? '+' : v < -0.05 ? '−' : '±'}${Math.abs(v).toFixed(1)} dB`;

function Readout({ label, value, unit, testId, hint }: { label: string; value: string; unit: string; testId: string; hint?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-muted" title={hint}>
        {label}
      </dt>
      <dd className="font-mono text-lg tabular-nums" data-testid={testId}>
        {value} <span className="text-xs text-muted">{unit}</span>
      </dd>
    </div>
  );
}

/** Loudness of what goes on air against the target, and what the leveller and limiter are doing. */
export function LoudnessPanel({ meters, leveller, onLevellerChange }: LoudnessPanelProps) {
  const off = meters.shortTerm - TARGET;
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Readout label="Momentary" value={lufs(meters.momentary)} unit="LUFS" testId="loudness-momentary" hint="Last 400 ms" />
        <Readout label="Short-term" value={lufs(meters.shortTerm)} unit="LUFS" testId="loudness-short-term" hint="Last 3 s" />
        <Readout label="Set" value={lufs(meters.integrated)} unit="LUFS" testId="loudness-integrated" hint="Integrated, gated" />
        <Readout label="Target" value={TARGET.toFixed(1)} unit="LUFS" testId="loudness-target" />
      </dl>
      <p className="text-xs text-muted" data-testid="loudness-offset">
        {Number.isFinite(off) && meters.shortTerm > -70
          ? Math.abs(off) <= 1
            ? 'On target.'
            : `${Math.abs(off).toFixed(1)} LU ${off > 0 ? 'above' : 'below'} target.`
          : 'No signal.'}{' '}
        True peak max{' '}
        <span className="font-mono tabular-nums" data-testid="true-peak-max">
          {Number.isFinite(meters.truePeakMaxDb) ? `${meters.truePeakMaxDb.toFixed(1)} dBTP` : '−∞'}
        </span>{' '}
        (ceiling −1.0).
      </p>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" data-testid="leveller-toggle" checked={leveller} onChange={(e) => onLevellerChange(e.target.checked)} />
          Leveller
        </label>
        <span className={cx('font-mono text-xs tabular-nums', leveller ? '' : 'text-muted')} data-testid="leveller-gain">
          {leveller ? `gain ${db(meters.levellerDb)}` : 'off'}
        </span>
        <span className="font-mono text-xs tabular-nums" data-testid="limiter-reduction">
          Limiter {db(meters.limiterDb)}
        </span>
      </div>
    </div>
  );
}
