export { integrationWorkflow } from './integration';
export { syncMattersWorkflow } from './sync-matters';
export { fetchClioOptionsWorkflow } from './clio-options';
