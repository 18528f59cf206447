import request from 'supertest';
import { Integration, Mapping } from '../../lib/models';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness';
import { FAMILY, OPTIONS } from './fixtures';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('mapping-api');
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(async () => {
  harness.gateway.reset();
  harness.gateway.clioOptions = OPTIONS;
  await Integration.updateOne({ firmId: 'acme', provider: 'clio' }, { $set: { status: 'connected_inactive' } }, { upsert: true });
});

const api = () => request(harness.url);
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const admin = () => as(harness.seed.acmeAdmin.token);

/** Builds a valid body: Family law with phase 0 at stage 101, stages 102 and 103 in progress, 104 final. */
function validBody() {
  return {
    phaseSource: { kind: 'matter_stage' },
    projectTypes: [{
      name: 'Family law',
      practiceAreaId: FAMILY,
      phases: [
        { name: 'Getting started', kind: 'not_started', clioValues: [101] },
        { name: 'Working on it', clioValues: [102, 103] },
        { name: 'Done', kind: 'final', clioValues: [104] },
      ],
    }],
  };
}

function withPhases(phases: { name: string; clioValues: number[] }[]) {
  return { projectTypes: [{ name: 'Family law', practiceAreaId: FAMILY, phases }] };
}

describe('GET mapping', () => {
  test('firm without a mapping gets null', async () => {
    await Mapping.deleteMany({ firmId: 'acme' });

    const response = await api().get('/api/firms/acme/mapping').set(admin());

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ mapping: null });
  });

  test('admin of another firm gets 404', async () => {
    const response = await api().get('/api/firms/acme/mapping').set(as(harness.seed.betaAdmin.token));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('firm_not_found');
  });
});

