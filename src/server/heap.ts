/**
 * The V8 heap cap the server runs under (`npm start` applies it). V8 lets its heap grow to a
 * multiple of what is live before it collects, and the multiple follows the cap: about 4 under
 * Node's own cap on a machine with plenty of memory, about 1.6 under 1 GB. Measured with
 * `npm run bench:soak`: under Node's cap, 2,000-part lookups took RSS to about 800 MB and left
 * about 430 MB behind; under 1 GB, about 430 and 270. What the server keeps is bounded well
 * below the cap: the lookup cache by LOOKUP_CACHE_MB, requests by their body limits.
 */
export const SERVER_HEAP_MB = 1024;

const HEAP_FLAG = "--max-old-space-size";

/** The Node flags to start the server with: none when the operator chose a cap already. */
export function serverNodeFlags(execArgv: readonly string[], nodeOptions = ""): string[] {
  const chosen =
    execArgv.some((flag) => flag.startsWith(HEAP_FLAG)) || nodeOptions.includes(HEAP_FLAG);
  return chosen ? [] : [`${HEAP_FLAG}=${SERVER_HEAP_MB}`];
}
