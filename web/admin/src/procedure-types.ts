// Shapes of the procedures API (src/modules/procedures) and of the processing results API
// (src/modules/service-stats): the server's own types, imported type-only so nothing of the
// server (nor typebox) reaches the bundle.
import type { Static } from 'typebox';
import type { Vocabulary as ResultsVocabularySchema } from '../../../src/modules/service-stats/schema';

export type { ProcedureDataValue as ProcedureData, ChannelKind, OnlineLevel, ChangeKind } from '../../../src/modules/procedures/procedure-data';
export type {
  CatalogImportReportView as CatalogImportReport,
  DecisionInputBody as DecisionInput,
  DecisionItemInput,
  DecisionView as Decision,
  FieldView as ProcedureField,
  ProcedureSummaryView as ProcedureSummary,
  ProcedureView as Procedure,
  ProcessStepInput as ProcessStep,
} from '../../../src/modules/procedures/schema';
export type {
  ImportReportView as ResultsImportReport,
  PublishReportView as PublishReport,
  ResultInputBody as ResultInput,
  ResultView as ProcessingResult,
  StatView as ResultStat,
  SummaryView as ResultsSummary,
} from '../../../src/modules/service-stats/schema';

export type ResultsVocabulary = Static<typeof ResultsVocabularySchema>;

/** GET /api/procedures/vocabulary: labels the server owns. */
export interface ProcedureVocabulary {
  levels: string[];
  /** in_person → "Trực tiếp". */
  channels: Record<string, string>;
  /** full → "Toàn trình". */
  onlineLevels: Record<string, string>;
  /** new → "Ban hành mới". */
  changeKinds: Record<string, string>;
}
