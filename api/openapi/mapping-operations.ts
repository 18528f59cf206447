import { z } from 'zod';
import { getMappingRequest } from '../routes/api/firms/firmId/mapping/get-mapping';
import { getMappingOptionsRequest } from '../routes/api/firms/firmId/mapping/options/get-mapping-options';
import { saveMappingRequest } from '../routes/api/firms/firmId/mapping/save-mapping';
import { FIRM_ERRORS, WORKFLOW_ERRORS, type ApiOperation } from './operation';

/** A JSON object whose fields the route's handler documents. */
const objectSchema = z.record(z.unknown());

/** Lists the field-mapping routes under /firms/:firmId/mapping. */
export function listMappingOperations(): ApiOperation[] {
  const mapping = '/firms/:firmId/mapping';
  return [
    {
      method: 'get', path: mapping, operationId: 'getMapping', summary: 'The firm\'s saved field mapping, or null while the default mapping applies.',
      request: getMappingRequest, success: { status: 200, description: '`{"mapping": …}`, null without a saved mapping.', schema: objectSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'put', path: mapping, operationId: 'saveMapping', summary: 'Replaces the field mapping and queues a re-derive of every project.',
      request: saveMappingRequest, success: { status: 200, description: 'The saved mapping and the run that re-derives the projects.', schema: objectSchema },
      errors: ['invalid_mapping', ...WORKFLOW_ERRORS],
    },
    {
      method: 'get', path: `${mapping}/options`, operationId: 'getMappingOptions', summary: 'The firm\'s live Clio practice areas, stages and custom fields.',
      request: getMappingOptionsRequest, success: { status: 200, description: 'Values a mapping may refer to.', schema: objectSchema },
      errors: WORKFLOW_ERRORS,
    },
  ];
}
