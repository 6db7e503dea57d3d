/** The events API's shapes, as the admin reads them (src/modules/outreach-events/schema.ts). */
export interface OutreachEvent {
  id: string;
  kind: string;
  title: string;
  startDate: string;
  endDate: string;
  area: { id: string; code: string; name: string };
  address: string | null;
  unitId: string | null;
  audiences: string[];
  participantsTotal: number;
  participantsWomen: number;
  participantsEthnic: number;
  contentItems: string[];
  planId: string | null;
  taskIds: string[];
  note: string | null;
  files: { id: string; name: string; size: number; mime: string; role: string }[];
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Area {
  id: string;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replacedBy: string | null;
  source: string | null;
  isDemo: boolean;
}

export interface AreaImportReport {
  fileName: string;
  written: boolean;
  dataRows: number;
  created: number;
  updated: number;
  errors: { row: number; message: string }[];
  warnings: string[];
  message: string;
}

export interface Labelled {
  code: string;
  label: string;
}

export interface EventsVocabulary {
  kinds: Labelled[];
  audiences: Labelled[];
  materialRoles: Labelled[];
  levels: Labelled[];
}
