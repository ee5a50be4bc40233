import type { PickedFile } from '../../shared/api';
import { ApiError, networkError } from './api-error';
import { hostBridge } from './client';

// Status 413 from the web host's upload: the file is over its size limit.
const isTooLarge = (cause: unknown): boolean =>
  typeof cause === 'object' && cause !== null && (cause as { status?: unknown }).status === 413;

// Asks the host for a file to import (a native dialog or the browser's chooser plus an upload).
// Resolves null when the user cancelled; failures become ApiErrors with catalog keys.
export const pickImportFile = async (): Promise<PickedFile | null> => {
  const host = hostBridge();
  if (!host) throw networkError(new Error('window.bantam is not installed'));
  try {
    return await host.pickImportFile();
  } catch (cause) {
    throw new ApiError({
      code: isTooLarge(cause) ? 'invalid_input' : 'internal',
      message: cause instanceof Error ? cause.message : String(cause),
      messageKey: isTooLarge(cause) ? 'errors.upload.tooLarge' : 'errors.upload.failed',
    });
  }
};
