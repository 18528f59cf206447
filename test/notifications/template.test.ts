import { DEFAULT_TEMPLATES, renderMessage, selectTemplate, templateProblems, type FirmTemplate } from '../../lib/notifications';

const values = { projectName: 'Smith v. Jones', phase: 'Discovery', previousPhase: 'Intake', firmName: 'Acme Law', clientName: 'Jane Smith' };

describe('renderMessage', () => {
  test('default phase change names case and phase', () => {
    const message = renderMessage(DEFAULT_TEMPLATES.phase_change, values);
    expect(message.text).toContain('Your case Smith v. Jones has moved to Discovery.');
    expect(message.subject).toBe('Update on your case Smith v. Jones');
  });

  test('markup in a value stays literal text', () => {
    const message = renderMessage({ subject: '{{projectName}}', text: 'Case {{projectName}}' }, { ...values, projectName: '<script>alert(1)</script>' });
    expect(message.text).toBe('Case <script>alert(1)</script>');
  });

  test('line breaks in a value cannot add a subject header', () => {
    const message = renderMessage({ subject: 'Case {{projectName}}', text: 'x' }, { ...values, projectName: 'A\r\nBcc: attacker@example.test' });
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).toBe('Case A Bcc: attacker@example.test');
  });

  test('control characters are removed', () => {
    const message = renderMessage({ subject: 's', text: '{{phase}}' }, { ...values, phase: 'Tri\u0000al\u0007' });
    expect(message.text).toBe('Trial');
  });

  test('missing value renders empty', () => {
    const message = renderMessage({ subject: 's', text: 'From {{previousPhase}} on' }, { ...values, previousPhase: null });
    expect(message.text).toBe('From  on');
  });

  test('long value is cut', () => {
    const message = renderMessage({ subject: 's', text: '{{projectName}}' }, { ...values, projectName: 'x'.repeat(500) });
    expect(message.text.length).toBe(200);
  });
});

describe('selectTemplate', () => {
  const firmTemplates: FirmTemplate[] = [
    { kind: 'phase_change', phase: null, subject: 'General', text: 'general' },
    { kind: 'phase_change', phase: 'Trial', subject: 'Trial', text: 'trial' },
  ];

  test('phase template wins', () => {
    expect(selectTemplate('phase_change', 'Trial', firmTemplates).subject).toBe('Trial');
  });

  test('general template covers other phases', () => {
    expect(selectTemplate('phase_change', 'Discovery', firmTemplates).subject).toBe('General');
  });

  test('default covers a kind without templates', () => {
    expect(selectTemplate('new_project', null, firmTemplates)).toBe(DEFAULT_TEMPLATES.new_project);
  });
});

describe('templateProblems', () => {
  test('default templates are valid', () => {
    expect(templateProblems(DEFAULT_TEMPLATES.phase_change)).toEqual([]);
    expect(templateProblems(DEFAULT_TEMPLATES.new_project)).toEqual([]);
  });

  test('HTML tag is rejected', () => {
    expect(templateProblems({ subject: 'Hi', text: '<b>Moved</b> to {{phase}}' }).join(' ')).toContain('HTML tag');
  });

  test('unknown placeholder is named', () => {
    expect(templateProblems({ subject: 'Hi', text: 'Moved to {{stage}}' }).join(' ')).toContain('{{stage}}');
  });

  test('unclosed placeholder is rejected', () => {
    expect(templateProblems({ subject: 'Hi', text: 'Moved to {{phase' }).join(' ')).toContain('"{{" that belongs to no placeholder');
    expect(templateProblems({ subject: 'Hi', text: 'Moved to phase}} now' }).join(' ')).toContain('"}}" that belongs to no placeholder');
  });

  test('control character is rejected', () => {
    expect(templateProblems({ subject: 'Hi\u0000', text: 'x' }).join(' ')).toContain('The subject contains a control character');
    expect(templateProblems({ subject: 'Hi', text: 'Line one\r\nLine two\twith a tab' })).toEqual([]);
  });

  test('two-line subject is rejected', () => {
    expect(templateProblems({ subject: 'Hi\nthere', text: 'x' }).join(' ')).toContain('one line');
  });

  test('comparison sign alone is allowed', () => {
    expect(templateProblems({ subject: 'Hi', text: 'We <3 our clients and 2 < 3' })).toEqual([]);
  });
});
