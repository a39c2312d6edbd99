import { cx } from '@/components/ui/cx';
import { MAX_TRIM_DB } from '@/lib/loudness/bus';
import { METER_FLOOR_DB } from '@/lib/client/audio/level-math';

export type TrimControlProps = {
  trimDb: number;
  onTrimChange: (db: number) => void;
  /** Post-trim input peak, dBFS. */
  inputDb: number;
  clip: boolean;
  onResetClip: () => void;
};

const signed = (db: number) => `${db > 0 ? '+' : db < 0 ? '−' : '±'}${Math.abs(db).toFixed(1)} dB`;

/** Input gain before everything else, the input peak after it, and a clip light that stays on until pressed. */
export function TrimControl({ trimDb, onTrimChange, inputDb, clip, onResetClip }: TrimControlProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <label className="flex min-w-60 flex-1 items-center gap-3">
        <span className="w-10 text-muted">Trim</span>
        <input
          type="range"
          data-testid="input-trim"
          min={-MAX_TRIM_DB}
          max={MAX_TRIM_DB}
          step={0.5}
          value={trimDb}
          onChange={(e) => onTrimChange(Number(e.target.value))}
          onDoubleClick={() => onTrimChange(0)}
          aria-valuetext={signed(trimDb)}
          className="flex-1 accent-accent"
        />
        <span className="w-16 text-right font-mono text-xs tabular-nums">{signed(trimDb)}</span>
      </label>
      <span className="font-mono text-xs text-muted tabular-nums" data-testid="input-peak">
        In {inputDb <= METER_FLOOR_DB ? '−∞' : `${Math.round(inputDb)} dBFS`}
      </span>
      <button
        type="button"
        data-testid="clip-indicator"
        data-clip={clip}
        onClick={onResetClip}
        aria-label={clip ? 'Clip: the input clipped. Lower the trim or the source, then press to reset.' : 'Clip: no clipping'}
        className={cx(
          'rounded-sm px-2 py-0.5 font-mono text-xs font-bold tracking-wider ring-1',
          clip ? 'bg-onair text-white ring-onair' : 'text-muted ring-line',
        )}
      >
        CLIP
      </button>
    </div>
  );
}
