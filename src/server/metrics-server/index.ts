// The internal metrics port: serves the counters of src/server/metrics plus the state gauges read
// at scrape time (collect.ts). Apart from metrics/ because it reads the areas that count into it.
import 'server-only';
export { startMetricsServer } from './server';
