import express, { Router } from 'express';
import { createDeauthorizeHandler } from './handlers/deauthorize';
import { createIssueTokenHandler } from './handlers/issue-token';
import { createShowAuthorizeHandler } from './handlers/show-authorize';
import { createSubmitAuthorizeHandler } from './handlers/submit-authorize';
import type { OAuthContext } from './oauth-context';

/** Builds the router mounted at /{region}/oauth: authorize (GET and POST), token and deauthorize. */
export function createOAuthRouter(context: OAuthContext): Router {
  const router = Router({ mergeParams: true });
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  router.get('/authorize', createShowAuthorizeHandler(context));
  router.post('/authorize', form, createSubmitAuthorizeHandler(context));
  router.post('/token', form, createIssueTokenHandler(context));
  router.post('/deauthorize', form, createDeauthorizeHandler(context));
  return router;
}
