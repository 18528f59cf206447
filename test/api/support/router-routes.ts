import type { Router } from 'express';
import pino from 'pino';
import type { RouteDeps } from '../../../api/app-deps';
import { createClioPassport } from '../../../api/oauth/clio-strategies';
import { createApiRouter } from '../../../api/routes/api-router';
import { createPageRouter } from '../../../api/routes/page-router';
import { regionBaseUrl } from '../../../lib/clio/regions';
import type { Config } from '../../../lib/config';
import { CredentialStore } from '../../../lib/credentials';
import { parseKeyring } from '../../../lib/crypto';
import { FakeGateway } from './fake-gateway';

/** One method and path that a router mounts, in Express syntax. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

function routesOf(router: Router): MountedRoute[] {
  const routes: MountedRoute[] = [];
  for (const layer of router.stack as RouterLayer[]) {
    if (!layer.route || typeof layer.route.path !== 'string') {
      continue;
    }
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') {
        routes.push({ method, path: layer.route.path });
      }
    }
  }
  return routes;
}

function routeDepsFor(config: Config): RouteDeps {
  return {
    config,
    credentials: new CredentialStore({
      keyring: parseKeyring(config.CREDENTIAL_KEYS),
      app: { clientId: config.CLIO_CLIENT_ID, clientSecret: config.CLIO_CLIENT_SECRET },
      baseUrlFor: (region) => regionBaseUrl(config, region),
    }),
    integrations: new FakeGateway(),
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    passport: createClioPassport(config),
  };
}

/** Lists the routes of the JSON API router (paths below /api) as api-router.ts mounts them. */
export function listApiRoutes(config: Config): MountedRoute[] {
  return routesOf(createApiRouter(routeDepsFor(config)));
}

/** Lists the routes of the page router: pages, sign-in, sign-out and the Clio OAuth routes. */
export function listPageRoutes(config: Config): MountedRoute[] {
  return routesOf(createPageRouter(routeDepsFor(config)));
}
