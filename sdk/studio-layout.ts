import * as pulumi from "@pulumi/pulumi";
import { CasterEpisodeGroup, CasterEpisodeGroupArgs } from "./caster-episode-group";
import { CasterVideoResource, CasterVideoResourceArgs } from "./caster-video-resource";
import { LayoutError, loadLayout } from "../studio-file/load";
import { isSecretReference, LayoutCaster, LayoutEpisodeGroup, LayoutSource, SecretReference } from "../studio-file/schema";

type Inputs<T> = { [K in keyof T]: pulumi.Input<Exclude<T[K], undefined>> };
type OrSecret<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | SecretReference };

/**
 * A layout given as an object: the file's shape, where a program may also pass Outputs (a signed
 * URL from `config.requireSecret`, so it is never written in the repository) and Dates.
 */
export interface StudioLayoutInput {
  $schema?: string;
  caster?: LayoutCaster;
  sources?: Record<string, OrSecret<Inputs<LayoutSource>, "liveStreamUrl" | "vodUrl" | "imageUrl">> | null;
  episodeGroups?: Record<
    string,
    OrSecret<Omit<Inputs<LayoutEpisodeGroup>, "startTime" | "items">, "callbackUrl" | "sideOutputUrl"> & {
      startTime: pulumi.Input<string | Date>;
      items: pulumi.Input<pulumi.Input<{ itemName: pulumi.Input<string>; vodUrl: pulumi.Input<string> | SecretReference }>[]>;
    }
  > | null;
}

/** The inputs of a {@link StudioLayout}. */
export interface StudioLayoutArgs {
  /**
   * The layout: a YAML or JSON file's path (relative paths are from the program's working
   * directory, the Pulumi project's folder), or the same content as an object.
   */
  layout: string | StudioLayoutInput;
  /**
   * The studio, when the program knows it (e.g. `new alicloud.live.Caster(...).id`). Give it here or
   * as the layout's `caster`, not both.
   * @default the layout's `caster`
   */
  casterId?: pulumi.Input<string>;
  /**
   * Earlier names of children, by position or group name, so that resources declared before the
   * layout are taken over rather than replaced: `{ RV01: [{ name: "main-camera", parent: pulumi.rootStackResource }] }`.
   * @default none
   */
  aliases?: Record<string, pulumi.Input<string | pulumi.Alias>[]>;
}

/**
 * A production studio's layout applied as one component: a {@link CasterVideoResource} per position
 * and a {@link CasterEpisodeGroup} per group, children of this component.
 *
 * Children are named from the layout, never from its order: `<name>-RV07` for the source at RV07
 * and `<name>-<group>` for a group, so reordering the file changes nothing, and moving a source to
 * another position deletes it at the old one and adds it at the new one, in plain sight in
 * `pulumi preview`.
 *
 * @example
 * // studio.yaml: caster: { config: casterId }, sources: { RV01: { resourceName: Main camera, liveStreamUrl: rtmp://... } }
 * const studio = new StudioLayout("studio", { layout: "studio.yaml" });
 * export const sources = studio.resourceIds;
 */
