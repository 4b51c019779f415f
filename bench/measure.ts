import * as fs from "node:fs";
import type { CallRecord } from "../emulator";
import { Action, OPERATIONS } from "../model/live-api";

/** One scenario's figures, as the table and latest.json give them. */
export interface ScenarioResult {
  scenario: string;
  resources: number;
  wallSeconds: number;
  /** The least time the API's QPS allows for this work. */
  floorSeconds: number;
  /** wallSeconds (less the engine's start-up, for pulumi runs) divided by floorSeconds. */
  ratio: number | null;
  /**
   * The least time the calls actually made allow, each operation at its own QPS: above
   * floorSeconds when the provider's reads, not its creates, are the binding limit.
   */
  callBoundSeconds: number;
  /** Calls the emulator served, by operation. */
  apiCalls: Record<string, number>;
  /** Replies with a throttling code. */
  throttled: number;
  /** Calls that failed in a way the client retries (throttling, 5xx, lost replies). */
  retries: number;
  engineStartupSeconds?: number;
  /**
   * For a pulumi run: the same `pulumi up` shape with as many resources whose provider makes no
   * call (bench/program `noOpResources`), start-up included: what the engine itself needs.
   */
  engineFloorSeconds?: number;
  /** wallSeconds divided by (floorSeconds + engineFloorSeconds): what is ours, beside the API's pace and the engine's. */
  ratioToBothFloors?: number;
  providerBytesPerResource?: number;
  stateFileBytes?: number;
  peakProviderRssMb?: number;
  /** The file backend's checkpoints during a pulumi run, when the scenario counts them (bench/checkpoints.ts). */
  checkpoints?: CheckpointProfile;
  /** Seconds since the scenario's start at which each create (or delete) succeeded. */
  timeline?: number[];
  /**
   * When each operation's successful calls were served, from the first to the last, in seconds
   * from the scenario's start: which part of a run waited for which (the whole studio's episodes
   * behind its sources).
   */
  spans?: Record<string, OperationSpan>;
}

export interface OperationSpan {
  calls: number;
  firstSeconds: number;
  lastSeconds: number;
}

/** What the file backend spent on checkpoints in one `pulumi up`: its writes as inotify saw them, its CPU from the engine's profile. */
export interface CheckpointProfile {
  /** State files written, counted as renames onto the state file (each step writes the whole state when it starts and when it ends). */
  writes: number;
  /** Bytes of all of them together. */
  bytesWritten: number;
  /** The state file at the end, divided by the resources in it. */
  stateBytesPerResource: number;
  /** CPU seconds of the engine under SnapshotManager.saveSnapshot (serialize, verify, write), from `pulumi up --profiling`. */
  saveCpuSeconds: number;
  /** saveCpuSeconds per resource created. */
  saveMsPerResource: number;
  /** The engine's CPU seconds in all, from the same profile. */
  engineCpuSeconds: number;
}

/** The slowest operation's calls ÷ its documented QPS: no client could make these calls faster. */
export function callBoundSeconds(calls: CallRecord[]): number {
  // A throttled call does no work and is not counted by the API's window; every other call is.
  const counts = countByAction(calls.filter((call) => !call.code?.startsWith("Throttling")));
  return Math.max(0, ...Object.entries(counts).map(([action, n]) => n / (OPERATIONS[action as keyof typeof OPERATIONS]?.qps ?? Infinity)));
}

export function countByAction(calls: CallRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) counts[call.action] = (counts[call.action] ?? 0) + 1;
  return counts;
}

export function throttledCount(calls: CallRecord[]): number {
  return calls.filter((call) => call.code?.startsWith("Throttling")).length;
}

export function retriedCount(calls: CallRecord[]): number {
  return calls.filter((call) => call.httpStatus === 0 || call.httpStatus >= 500 || call.code?.startsWith("Throttling")).length;
}

/** When each successful call of `action` was served, in seconds from `startMs`. */
export function timeline(calls: CallRecord[], action: Action, startMs: number): number[] {
  return calls
    .filter((call) => call.action === action && call.httpStatus === 200)
    .map((call) => (Date.parse(call.at) - startMs) / 1000)
    .sort((a, b) => a - b);
}

/** Seconds and ratios as the results give them: to the hundredth. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Each operation's successful calls, first and last, in seconds from `startMs`, in the order they began. */
export function operationSpans(calls: CallRecord[], startMs: number): Record<string, OperationSpan> {
  const spans: Record<string, OperationSpan> = {};
  for (const call of calls) {
    if (call.httpStatus !== 200) continue;
    const at = round((Date.parse(call.at) - startMs) / 1000);
    const span = (spans[call.action] ??= { calls: 0, firstSeconds: at, lastSeconds: at });
    span.calls += 1;
    span.firstSeconds = Math.min(span.firstSeconds, at);
    span.lastSeconds = Math.max(span.lastSeconds, at);
  }
  return Object.fromEntries(Object.entries(spans).sort(([, a], [, b]) => a.firstSeconds - b.firstSeconds));
}

/**
 * The peak resident memory of Pulumi's dynamic-provider processes while `run` goes on, read from
 * /proc (VmHWM is the high-water mark the kernel keeps for each process).
 */
export async function peakProviderMemory<T>(run: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakKb = 0;
  // Only the processes this run starts: an earlier run's provider that outlived it must not count.
  const before = new Set(providerPids());
  const sample = () => {
    for (const pid of providerPids()) {
      if (before.has(pid)) continue;
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // the process ended between the listing and the read
      }
    }
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await run();
    return { result, peakMb: Math.round(peakKb / 102.4) / 10 };
  } finally {
    clearInterval(timer);
  }
}

function providerPids(): string[] {
  return fs.readdirSync("/proc").filter((name) => {
    if (!/^\d+$/.test(name)) return false;
    try {
      return fs.readFileSync(`/proc/${name}/cmdline`, "utf8").includes("dynamic-provider");
    } catch {
      return false;
    }
  });
}
