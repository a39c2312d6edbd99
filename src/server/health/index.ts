// GET /api/health: probes gathered in check.ts, the verdict decided in plan.ts.
import 'server-only';
export { checkHealth, type Health } from './check';
