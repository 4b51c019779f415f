import { EmulatorState } from "../models/state";

/**
 * Where the emulator keeps its state. `save` returns only once the state is durable, so that
 * everything the emulator acknowledged survives a kill.
 */
export interface StateStore {
  load(): EmulatorState | undefined;
  save(state: EmulatorState): void;
  readonly description: string;
}
