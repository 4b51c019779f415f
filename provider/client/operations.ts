import { operationSpec } from "../../model/live-api";

/** What the client needs of an operation: its QPS, and whether sending it twice is safe. */
export interface OperationTraits {
  qps: number;
  /**
   * False when a second copy could create a second thing: such a call is never resent after a
   * failure whose outcome is unknown; the caller reconciles instead.
   */
  idempotent: boolean;
  /** The API takes it over HTTPS only: it goes to the endpoint's host over https (httpsEndpoint in settings.ts). */
  httpsOnly: boolean;
}

/** An operation the spec does not describe gets the strictest documented rate and no resends. */
export const UNKNOWN_OPERATION: OperationTraits = { qps: 4, idempotent: false, httpsOnly: false };

/** From the one description of the API (model/live-api.ts). */
export function traitsOf(action: string): OperationTraits {
  const spec = operationSpec(action);
  return spec ? { qps: spec.qps, idempotent: spec.idempotency !== "unsafe", httpsOnly: spec.httpsOnly === true } : UNKNOWN_OPERATION;
}
