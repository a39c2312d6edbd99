export { BpmAnalyzer, type AnalyzerOptions, type BpmEstimate } from './analyzer';
export { DEFAULT_RANGE, RANGE_PRESETS, RANGE_PRESET_IDS, isRangePresetId, type RangePresetId, type TempoRange } from './range';
export { analyzeSignal, RENDER_QUANTUM, type SignalAnalysis, type TimedEstimate } from './run';
export { DEFAULT_TUNING, type TrackerTuning } from './tracker';
