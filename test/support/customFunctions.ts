/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides: the Error class and
 * the ErrorCode values, so the custom functions run under jest (and in the bench) unchanged.
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsErrorStub {
  constructor(
    public readonly code: string,
    public readonly message?: string,
  ) {}
}

interface CustomFunctionsStub {
  Error: typeof CustomFunctionsErrorStub;
  ErrorCode: typeof ErrorCode;
  associate: (...args: unknown[]) => void;
}

/** Installs the stub on globalThis (idempotent) and returns it. */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub: CustomFunctionsStub = {
    Error: CustomFunctionsErrorStub,
    ErrorCode,
    associate: () => undefined,
  };
  (globalThis as unknown as { CustomFunctions: CustomFunctionsStub }).CustomFunctions = stub;
  return stub;
}

/** What a custom function call settled with: its value, or the Excel error it threw. */
export type Settled =
  { ok: true; value: unknown } | { ok: false; code: string; message: string | undefined };

export async function settle(promise: Promise<unknown> | unknown): Promise<Settled> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof CustomFunctionsErrorStub) {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}
