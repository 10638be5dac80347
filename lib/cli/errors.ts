/**
 * The two ways an AWS CLI v2 command fails, with its documented return codes
 * (docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html):
 * 252 when the command line cannot be parsed or a parameter is invalid before any request is made,
 * 254 when the service received the request and returned an error.
 */
export const EXIT_OK = 0;
export const EXIT_USAGE = 252;
export const EXIT_SERVICE = 254;

/** A parse or validation error the CLI itself reports ("aws: error: …"); no request is sent. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An error the simulated service returns; printed as the CLI prints a botocore ClientError. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Set by the dispatcher: the API operation, e.g. "GetFunction". */
    public operation = '',
    /** The CLI adds how many retries it made, e.g. " (reached max retries: 2)". */
    readonly retryNote = '',
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** The CLI's own wording: "An error occurred (Code) when calling the Operation operation: message". */
  format(): string {
    return `An error occurred (${this.code}) when calling the ${this.operation} operation${this.retryNote}: ${this.message}`;
  }
}

export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const invalidParam = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const conflict = (message: string) => new ServiceError('ResourceConflictException', message);
