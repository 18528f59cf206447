import type { Request, Response } from 'express';
import type { SandboxStore } from '../../store/sandbox-store';

/** Creates the handler of GET /_admin/requests, which returns the request counts. */
export function createGetRequestCountsHandler(store: SandboxStore) {
  return function getRequestCounts(_req: Request, res: Response): void {
    res.json(store.requests.snapshot());
  };
}

/** Creates the handler of POST /_admin/requests/reset, which sets every request count to zero. */
export function createResetRequestCountsHandler(store: SandboxStore) {
  return function resetRequestCounts(_req: Request, res: Response): void {
    store.requests.reset();
    res.json(store.requests.snapshot());
  };
}
