import { EmulatorState } from "../models/state";
import { StateStore } from "./store";

/** Keeps nothing beyond the process: for tests and throwaway runs. */
export class MemoryStore implements StateStore {
  readonly description = "memory (nothing persists)";
  private snapshot: string | undefined;

  load(): EmulatorState | undefined {
    return this.snapshot === undefined ? undefined : (JSON.parse(this.snapshot) as EmulatorState);
  }

  save(state: EmulatorState): void {
    this.snapshot = JSON.stringify(state);
  }
}
