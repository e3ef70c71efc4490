import { ApiError } from '../../shared/api/errors';

/** The ApiError a call was refused with; fails the test if the call succeeded. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('The call was not refused');
}
