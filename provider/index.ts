/**
 * The implementations behind the resource classes. The provider code stored in a stack's state
 * reaches these with require("pulumi-alicloud-caster/provider"), by package name, at run time.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { UserFacingError } from "./client/errors";
import { checkConfiguration, configSourceOf, configureFromEngine, insideProviderHost, withConnection } from "./runtime";
import { Connection, connectionSchema } from "../model/fields/connection";
import { casterProvider } from "./caster/provider";
import { componentProvider } from "./component/provider";
import { layoutProvider } from "./layout/provider";
import { sceneBindingProvider } from "./scene/provider";
import { episodeProvider } from "./episode/provider";
import { episodeGroupProvider } from "./episode-group/provider";
import { checkResultForEngine } from "./shared/engine-check";
import { videoResourceProvider } from "./video-resource/provider";
import { showListProvider } from "./show-list/provider";
import { channelProvider } from "./channel/provider";
import { playlistProvider } from "./playlist/provider";
import { studioLayoutProvider } from "./studio-layout/provider";

export type ProviderKind = "video" | "episodes" | "studio" | "layout" | "component" | "scene" | "episode" | "showList" | "channel" | "playlist" | "studioLayout";

const implementations: Record<ProviderKind, Omit<dynamic.ResourceProvider, "configure">> = {
  video: videoResourceProvider,
  episodes: episodeGroupProvider,
  studio: casterProvider,
  layout: layoutProvider,
  component: componentProvider,
  scene: sceneBindingProvider,
  episode: episodeProvider,
  showList: showListProvider,
  channel: channelProvider,
  playlist: playlistProvider,
  studioLayout: studioLayoutProvider,
};

/** Runs one method of one provider: the single entry point of the serialized provider. */
export async function run(kind: ProviderKind, method: string, args: unknown[]): Promise<unknown> {
  if (method === "configure") {
    configureFromEngine(configSourceOf((args[0] as dynamic.ConfigureRequest).config));
    return undefined;
  }
  const implementation = implementations[kind] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  if (!implementation) throw new Error(`pulumi-alicloud-caster has no provider "${kind}"; upgrade the package.`);
  const handler = implementation[method];
  if (!handler) throw new Error(`pulumi-alicloud-caster's ${kind} provider has no method ${method}.`);
  try {
    // A misspelled setting fails the preview, before any input is checked or any call is made.
    if (method === "check") checkConfiguration();
    const result = await withConnection(connectionOfCall(method, args), () => handler(...args));
    return method === "check" ? checkResultForEngine(result as dynamic.CheckResult, args[1]) : result;
  } catch (error) {
    if (error instanceof UserFacingError && ECHOED_BY_HOST.has(method) && insideProviderHost()) dropHostEcho(error);
    throw error;
  }
}

/**
 * The methods whose failure Pulumi's dynamic-provider host prints itself, as `${error}: ${error.stack}`
 * on its stderr (which the engine shows as a line of its own), before it hands the error to the
 * engine, which reports its message on the resource: create and update hand it over only.
 */
const ECHOED_BY_HOST = new Set(["check", "diff", "read", "delete"]);
/** The host's echoes of errors the user acts on, still to come: the engine says their message once. */
const hostEchoes = new Set<string>();
let filteringHostEchoes = false;

/**
 * Keeps the host from saying an error the user acts on a second time: its echo repeats the
 * message after the class's name (`ConfigProblemError: <message>: ConfigProblemError: <message>`),
 * with no more to it than the engine's report. Only that exact text, once per error, is dropped;
 * a defect's echo, with its stack trace, still reaches the user.
 */
function dropHostEcho(error: UserFacingError): void {
  if (!filteringHostEchoes) {
    filteringHostEchoes = true;
    const write = console.error.bind(console);
    console.error = (...values: unknown[]) => {
      if (values.length === 1 && typeof values[0] === "string" && hostEchoes.delete(values[0])) return;
      write(...values);
    };
  }
  hostEchoes.add(`${error}: ${error.stack}`);
}

/**
 * The connection a provider call works through: the one declared in the new inputs (check, diff,
 * create, update), else the one stored with the object (read, delete: refresh and destroy work
 * from the state alone). A value that is not a valid connection (still unknown in a preview, or
 * refused by check) is none.
 */
function connectionOfCall(method: string, args: unknown[]): Connection | undefined {
  const position: Record<string, number> = { check: 1, diff: 2, create: 0, update: 2, read: 1, delete: 1 };
  const props = args[position[method] ?? -1] as { connection?: unknown } | undefined;
  const parsed = connectionSchema.safeParse(props?.connection);
  return parsed.success ? (parsed.data as Connection | undefined) : undefined;
}

const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;
const byKind = new Map<string, dynamic.ResourceProvider>();

/**
 * The provider of a kind as the engine's dynamic-provider plugin takes it from the stored text
 * (`require("pulumi-alicloud-caster/provider").providerFor(kind)`): each method runs {@link run}.
 */
export function providerFor(kind: ProviderKind): dynamic.ResourceProvider {
  let provider = byKind.get(kind);
  if (!provider) {
    provider = Object.fromEntries(METHODS.map((method) => [method, (...args: unknown[]) => run(kind, method, args)])) as unknown as dynamic.ResourceProvider;
    byKind.set(kind, provider);
  }
  return provider;
}

export { videoResourceProvider, episodeGroupProvider, casterProvider, layoutProvider, componentProvider, sceneBindingProvider, episodeProvider };
export { LiveClient } from "./client/live-client";
export { ConfigProblemError, LiveApiError, MissingCredentialsError, UserFacingError } from "./client/errors";
export { resolveSettings, DEFAULT_ENDPOINT, ENDPOINT_CONFIG_KEY, KNOWN_CONFIG_KEYS } from "./client/settings";
export { casterVideoResource } from "../model/kinds/caster-video-resource";
export { casterEpisodeGroup } from "../model/kinds/caster-episode-group";
export { caster } from "../model/kinds/caster";
export { deriveClientToken } from "./shared/client-token";
