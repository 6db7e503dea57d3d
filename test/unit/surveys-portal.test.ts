import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS } from '../../src/modules/surveys/elements.ts';
import { surveyFormPage } from '../../src/modules/surveys/portal.ts';
import { surveyFormOf } from '../../src/modules/surveys/portal-routes.ts';

const base = { agencyName: 'Ban Dân tộc', questions: [...DEFAULT_QUESTIONS], procedure: null, token: 'tok' };

describe('survey form page', () => {
  it('lists the procedures to choose from, or asks for the code when the catalog is too long to list', () => {
    expect(surveyFormPage({ ...base, procedures: [{ code: '1.004947', name: 'Công nhận người có uy tín' }] }).value).toContain('<option value="1.004947">Công nhận người có uy tín (1.004947)</option>');
    const typed = surveyFormPage({ ...base, procedures: null, sent: { ...surveyFormOf({ tthc: '"><b>x' }) } }).value;
    expect(typed).toContain('<input id="ks-tthc" type="text" name="tthc" value="&quot;&gt;&lt;b&gt;x"');
  });

  it('keeps what was sent (as text) and marks the unanswered questions', () => {
    const q = DEFAULT_QUESTIONS[0]!;
    const html = surveyFormPage({
      ...base, procedures: [],
      sent: surveyFormOf({ [`c-${DEFAULT_QUESTIONS[1]!.id}`]: '4', 'y-kien': '</textarea><script>x</script>' }),
      error: { message: 'Thiếu câu trả lời', missing: [q.id] },
    }).value;
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<li><a href="#ks-${q.id}">${q.text}</a></li>`);
    expect(html).toContain(`name="c-${DEFAULT_QUESTIONS[1]!.id}" value="4" checked`);
    expect(html).toContain('likert likert-missing');
  });

  it('reads only the fields it knows from the posted form', () => {
    expect(surveyFormOf({ phieu: ' t ', 'c-a': ['5', '1'], other: 'x', website: '' })).toEqual({ token: 't', procedureCode: '', answers: { a: '5' }, comment: '', honeypot: '' });
  });
});