export class StudioLayout extends pulumi.ComponentResource {
  /** The layout as applied, after checking. */
  public readonly layout: StudioLayoutInput;
  public readonly casterId: pulumi.Output<string>;
  /** The sources, by position. */
  public readonly sources: Readonly<Record<string, CasterVideoResource>>;
  /** The episode groups, by name. */
  public readonly episodeGroups: Readonly<Record<string, CasterEpisodeGroup>>;
  /** Each position's API ResourceId. */
  public readonly resourceIds: pulumi.Output<Record<string, string>>;
  /** Each group's API ProgramId. */
  public readonly programIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: StudioLayoutArgs, opts?: pulumi.ComponentResourceOptions) {
    // A bad layout or a missing studio fails the program before any resource, even this one, is declared.
    const layout = checkedLayout(name, args.layout);
    const casterId = studioOf(name, layout.caster, args.casterId);
    super("alicloud-caster:index:StudioLayout", name, {}, opts);
    this.layout = layout;
    this.casterId = pulumi.output(casterId);

    const childOptions = (key: string): pulumi.CustomResourceOptions => ({ parent: this, aliases: args.aliases?.[key] });
    const sources: Record<string, CasterVideoResource> = {};
    const secrets = new SecretReader(name);
    for (const [location, source] of Object.entries(layout.sources ?? {})) {
      const args = { ...secrets.read(source, `sources.${location}`), casterId: this.casterId, locationId: location } as CasterVideoResourceArgs;
      sources[location] = new CasterVideoResource(`${name}-${location}`, args, childOptions(location));
    }
    const episodeGroups: Record<string, CasterEpisodeGroup> = {};
    for (const [group, definition] of Object.entries(layout.episodeGroups ?? {})) {
      // A file's items are a list; a program's may be an Output, which holds no secret references.
      const items = Array.isArray(definition.items)
        ? definition.items.map((item, index) => (isPlainObject(item) ? secrets.read(item, `episodeGroups.${group}.items[${index}]`) : item))
        : definition.items;
      const args = { ...secrets.read(definition, `episodeGroups.${group}`), items, casterId: this.casterId } as unknown as CasterEpisodeGroupArgs;
      episodeGroups[group] = new CasterEpisodeGroup(`${name}-${group}`, args, childOptions(group));
    }
    this.sources = sources;
    this.episodeGroups = episodeGroups;
    this.resourceIds = outputsBy(sources, (source) => source.resourceId);
    this.programIds = outputsBy(episodeGroups, (group) => group.programId);
    if (Object.keys(sources).length === 0 && Object.keys(episodeGroups).length === 0) {
      // Declarative, so an empty layout empties the studio; a file emptied by mistake should be noticed.
      void pulumi.log.warn("the layout has no sources and no episode groups: any this component made before are deleted.", this);
    }
    this.registerOutputs({ casterId: this.casterId, resourceIds: this.resourceIds, programIds: this.programIds });
  }
}

/** Reads `{ secret: <key> }` values from the stack's secret config, so the URL stays a secret end to end. */
class SecretReader {
  constructor(private readonly layoutName: string) {}

  read<T extends object>(entry: T, where: string): T {
    return Object.fromEntries(Object.entries(entry).map(([property, value]) => [property, isSecretReference(value) ? this.secret(value, `${where}.${property}`) : value])) as T;
  }

  private secret(reference: SecretReference, where: string): pulumi.Output<string> {
    const [config, key] = configOf(reference.secret);
    const value = config.getSecret(key);
    if (value === undefined) {
      throw new pulumi.RunError(
        `StudioLayout "${this.layoutName}": ${where} is the stack secret ${reference.secret}, which is not set; run \`pulumi config set --secret ${reference.secret} <url>\`.`,
      );
    }
    return value;
  }
}

/** As a RunError, so that the user sees the list of problems rather than a stack trace. */
function checkedLayout(name: string, layout: StudioLayoutArgs["layout"]): StudioLayoutInput {
  try {
    return loadLayout(layout, "layout") as StudioLayoutInput;
  } catch (error) {
    if (error instanceof LayoutError) throw new pulumi.RunError(`StudioLayout "${name}": ${error.message}`);
    throw error;
  }
}

/** The studio's ID from exactly one of the component's argument and the layout's `caster`. */
function studioOf(name: string, caster: LayoutCaster | undefined, casterId: pulumi.Input<string> | undefined): pulumi.Input<string> {
  if (casterId !== undefined && caster !== undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": the studio is given twice, as the casterId argument and as the layout's caster; keep one of them.`,
    );
  }
  if (casterId !== undefined) return casterId;
  if (caster === undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": no studio is given; add caster: { casterId: <ID> } or caster: { config: <stack config key> } to the layout, or pass casterId.`,
    );
  }
  if ("casterId" in caster) return caster.casterId;
  const [config, key] = configOf(caster.config);
  const value = config.get(key);
  if (value === undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": the layout takes the studio from stack config key ${caster.config}, which is not set; run \`pulumi config set ${caster.config} <casterId>\`.`,
    );
  }
  return value;
}

/** `casterId` reads the project's config, `other-project:casterId` another namespace's. */
function configOf(qualifiedKey: string): [pulumi.Config, string] {
  const [namespace, key] = qualifiedKey.includes(":") ? qualifiedKey.split(":", 2) : [undefined, qualifiedKey];
  return [new pulumi.Config(namespace), key];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

function outputsBy<T>(children: Record<string, T>, pick: (child: T) => pulumi.Output<string>): pulumi.Output<Record<string, string>> {
  const keys = Object.keys(children).sort();
  return pulumi.all(keys.map((key) => pick(children[key]))).apply((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
}
