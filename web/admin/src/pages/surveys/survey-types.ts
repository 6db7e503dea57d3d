/** What /api/surveys/… answers (src/modules/surveys/schema.ts). */
export type SurveyElement = 'access' | 'procedure' | 'officials' | 'result' | 'feedback';

export interface SurveyQuestion {
  id: string;
  element: SurveyElement;
  text: string;
}

export interface Questionnaire {
  isDefault: boolean;
  elements: { key: SurveyElement; label: string }[];
  questions: SurveyQuestion[];
}

export interface ElementScore {
  element: SurveyElement;
  label: string;
  answers: number;
  satisfied: number;
  index: number | null;
  mean: number | null;
}

export interface GroupResult {
  key: string;
  label: string;
  responses: number;
  index: number | null;
  elements: ElementScore[];
}

export interface SurveyResults {
  from: string;
  to: string;
  responses: number;
  demoResponses: number;
  index: number | null;
  elements: ElementScore[];
  byField: GroupResult[];
  byProcedure: GroupResult[];
  byMonth: GroupResult[];
  comments: { answeredOn: string; procedure: string | null; text: string; isDemo: boolean }[];
}
