import { decideNotification, type DecisionInput } from '../../lib/notifications';

const on = { newProject: true, phaseChange: true };

describe('decideNotification', () => {
  const cases: [string, DecisionInput, string, string][] = [
    // [case, input, outcome, reason]
    ['active queues a phase change', { integrationStatus: 'active', projectToggles: on, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Discovery' }, 'queue', 'integration_active'],
    ['active queues a new project', { integrationStatus: 'active', projectToggles: on, projectStatus: 'not_started', kind: 'new_project' }, 'queue', 'integration_active'],
    ['inactive keeps a preview', { integrationStatus: 'connected_inactive', projectToggles: on, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Discovery' }, 'preview', 'integration_inactive'],
    ['reauthorization suppresses', { integrationStatus: 'reauthorization_required', projectToggles: on, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Discovery' }, 'suppress', 'reauthorization_required'],
    ['not connected suppresses', { integrationStatus: 'not_connected', projectToggles: on, projectStatus: 'in_progress', kind: 'new_project' }, 'suppress', 'integration_not_connected'],
    ['phase toggle off suppresses', { integrationStatus: 'active', projectToggles: { newProject: true, phaseChange: false }, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Trial' }, 'suppress', 'toggle_phase_change_off'],
    ['new-project toggle off suppresses', { integrationStatus: 'active', projectToggles: { newProject: false, phaseChange: true }, projectStatus: 'not_started', kind: 'new_project' }, 'suppress', 'toggle_new_project_off'],
    ['other toggle off still queues', { integrationStatus: 'active', projectToggles: { newProject: false, phaseChange: true }, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Trial' }, 'queue', 'integration_active'],
    ['toggle off beats a preview', { integrationStatus: 'connected_inactive', projectToggles: { newProject: true, phaseChange: false }, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Trial' }, 'suppress', 'toggle_phase_change_off'],
    ['archived project suppresses', { integrationStatus: 'active', projectToggles: on, projectStatus: 'archived', kind: 'phase_change', phase: 'Trial' }, 'suppress', 'project_archived'],
    ['closed project suppresses', { integrationStatus: 'active', projectToggles: on, projectStatus: 'complete', kind: 'phase_change', phase: 'Closed' }, 'suppress', 'project_closed'],
    ['closed matter suppresses', { integrationStatus: 'active', projectToggles: on, projectStatus: 'complete', matterClosed: true, kind: 'phase_change', phase: 'Done' }, 'suppress', 'project_closed'],
    ['final phase of an open matter queues', { integrationStatus: 'active', projectToggles: on, projectStatus: 'complete', matterClosed: false, kind: 'phase_change', phase: 'Done' }, 'queue', 'integration_active'],
    ['final phase while inactive keeps a preview', { integrationStatus: 'connected_inactive', projectToggles: on, projectStatus: 'complete', matterClosed: false, kind: 'phase_change', phase: 'Done' }, 'preview', 'integration_inactive'],
    ['closed project beats a toggle', { integrationStatus: 'active', projectToggles: { newProject: true, phaseChange: false }, projectStatus: 'complete', kind: 'phase_change', phase: 'Closed' }, 'suppress', 'project_closed'],
    ['phase change without a phase suppresses', { integrationStatus: 'active', projectToggles: on, projectStatus: 'in_progress', kind: 'phase_change', phase: null }, 'suppress', 'phase_unmapped'],
  ];

  test.each(cases)('%s', (_name, input, outcome, reason) => {
    const decision = decideNotification(input);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reason).toBe(reason);
  });

  test('final phase check names the open matter', () => {
    const decision = decideNotification({ integrationStatus: 'active', projectToggles: on, projectStatus: 'complete', matterClosed: false, kind: 'phase_change', phase: 'Done' });
    const statusCheck = decision.checks.find((check) => check.check === 'project_status');
    expect(statusCheck).toMatchObject({ result: 'pass', reason: 'project_final_phase' });
    expect(statusCheck?.message).toContain('final phase');
  });

  test('toggle message names the toggle field', () => {
    const decision = decideNotification({ integrationStatus: 'active', projectToggles: { newProject: true, phaseChange: false }, projectStatus: 'in_progress', kind: 'phase_change', phase: 'Trial' });
    expect(decision.message).toContain('notificationToggles.phaseChange');
  });

  test('every check is returned', () => {
    const decision = decideNotification({ integrationStatus: 'connected_inactive', projectToggles: { newProject: true, phaseChange: false }, projectStatus: 'complete', kind: 'phase_change', phase: 'Closed' });
    expect(decision.checks.map((check) => check.check)).toEqual(['integration', 'project_status', 'toggle', 'mapping']);
    expect(decision.checks.filter((check) => check.result === 'fail').map((check) => check.reason)).toEqual(['project_closed', 'toggle_phase_change_off']);
  });
});
