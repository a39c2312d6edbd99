import 'server-only';
// The app's own Redis (APP_REDIS_URL), shared by its replicas: rate limits, change fan-out, the
// background-task lease. Without it every function here falls back to one process (see docs/scale-out.md).
export { COMMAND_TIMEOUT_MS, redisConfigured } from './client';
export { publish, subscribe } from './pubsub';
export { createHitCounter, type HitCounter, type LimitSpec } from './limiter';
export { authStorage, type CounterStore } from './auth-storage';
export { redisLeaseStore, type LeaseStore } from './lease-store';
export { expiringValues, type ExpiringValues } from './values';
export { withLock } from './lock';
