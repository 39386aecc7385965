/**
 * What the senders share: the error that says whether trying again can help, and the
 * classification of AWS SDK errors into permanent and transient.
 */
export class DeliveryError extends Error {
  override readonly name: string = 'DeliveryError';
  readonly permanent: boolean;
  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent;
  }
}

const THROTTLING = /* @__PURE__ */ new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'LimitExceededException', 'ServiceQuotaExceededException']);

/**
 * Permanent: the provider refused this message (bad address, rejected content, unverified
 * identity) and will refuse it again. Transient: throttling, 5xx, network errors: worth a retry.
 */
export const isPermanent = (error: unknown): boolean => {
  if (error instanceof DeliveryError) return error.permanent;
  const sdk = error as { name?: string; $fault?: 'client' | 'server'; $retryable?: unknown };
  if (sdk.name && THROTTLING.has(sdk.name)) return false;
  if (sdk.$retryable) return false;
  return sdk.$fault === 'client';
};

export const describeError = (error: unknown): string => {
  const e = error as { name?: string; message?: string };
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`.slice(0, 500);
};
