import type { SurveysDeps } from './deps.ts';
import { createQuestionnaire } from './questions.ts';
import { createResults } from './results.ts';
import { createSubmission } from './submit.ts';

/**
 * Satisfaction surveys in the SIPAS model: the agency's questionnaire, anonymous answers from
 * the public form (reached by the QR code of the desk sheets), results per procedure, field and
 * period with the satisfaction index, XLSX export, and the public results' read side.
 */
export function createSurveysService(deps: SurveysDeps) {
  const questionnaire = createQuestionnaire(deps);
  const submission = createSubmission(deps);
  const results = createResults(deps);
  return {
    questions: questionnaire.get,
    saveQuestions: questionnaire.save,
    results: results.results,
    exportXlsx: results.exportXlsx,
    /** The public form and results (no actor). */
    portal: { form: submission.form, submit: submission.submit, results: results.publicResults },
    /** Demo seed only (demo.ts). */
    hasResponses: submission.hasResponses,
    writeDemo: submission.writeDemo,
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
export type SurveysPortalApi = SurveysService['portal'];
