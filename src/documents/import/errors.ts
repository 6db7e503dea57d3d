/**
 * Why a plan file could not be read, in Vietnamese for the person who uploaded it. It is a
 * DomainError so the one error handler answers 400 (or 413 for a file that is too large) with
 * this message instead of a 500.
 */
import { DomainError } from '../../platform/errors.ts';

export type ImportErrorCode =
  | 'too_large'
  | 'unsupported_type'
  | 'empty'
  | 'scanned_pdf'
  | 'encrypted'
  | 'corrupt'
  | 'encoding';

export class ImportError extends DomainError {
  constructor(public readonly reason: ImportErrorCode, message: string, details?: unknown) {
    super(reason === 'too_large' ? 413 : 400, message, `import_${reason}`, details);
    this.name = 'ImportError';
  }

  /** For callers that pick the status themselves: 413 rather than 400. */
  get tooLarge(): boolean {
    return this.reason === 'too_large';
  }
}
