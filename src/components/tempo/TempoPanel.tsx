'use client';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';
import { isRangePresetId, RANGE_PRESET_IDS, RANGE_PRESETS } from '@/lib/bpm/range';
import type { TempoAnalysis } from '@/hooks/useTempoAnalysis';
import { BeatPulse } from './BeatPulse';
import { TempoCurve } from './TempoCurve';

/** Realtime tempo of the program signal: BPM, confidence, beat pulse, tempo curve, range and tap. */
export function TempoPanel({ tempo }: { tempo: TempoAnalysis }) {
  const { reading } = tempo;
  const value = reading?.bpm ?? null;
  const confidence = reading?.confidence ?? 0;
  return (
    <Card title="Tempo" description="Measured on the signal you publish; listeners see it too.">
      <div className="flex flex-col gap-5">
        <div className="flex flex-wrap items-center gap-6">
          <div className="flex items-center gap-3">
            <BeatPulse bpm={value} lastBeat={reading?.lastBeat ?? null} data-testid="bpm-pulse" />
            <p
              data-testid="bpm-value"
              data-bpm={value === null ? '' : value.toFixed(1)}
              aria-live="off"
              className="text-4xl font-bold tabular-nums"
            >
              {value === null ? <span className="text-2xl text-muted">{reading ? 'no beat' : '—'}</span> : value.toFixed(1)}
              {value !== null && <span className="ml-1 text-base font-normal text-muted">BPM</span>}
            </p>
          </div>
          <ConfidenceMeter confidence={confidence} />
        </div>
        <TempoCurve points={tempo.curve} />
        <TempoControls tempo={tempo} />
        {tempo.error && <p className="text-sm text-danger">{tempo.error}</p>}
      </div>
    </Card>
  );
}

/** Confidence as a percentage and a bar. */
function ConfidenceMeter({ confidence }: { confidence: number }) {
  return (
    <div className="min-w-40 flex-1" data-testid="bpm-confidence" data-confidence={confidence.toFixed(2)}>
      <p className="text-xs text-muted">Confidence {Math.round(confidence * 100)}%</p>
      <div
        className="mt-1 h-2 rounded bg-line"
        role="meter"
        aria-label="Tempo confidence"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(confidence * 100)}
      >
        <div className="h-2 rounded bg-accent" style={{ width: `${Math.round(confidence * 100)}%` }} />
      </div>
    </div>
  );
}

/** Range preset and tap tempo (with the tapped value and Clear). */
function TempoControls({ tempo }: { tempo: TempoAnalysis }) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <Field label="Range" htmlFor="bpm-range">
        <Select
          id="bpm-range"
          data-testid="bpm-range"
          value={tempo.range}
          onChange={(e) => isRangePresetId(e.target.value) && tempo.setRange(e.target.value)}
        >
          {RANGE_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {RANGE_PRESETS[id].label}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        variant="secondary"
        data-testid="bpm-tap"
        onClick={tempo.tap}
        title="Tap along with the beat to fix the octave (double or half tempo)"
      >
        Tap
      </Button>
      {tempo.tapped !== null && (
        <p className="flex items-center gap-2 text-sm text-muted" data-testid="bpm-tapped">
          Tapped {tempo.tapped.toFixed(1)}
          <Button variant="ghost" size="sm" onClick={tempo.clearTap}>
            Clear
          </Button>
        </p>
      )}
    </div>
  );
}
