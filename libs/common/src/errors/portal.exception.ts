import { HttpException } from '@nestjs/common';

/** An error answered with the portal's body `{status, message, tag, code}`. */
export class PortalException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    /** Extra fields merged into the body (e.g. the state a wait ended in). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message, status);
  }
}

export interface FieldError {
  code: string;
  field: string;
  message: string;
}

/** A 422 answered with the portal's validation body `{message, errors: [{code, field, message}]}`. */
export class PortalValidationException extends HttpException {
  constructor(
    readonly errors: FieldError[],
    message = 'Erro de validação na requisição.',
  ) {
    super(message, 422);
  }
}
