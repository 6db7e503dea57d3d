import type { PlanDocument, PlanSection } from '../../documents/plan-document.ts';

/**
 * The parsed plan as `minhbach import-plan --dry-run --json` prints it: the field names of the
 * fixture's expected.json (plan.*, appendix.groups, appendix.tasks[]), plus the rest of what
 * was read (sections' paragraphs, signer, budget, warnings) for a person checking the import.
 */
export function importJson(doc: PlanDocument) {
  const section = (s: PlanSection) => ({
    number: s.number,
    heading: s.heading,
    subsections: s.children.map((c) => c.heading),
    items: s.children.length,
  });
  return {
    plan: {
      docType: doc.docType,
      title: doc.title,
      year: doc.year,
      issuer: doc.issuer,
      parentAgency: doc.parentAgency,
      province: doc.province,
      numberSuffix: doc.numberSuffix,
      numberText: doc.numberText,
      place: doc.place,
      signDate: doc.signDate,
      basis: doc.basis,
      theme: doc.theme,
      sections: doc.sections.map(section),
      budgetText: doc.budgetText,
      budgetLines: doc.budgetLines,
      recipients: doc.recipients,
      signer: doc.signer,
      channels: doc.channels,
      indices: doc.indices,
    },
    appendix: doc.appendix,
    warnings: doc.warnings,
  };
}