describe('GET mapping options', () => {
  test('connected firm gets its Clio options', async () => {
    const response = await api().get('/api/firms/acme/mapping/options').set(admin());

    expect(response.status).toBe(200);
    expect(response.body).toEqual(OPTIONS);
    expect(harness.gateway.calls.map((call) => call.operation)).toEqual(['fetchClioOptions']);
  });

  test('firm that is not connected gets 409 clio_not_connected', async () => {
    await Integration.updateOne({ firmId: 'acme', provider: 'clio' }, { $set: { status: 'not_connected' } });

    const response = await api().get('/api/firms/acme/mapping/options').set(admin());

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('clio_not_connected');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('firm needing reauthorization gets 409', async () => {
    await Integration.updateOne({ firmId: 'acme', provider: 'clio' }, { $set: { status: 'reauthorization_required' } });

    const response = await api().get('/api/firms/acme/mapping/options').set(admin());

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('reauthorization_required');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('failed Clio read gets 502', async () => {
    harness.gateway.rejectNext({ code: 'clio_request_failed', message: 'Clio did not answer.' });

    const response = await api().get('/api/firms/acme/mapping/options').set(admin());

    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('clio_request_failed');
  });

  test('query parameter is rejected', async () => {
    const response = await api().get('/api/firms/acme/mapping/options?refresh=1').set(admin());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"refresh"');
  });
});

describe('PUT mapping validation', () => {
  test('unknown field is 400 and names it', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(admin()).send({ ...validBody(), colour: 'blue' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toContain('"colour"');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('phase without Clio values is 422', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(withPhases([{ name: 'Intake', clioValues: [101] }, { name: 'Waiting', clioValues: [] }]));

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_mapping');
    expect(response.body.error.problems).toEqual([
      { path: 'projectTypes[0].phases[1].clioValues', message: 'Phase "Waiting" of project type "Family law" lists no Clio value; add at least one matter stage that puts a project into it.' },
    ]);
  });

  test('stage in two phases is 422', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(withPhases([{ name: 'Intake', clioValues: [101, 102] }, { name: 'Disclosure', clioValues: [102] }]));

    expect(response.status).toBe(422);
    expect(response.body.error.problems).toEqual([
      { path: 'projectTypes[0].phases[1].clioValues', message: 'Project type "Family law" maps matter stage "Disclosure" (102) to two phases, "Intake" and "Disclosure"; keep it in one.' },
    ]);
  });

  test('unknown Clio stage is 422', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(withPhases([{ name: 'Intake', clioValues: [101, 555] }]));

    expect(response.status).toBe(422);
    expect(response.body.error.problems).toEqual([
      { path: 'projectTypes[0].phases[0].clioValues', message: 'Phase "Intake" of project type "Family law": matter stage 555 does not exist in Clio.' },
    ]);
  });

  test('three problems give three messages', async () => {
    const body = withPhases([{ name: 'Intake', clioValues: [101, 102] }, { name: 'Disclosure', clioValues: [102, 555] }, { name: 'Waiting', clioValues: [] }]);

    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(body);

    expect(response.status).toBe(422);
    expect(response.body.error.problems).toHaveLength(3);
    expect(response.body.error.message).toMatch(/^The mapping has 3 problems: /);
    expect(await Mapping.countDocuments({ firmId: 'acme', version: { $gt: 0 } })).toBe(0);
    expect(harness.gateway.calls.map((call) => call.operation)).toEqual(['fetchClioOptions']);
  });

  test('firm that is not connected gets 409', async () => {
    await Integration.updateOne({ firmId: 'acme', provider: 'clio' }, { $set: { status: 'not_connected' } });

    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(validBody());

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('clio_not_connected');
  });
});

describe('PUT mapping save', () => {
  test('valid mapping is saved and re-derive queued', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(admin()).send(validBody());

    expect(response.status).toBe(200);
    expect(response.body.mapping.version).toBe(1);
    expect(response.body.mapping.projectTypes[0].phases[1]).toEqual({ name: 'Working on it', kind: 'in_progress', clioValues: [102, 103] });
    expect(response.body.mapping.team).toEqual({ primaryContact: 'responsible_attorney', includeResponsibleStaff: true });
    expect(response.body.rederive).toEqual({ syncRunId: expect.any(String), joined: false });
    const changed = harness.gateway.calls.find((call) => call.operation === 'mappingChanged');
    expect(changed?.input).toEqual({ requestedBy: expect.stringMatching(/^firm_admin:/), mappingVersion: 1 });
  });

  test('saved mapping is returned by GET', async () => {
    const response = await api().get('/api/firms/acme/mapping').set(admin());

    expect(response.status).toBe(200);
    expect(response.body.mapping.version).toBe(1);
    expect(response.body.mapping.phaseSource).toEqual({ kind: 'matter_stage' });
    expect(response.body.mapping.updatedBy).toMatch(/^firm_admin:/);
  });

  test('staff save the next version', async () => {
    const response = await api().put('/api/firms/acme/mapping').set(as(harness.seed.staff.token)).send({ ...validBody(), team: { includeResponsibleStaff: false } });

    expect(response.status).toBe(200);
    expect(response.body.mapping.version).toBe(2);
    expect(response.body.mapping.team).toEqual({ primaryContact: 'responsible_attorney', includeResponsibleStaff: false });
  });

  test('unqueued re-derive says the mapping was saved', async () => {
    // The first gateway call reads the options; the rejection must hit the second, the re-derive.
    const original = harness.gateway.fetchClioOptions.bind(harness.gateway);
    harness.gateway.fetchClioOptions = async (firmId: string) => {
      const result = await original(firmId);
      harness.gateway.rejectNext({ code: 'integration_unavailable', message: 'The integration service is unavailable; try again in a minute.' });
      return result;
    };

    let response: request.Response;
    try {
      response = await api().put('/api/firms/acme/mapping').set(admin()).send(validBody());
    } finally {
      harness.gateway.fetchClioOptions = original;
    }

    expect(response.status).toBe(503);
    expect(response.body.error.message).toBe('The mapping was saved as version 3, but re-deriving the projects could not be queued (The integration service is unavailable; try again in a minute). Save the mapping again to retry.');
    expect((await Mapping.findOne({ firmId: 'acme' }).lean())?.version).toBe(3);
  });
});
