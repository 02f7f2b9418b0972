import { Router } from 'express';
import type { HealthResponse } from '../contracts/health.js';

export interface HealthDependencies {
  readonly storageMode: 'embedded' | 'azure';
  readonly pingStorage: () => Promise<boolean>;
  readonly version: string;
  readonly startedAt: number;
  readonly now: () => number;
}

/** `GET /healthz`: 200 when the store answers, 503 when it does not (so App Service can tell). */
export function healthRouter(dependencies: HealthDependencies): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const storageOk = await dependencies.pingStorage();
    const body: HealthResponse = {
      status: storageOk ? 'ok' : 'degraded',
      storage: dependencies.storageMode,
      storageOk,
      version: dependencies.version,
      uptimeSeconds: Math.round((dependencies.now() - dependencies.startedAt) / 1000),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.status(storageOk ? 200 : 503).json(body);
  });
  return router;
}
