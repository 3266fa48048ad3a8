/**
 * The two Excel errors the COFACTR functions throw. Each carries a message that Excel shows on
 * the cell's error indicator; a function never returns error text as a value.
 * CustomFunctions is read when an error is made, not at import, so this module loads in jest.
 */

/** #N/A: not found, no such offer, or the service could not answer. */
export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/** #VALUE!: an argument the function cannot use. */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Whether `value` is an Excel error made by one of the functions above. */
export function isCustomFunctionsError(value: unknown): value is CustomFunctions.Error {
  return typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error;
}
