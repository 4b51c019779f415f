import * as pulumi from "@pulumi/pulumi";
import { CasterEpisodeGroup } from "./caster-episode-group";
import { CasterVideoResource } from "./caster-video-resource";
import { LayoutError, loadLayout } from "./layout/load";
import { LayoutCaster, StudioLayoutDefinition } from "./layout/schema";

/** The inputs of a {@link StudioLayout}. */
export interface StudioLayoutArgs {
  /**
   * The layout: a YAML or JSON file's path (relative paths are from the program's working
   * directory, the Pulumi project's folder), or the same content as an object.
   */
  layout: string | StudioLayoutDefinition;
  /**
   * The studio, when the program knows it (e.g. `new alicloud.live.Caster(...).id`). Give it here or
   * as the layout's `caster`, not both.
   * @default the layout's `caster`
   */
  casterId?: pulumi.Input<string>;
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
  public readonly layout: StudioLayoutDefinition;
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
    const layout = checkedLayout(name, args.layout);
    super("alicloud-caster:index:StudioLayout", name, {}, opts);
    this.layout = layout;
    this.casterId = pulumi.output(studioOf(name, this.layout.caster, args.casterId));

    const sources: Record<string, CasterVideoResource> = {};
    for (const [location, source] of Object.entries(this.layout.sources ?? {})) {
      sources[location] = new CasterVideoResource(`${name}-${location}`, { ...source, casterId: this.casterId, locationId: location }, { parent: this });
    }
    const episodeGroups: Record<string, CasterEpisodeGroup> = {};
    for (const [group, definition] of Object.entries(this.layout.episodeGroups ?? {})) {
      episodeGroups[group] = new CasterEpisodeGroup(`${name}-${group}`, { ...definition, casterId: this.casterId }, { parent: this });
    }
    this.sources = sources;
    this.episodeGroups = episodeGroups;
    this.resourceIds = outputsBy(sources, (source) => source.resourceId);
    this.programIds = outputsBy(episodeGroups, (group) => group.programId);
    this.registerOutputs({ casterId: this.casterId, resourceIds: this.resourceIds, programIds: this.programIds });
  }
}

/**
 * A bad layout fails the program before any resource, even the component, is declared, so nothing reaches the API; as
 * a RunError, so the user sees the problem list, not a stack trace.
 */
function checkedLayout(name: string, layout: StudioLayoutArgs["layout"]): StudioLayoutDefinition {
  try {
    return loadLayout(layout, `StudioLayout "${name}" layout`);
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
  const [namespace, key] = caster.config.includes(":") ? caster.config.split(":", 2) : [undefined, caster.config];
  const value = new pulumi.Config(namespace).get(key);
  if (value === undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": the layout takes the studio from stack config key ${caster.config}, which is not set; run \`pulumi config set ${caster.config} <casterId>\`.`,
    );
  }
  return value;
}

function outputsBy<T>(children: Record<string, T>, pick: (child: T) => pulumi.Output<string>): pulumi.Output<Record<string, string>> {
  const keys = Object.keys(children).sort();
  return pulumi.all(keys.map((key) => pick(children[key]))).apply((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
}
