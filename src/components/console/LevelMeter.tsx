import { cx } from '@/components/ui/cx';
import { METER_FLOOR_DB, meterPercent, meterZone, type MeterZone } from '@/lib/client/audio/level-math';

export type LevelMeterProps = {
  /** Channel name for screen readers, e.g. "Left". */
  label: string;
  /** Short visible label, e.g. "L". */
  short: string;
  /** Peak level in dBFS. */
  db: number;
  /** Peak-hold level in dBFS (a line on the meter). */
  holdDb?: number;
  'data-testid'?: string;
};

const ZONE_TEXT: Record<MeterZone, string> = {
  silent: 'text-muted',
  low: 'text-muted',
  good: 'text-ok',
  hot: 'text-warn',
  clip: 'text-danger',
};

/** Horizontal peak meter, -60..0 dBFS, green → amber → red like a console, with a peak-hold line. */
export function LevelMeter({ label, short, db, holdDb, 'data-testid': testId }: LevelMeterProps) {
  const rounded = Math.round(db);
  const silent = db <= METER_FLOOR_DB;
  const zone = meterZone(db);
  return (
    <div className="flex items-center gap-3">
      <span aria-hidden="true" className="w-3 font-mono text-xs font-bold text-muted">
        {short}
      </span>
      <div
        role="meter"
        aria-label={`${label} program level`}
        aria-valuemin={METER_FLOOR_DB}
        aria-valuemax={0}
        aria-valuenow={rounded}
        aria-valuetext={silent ? 'silent' : `${rounded} dB`}
        data-testid={testId}
        data-zone={zone}
        data-hold={holdDb === undefined ? undefined : Math.round(holdDb)}
        className="relative h-3 flex-1 overflow-hidden rounded-sm bg-bg ring-1 ring-line"
      >
        {/* The full gradient sits underneath; a cover hides the part above the level. */}
        <div className="absolute inset-0 bg-linear-to-r from-ok from-60% via-warn via-85% to-onair" />
        <div
          className="absolute inset-y-0 right-0 bg-bg transition-[width] duration-75 ease-linear"
          style={{ width: `${100 - meterPercent(db)}%` }}
        />
        {holdDb !== undefined && holdDb > METER_FLOOR_DB && (
          <div className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: `calc(${meterPercent(holdDb)}% - 2px)` }} />
        )}
      </div>
      <span className={cx('w-14 text-right font-mono text-xs tabular-nums', ZONE_TEXT[zone])}>{silent ? '−∞' : `${rounded} dB`}</span>
    </div>
  );
}
