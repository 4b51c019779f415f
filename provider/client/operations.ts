/**
 * What the client knows of each Live API operation: the documented calls per second for one
 * account (API-NOTES.md), and whether sending it twice is safe.
 */
export interface OperationTraits {
  qps: number;
  /**
   * False when a second copy could create a second thing: such a call is never resent after a
   * failure whose outcome is unknown; the caller reconciles instead.
   */
  idempotent: boolean;
}

export const OPERATION_TRAITS: Record<string, OperationTraits> = {
  CreateCaster: { qps: 10, idempotent: true }, // ClientToken
  DeleteCaster: { qps: 10, idempotent: true },
  DescribeCasters: { qps: 15, idempotent: true },
  DescribeCasterConfig: { qps: 15, idempotent: true },
  AddCasterVideoResource: { qps: 10, idempotent: false }, // no ClientToken
  ModifyCasterVideoResource: { qps: 10, idempotent: true },
  DeleteCasterVideoResource: { qps: 10, idempotent: true },
  DescribeCasterVideoResources: { qps: 15, idempotent: true },
  AddCasterEpisodeGroup: { qps: 4, idempotent: true }, // ClientToken
  AddCasterEpisodeGroupContent: { qps: 4, idempotent: true }, // ClientToken
  DeleteCasterEpisodeGroup: { qps: 4, idempotent: true },
  DescribeCasterProgram: { qps: 4, idempotent: true },
};

/** An operation not in the table gets the strictest documented rate and no resends. */
export const UNKNOWN_OPERATION: OperationTraits = { qps: 4, idempotent: false };

export function traitsOf(action: string): OperationTraits {
  return OPERATION_TRAITS[action] ?? UNKNOWN_OPERATION;
}
