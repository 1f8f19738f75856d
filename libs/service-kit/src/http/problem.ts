import { HttpException, HttpStatus } from '@nestjs/common';
import { MessageKey } from './messages';

export interface FieldProblem {
  /** Dotted path of the field in the request body or query, e.g. `cpr` or `address.postcode`. */
  field: string;
  /** Machine-readable constraint, e.g. `isString`, `cpr`. */
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem: `type`/`title`/`status`/`detail`, plus `code` (stable, for programs) and
 * `errors` (every offending field). The filter renders the title in the caller's language.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: MessageKey | string,
    readonly detail?: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super({ code, detail, errors }, status);
  }
}

export class NotFoundProblem extends ProblemException {
  constructor(detail: string) {
    super(HttpStatus.NOT_FOUND, 'not-found', detail);
  }
}

/** An illegal transition or a rule that refuses the command (409), with the reason. */
export class ConflictProblem extends ProblemException {
  constructor(code: string, detail: string) {
    super(HttpStatus.CONFLICT, code, detail);
  }
}
