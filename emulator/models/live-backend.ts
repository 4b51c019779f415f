import { upgradeCaster } from "./casters";
import { AccountState, EmulatorState, emptyAccount, emptyState } from "./state";
import { StateStore } from "../store/store";

/**
 * Owns the state and its store. Reads see the committed state; a change runs on a copy that
 * replaces the state only once the store has saved it, so a failed save changes nothing and a
 * successful one is durable before the caller answers.
 */
export class LiveBackend {
  private state: EmulatorState;

  constructor(private readonly store: StateStore) {
    this.state = store.load() ?? emptyState();
    // A state file from before a collection existed gets it empty; its studios get the settings they lack, cleared.
    for (const [uid, account] of Object.entries(this.state.accounts)) {
      const upgraded = { ...emptyAccount(), ...account };
      upgraded.casters = Object.fromEntries(Object.entries(upgraded.casters).map(([id, caster]) => [id, upgradeCaster(caster)]));
      this.state.accounts[uid] = upgraded;
    }
  }

  read<T>(uid: string, reader: (account: AccountState) => T): T {
    return reader(this.state.accounts[uid] ?? emptyAccount());
  }

  change<T>(uid: string, mutate: (account: AccountState) => T): T {
    const draft = structuredClone(this.state);
    const account = (draft.accounts[uid] ??= emptyAccount());
    const result = mutate(account);
    this.store.save(draft);
    this.state = draft;
    return result;
  }

  /** A copy of everything, for tests and the control endpoint. */
  snapshot(): EmulatorState {
    return structuredClone(this.state);
  }
}
