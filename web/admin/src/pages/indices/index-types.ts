/** What /api/indices/… answers (src/modules/indices/schema.ts). */
export type IndexCode = 'par' | 'pci' | 'papi' | 'sipas' | 'dept';

export interface IndexDefinition {
  code: IndexCode;
  name: string;
  fullName: string;
  publisher: string;
  subject: string;
  unit: string;
  components: { key: string; name: string }[];
}

export interface IndexValue {
  id: string;
  indexCode: IndexCode;
  indexName: string;
  component: string;
  componentName: string;
  year: number;
  value: number;
  valueText: string;
  rank: number | null;
  rankOf: number | null;
  source: string;
  sourceUrl: string | null;
  origin: string;
  updatedAt: string;
}

export interface IndexValueInput {
  indexCode: IndexCode;
  component: string;
  year: number;
  value: number;
  rank?: number | null;
  rankOf?: number | null;
  source: string;
  sourceUrl?: string | null;
}

export interface IndexImportReport {
  written: boolean;
  dataRows: number;
  created: number;
  errors: { row: number | null; message: string }[];
}

export interface IndexPublication {
  id: string;
  year: number;
  kind: string;
  title: string;
  link: string;
  publishedOn: string;
  planId: string | null;
  evidenceId: string | null;
  message?: string;
}
