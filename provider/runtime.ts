import { LiveClient } from "./client/live-client";
import { ConfigSource, resolveSettings } from "./client/settings";

/**
 * Process-wide state of the dynamic-provider process: the stack config handed to configure(),
 * and the one client built from it, shared by every resource the process serves.
 */
let config: ConfigSource | undefined;
let client: LiveClient | undefined;

export function configureProvider(source: ConfigSource | undefined): void {
  config = source;
  client = undefined;
}

/** The client, built on first use so that a preview with no credentials still checks and diffs. */
export function liveClient(): LiveClient {
  client ??= new LiveClient(resolveSettings(config));
  return client;
}
