/**
 * A local emulator of the ApsaraVideo Live API (version 2016-11-01) for production studios.
 * See emulator/README.md for what it checks and its LIMITATIONS.
 */
export { startEmulator } from "./server";
export type { CallRecord, EmulatorOptions, RunningEmulator } from "./server";
export { DEMO_ACCOUNT } from "./gateway/accounts";
export type { AccountKey } from "./gateway/accounts";
export type { EmulatorState } from "./models/state";
export type { EmulatorOidcProvider, EmulatorRole } from "./sts/identity";
