/**
 * What the console's meters show, folded from the level worklet's reports (about 30 a second):
 * peak ballistics and peak hold per channel, the clip light (latched until the DJ resets it),
 * and the loudness figures as reported. Pure, so the hook stays a thin binding.
 */
import type { BusReport } from '@/lib/loudness/bus';
import { applyRelease, holdPeak, METER_FLOOR_DB, toDbfs } from './level-math';

export type ChannelMeter = { db: number; hold: { db: number; at: number } };

export type ProgramMeters = {
  left: ChannelMeter;
  right: ChannelMeter;
  /** Post-trim input peak (dBFS, max of both channels), falling like the meters. */
  inputDb: number;
  /** Latched: some input sample reached full scale since the last reset. */
  clip: boolean;
  /** Highest output true peak since the last reset (dBTP). */
  truePeakMaxDb: number;
  momentary: number;
  shortTerm: number;
  integrated: number;
  levellerDb: number;
  levellerOn: boolean;
  /** Limiter gain reduction, falling back slowly so a short catch stays readable. */
  limiterDb: number;
};

const floorChannel = (): ChannelMeter => ({ db: METER_FLOOR_DB, hold: { db: METER_FLOOR_DB, at: 0 } });

export const SILENT_METERS: ProgramMeters = {
  left: floorChannel(),
  right: floorChannel(),
  inputDb: METER_FLOOR_DB,
  clip: false,
  truePeakMaxDb: -Infinity,
  momentary: -Infinity,
  shortTerm: -Infinity,
  integrated: -Infinity,
  levellerDb: 0,
  levellerOn: true,
  limiterDb: 0,
};

const fromDb = (db: number) => (Number.isFinite(db) ? 10 ** (db / 20) : 0);

function channel(prev: ChannelMeter, peakDb: number, elapsedMs: number, now: number): ChannelMeter {
  const db = applyRelease(prev.db, toDbfs(fromDb(peakDb)), elapsedMs);
  return { db, hold: holdPeak(prev.hold, db, now) };
}

export function foldReport(prev: ProgramMeters, r: BusReport, elapsedMs: number, now: number): ProgramMeters {
  return {
    left: channel(prev.left, r.outputPeakDb[0], elapsedMs, now),
    right: channel(prev.right, r.outputPeakDb[1], elapsedMs, now),
    inputDb: applyRelease(prev.inputDb, toDbfs(fromDb(Math.max(r.inputPeakDb[0], r.inputPeakDb[1]))), elapsedMs),
    clip: prev.clip || r.clipped,
    truePeakMaxDb: Math.max(prev.truePeakMaxDb, r.truePeakDb),
    momentary: r.momentary,
    shortTerm: r.shortTerm,
    integrated: r.integrated,
    levellerDb: r.levellerDb,
    levellerOn: r.levellerOn,
    // Reduction shows at once and eases back at 6 dB/s.
    limiterDb: Math.min(r.limiterDb, Math.min(0, prev.limiterDb + (6 * elapsedMs) / 1000)),
  };
}

/** The DJ pressed the clip light: clear it and the true-peak maximum. */
export function resetHolds(m: ProgramMeters): ProgramMeters {
  return { ...m, clip: false, truePeakMaxDb: -Infinity };
}
