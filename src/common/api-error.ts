import { HttpException, HttpStatus } from '@nestjs/common';

/** One reason a request was refused: `code` is for programs, `message` for people (中文). */
export interface ErrorDetail {
  field?: string;
  code: string;
  message: string;
}

/** An error in the contract's shape (docs/api.md "Errors"). */
export class ApiError extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super({ message, details }, status);
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.BAD_REQUEST, message, details);
export const notFound = (message: string, details: ErrorDetail[] = []) => new ApiError(HttpStatus.NOT_FOUND, message, details);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.CONFLICT, message, details);
export const preconditionFailed = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.PRECONDITION_FAILED, message, details);
export const unprocessable = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, message, details);

/**
 * A refusal that says when to come back (429 too many attempts, 503 busy): the exception
 * filter sends `Retry-After` with it.
 */
export class RetryLater extends ApiError {
  constructor(
    status: 429 | 503,
    message: string,
    details: ErrorDetail[],
    readonly retryAfterSeconds: number,
  ) {
    super(status, message, details);
  }
}
