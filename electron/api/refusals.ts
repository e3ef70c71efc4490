/**
 * Runs a handler's work and turns the domain's own refusals (journal, shifts, balance checks)
 * into the contract's errors with `asApiError`; anything else goes on as it is.
 */
export async function refusingWith<T>(
  asApiError: (error: unknown) => unknown,
  run: () => T | Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asApiError(error);
  }
}
