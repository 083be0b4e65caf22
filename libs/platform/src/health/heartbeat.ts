/** Redis key (under the prefix) where the worker records that it is alive. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
