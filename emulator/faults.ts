/**
 * Deliberate failures, to test what a client does when the network and the API misbehave.
 * Seeded, so that a run can be reproduced: the same seed and the same order of calls give the
 * same faults.
 */

/** Chances (0 to 1, together at most 1) of each fault for one operation, and added latency. */
export interface FaultRates {
  /** 500 InternalError, before the operation runs. */
  internalError?: number;
  /** 503 ServiceUnavailable, before the operation runs. */
  serviceUnavailable?: number;
  /** 400 Throttling, before the operation runs. */
  throttling?: number;
  /** The operation runs and its change is saved, then the connection is dropped with no reply. */
  lostResponse?: number;
  /** Milliseconds added before every call of the operation is served. */
  latencyMs?: number;
  /**
   * At most this many faults from this entry, then it injects none: `{lostResponse: 1, times: 1}`
   * loses exactly the first reply, as one dropped connection does, so that what the retry meets
   * is the first attempt's outcome. Left out: no limit.
   */
  times?: number;
}

export interface FaultPlan {
  seed?: number;
  /** By Action; "*" applies to every Action without an entry of its own. */
  rates: Record<string, FaultRates>;
}

export type Fault = "InternalError" | "ServiceUnavailable" | "Throttling" | "LostResponse";

export interface FaultDecision {
  latencyMs: number;
  fault?: Fault;
}

const FAULT_ORDER: [keyof FaultRates, Fault][] = [
  ["internalError", "InternalError"],
  ["serviceUnavailable", "ServiceUnavailable"],
  ["throttling", "Throttling"],
  ["lostResponse", "LostResponse"],
];

export class FaultInjector {
  private plan: FaultPlan = { rates: {} };
  private random: () => number = mulberry32(0);
  /** Faults injected per entry of the plan ("*" counted as one entry), for `times`. */
  private injected = new Map<string, number>();

  constructor(plan?: FaultPlan) {
    if (plan) this.setPlan(plan);
  }

  setPlan(plan: FaultPlan): void {
    validatePlan(plan);
    this.plan = { seed: plan.seed ?? 0, rates: plan.rates };
    this.random = mulberry32(this.plan.seed ?? 0);
    this.injected.clear();
  }

  getPlan(): FaultPlan {
    return structuredClone(this.plan);
  }

  decide(action: string): FaultDecision {
    const entry = action in this.plan.rates ? action : "*";
    const rates = this.plan.rates[entry];
    if (!rates) return { latencyMs: 0 };
    const draw = this.random();
    const spent = rates.times !== undefined && (this.injected.get(entry) ?? 0) >= rates.times;
    let threshold = 0;
    for (const [rate, fault] of FAULT_ORDER) {
      threshold += rates[rate] ?? 0;
      if (!spent && draw < threshold) {
        this.injected.set(entry, (this.injected.get(entry) ?? 0) + 1);
        return { latencyMs: rates.latencyMs ?? 0, fault };
      }
    }
    return { latencyMs: rates.latencyMs ?? 0 };
  }
}

export function validatePlan(plan: FaultPlan): void {
  if (typeof plan !== "object" || plan === null || typeof plan.rates !== "object" || plan.rates === null) {
    throw new Error('a fault plan is {"seed"?: number, "rates": {"<Action>" or "*": {internalError, serviceUnavailable, throttling, lostResponse, latencyMs, times}}}');
  }
  if (plan.seed !== undefined && !Number.isInteger(plan.seed)) throw new Error(`seed must be a whole number, got ${JSON.stringify(plan.seed)}`);
  for (const [action, rates] of Object.entries(plan.rates)) {
    let total = 0;
    for (const [rate] of FAULT_ORDER) {
      const value = rates[rate];
      if (value === undefined) continue;
      if (typeof value !== "number" || value < 0 || value > 1) throw new Error(`${action}.${rate} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
      total += value;
    }
    if (total > 1) throw new Error(`${action}: the fault chances add up to ${total}, more than 1`);
    if (rates.latencyMs !== undefined && (!Number.isFinite(rates.latencyMs) || rates.latencyMs < 0)) {
      throw new Error(`${action}.latencyMs must be 0 or more, got ${JSON.stringify(rates.latencyMs)}`);
    }
    if (rates.times !== undefined && (!Number.isInteger(rates.times) || rates.times < 0)) {
      throw new Error(`${action}.times must be a whole number of faults, 0 or more, got ${JSON.stringify(rates.times)}`);
    }
    const unknown = Object.keys(rates).filter((key) => key !== "latencyMs" && key !== "times" && !FAULT_ORDER.some(([rate]) => rate === key));
    if (unknown.length > 0) throw new Error(`${action}: unknown fault ${unknown.join(", ")}`);
  }
}

/** A small seeded PRNG: reproducible, and plenty for choosing faults. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
