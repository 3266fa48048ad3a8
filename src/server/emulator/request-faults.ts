/** The `X-Emulator-Fault` settings of each request, kept beside it without touching Fastify's types. */
import type { FastifyRequest } from "fastify";
import { NO_REQUEST_FAULT, type RequestFault } from "./faults";

const faults = new WeakMap<object, RequestFault>();

export function rememberRequestFault(request: FastifyRequest, fault: RequestFault): void {
  faults.set(request.raw, fault);
}

export function requestFault(request: FastifyRequest): RequestFault {
  return faults.get(request.raw) ?? NO_REQUEST_FAULT;
}
