import { LiveClient } from "./client/live-client";
import { ConfigSource, resolveSettings } from "./client/settings";
import { CoalescedReader } from "./shared/coalesced-reader";

/**
 * Process-wide state of the dynamic-provider process: the stack config handed to configure(),
 * and the one client built from it, shared by every resource the process serves.
 */
let config: ConfigSource | undefined;
let client: LiveClient | undefined;
const listings: CoalescedReader<unknown>[] = [];

/** A new configuration starts a new session: a new client, and no listing from before is reused. */
export function configureProvider(source: ConfigSource | undefined): void {
  config = source;
  client = undefined;
  for (const listing of listings) listing.forget();
}

/** A listing cache of this process, emptied when the provider is configured again. */
export function listingCache<T>(): CoalescedReader<T> {
  const cache = new CoalescedReader<T>();
  listings.push(cache as CoalescedReader<unknown>);
  return cache;
}

/** The client, built on first use so that a preview with no credentials still checks and diffs. */
export function liveClient(): LiveClient {
  client ??= new LiveClient(resolveSettings(config));
  return client;
}
