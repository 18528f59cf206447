import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { RequestSchemas } from '../validation';

/** One route of the JSON API, as the OpenAPI document describes it. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put';
  /** Path below /api in Express syntax, exactly as api-router.ts mounts it. */
  path: string;
  operationId: string;
  summary: string;
  /** The schemas the route's handler parses its input with. */
  request: RequestSchemas;
  success: { status: number; description: string; schema: z.ZodTypeAny };
  /** Errors particular to this route; those every route can return are added by the document builder. */
  errors: ErrorCode[];
  /** False for a route that needs no API token. @default true */
  authenticated?: boolean;
}

/** Errors of every route under /firms/:firmId. */
export const FIRM_ERRORS: ErrorCode[] = ['firm_not_found'];

/** Errors of a route that sends a message to the firm's integration workflow. */
export const WORKFLOW_ERRORS: ErrorCode[] = ['firm_not_found', 'clio_not_connected', 'reauthorization_required', 'request_rejected', 'integration_unavailable'];
