import { DEMO_ACCOUNT } from "../../emulator/gateway/accounts";
import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator/server";
import { popClient, PopReply } from "./pop-client";

/**
 * The setup the emulator's operation tests (emulator/responses/*.test.ts) share: an emulator on a
 * paced clock, with two accounts, and a pop-core client for each. Not a test file itself (jest's
 * testMatch is `*.test.ts`), and outside the build, which ships no test code.
 */

/** A pop-core client as the tests use it: the reply's status and body, never a throw. */
export type PopCall = ReturnType<typeof popClient>;

/** The demo account, and another whose studios the demo account must not see. */
export const TWO_ACCOUNTS = [
  { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret", uid: DEMO_ACCOUNT.uid },
  { accessKeyId: "other-key", accessKeySecret: "other-secret", uid: "2000000000000002" },
];

export interface PacedEmulator {
  emulator: RunningEmulator;
  /** The demo account's client: each call a paced step later on the emulator's clock. */
  call: PopCall;
  /** The other account's client, paced the same way. */
  other: PopCall;
  /** The emulator's whole state as text: compare before and after to see that nothing changed. */
  state: () => string;
  /** The demo account's client through another endpoint (the same port over https), paced the same way. */
  over: (endpoint: string) => PopCall;
  /** Moves the emulator's clock on, e.g. past a second's QPS window, without a call. */
  advanceClock: (ms: number) => void;
}

/** How far each paced call moves the emulator's clock: past a second, so that no QPS limit is reached. */
export const PACED_STEP_MS = 1100;

/**
 * Starts an emulator whose clock moves only with the calls: every paced call a step later. It
 * starts ten minutes back, so that hundreds of calls stay within the 15 minutes a request's
 * Timestamp may differ from the emulator's time.
 */
export async function startPacedEmulator(options: Pick<EmulatorOptions, "tls"> = {}): Promise<PacedEmulator> {
  let now = Date.now() - 10 * 60_000;
  const emulator = await startEmulator({ ...options, clock: () => now, accounts: TWO_ACCOUNTS });
  const paced = (client: PopCall): PopCall => (action, params = {}) => {
    now += PACED_STEP_MS;
    return client(action, params);
  };
  return {
    emulator,
    call: paced(popClient(emulator.url)),
    other: paced(popClient(emulator.url, "other-key", "other-secret")),
    over: (endpoint) => paced(popClient(endpoint)),
    state: () => JSON.stringify(emulator.state()),
    advanceClock: (ms) => {
      now += ms;
    },
  };
}

/** A reply that is the API error `code` with HTTP `status`. */
export function expectError(reply: PopReply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });
}
