import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES, TEMPORAL_TEST_SERVER } from '../../scripts/stack/temporal';
import { WORKFLOWS_PATH } from '../../worker/create-worker';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: INDEXED.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: INDEXED.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * Starts the time-skipping test server installed under tools/ and registers the integration
 * workflow's search attributes through the operator service, as the dev server does at start.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, TYPES[type]])),
  });
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | null = null;

/** Bundles the workflows once per test file; each Worker.create would otherwise bundle again. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) } });
  return bundle;
}

let runtimeInstalled = false;

/** Keeps the worker runtime to warnings, so test output shows failures instead of lifecycle lines. */
export function quietRuntime(): void {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
}
