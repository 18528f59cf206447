export { integrationWorkflow } from './integration';
export { syncMattersWorkflow } from './sync-matters';
