import { StudioFileDefinition, withSecretsAsText } from "../schema";
import { bySubject, LayoutChange, redactChange } from "./change";
import { channelChanges } from "./channel-changes";
import { compositionChanges, hasComposition } from "./composition-changes";
import { groupChanges } from "./group-changes";
import { hasEpisodes, scheduleChanges } from "./schedule-changes";
import { showListChanges } from "./show-list-changes";
import { playlistChanges } from "./playlist-changes";
import { sourceChanges } from "./source-changes";
import { studioLayoutChanges } from "./studio-layout-changes";
import { connectionChanges, madeAgainThere, studioChanges } from "./studio-changes";

export type { LayoutChange, LayoutChangeAction } from "./change";
export { formatChanges } from "./markdown";

/**
 * What a change to a studio layout does on air, in words a reviewer can check without reading the
 * layout file: `caster-layout diff OLD NEW` prints it as a pull-request comment.
 *
 * Which entries are the same is decided in match.ts, what each change says in the *-changes.ts
 * modules (one a section of the file), and the comment's Markdown in markdown.ts.
 *
 * Every decision mirrors what `pulumi up` will do with the Studio component: sources are its
 * children by position, groups by name, and the kinds' own rules (model/kinds: defaults, what a
 * change replaces, a group is always replaced) decide what is a change and what a replacement.
 */

/**
 * What changes on air from `before` to `after`: the studio first, then sources by position, groups
 * by name, a channel-mode studio's channels, layouts by name, components by position, what PGM and PVW show (composition-changes.ts),
 * the schedule's episodes in the order they start (schedule-changes.ts), the show list, the playlist, and a virtual
 * studio's studio layouts by name (studio-layout-changes.ts).
 */
export function diffStudioFiles(layoutBefore: StudioFileDefinition, layoutAfter: StudioFileDefinition): LayoutChange[] {
  // A URL kept in a stack secret is compared, and shown, by its key: this tool never reads secrets.
  const before = withSecretsAsText(layoutBefore);
  const after = withSecretsAsText(layoutAfter);
  const studio = studioChanges(before, after);
  const studioMoves = studio.studioMoves;
  const studioChangesWithComposition = studio.changes.map((change) => studioMoves && (hasComposition(after) || hasEpisodes(after))
    ? { ...change, details: [...change.details, ...madeAgainThere(after)] }
    : change);
  const sources = bySubject(sourceChanges(before.sources ?? {}, after.sources ?? {}, studioMoves));
  const composition = compositionChanges(before, after, studioMoves);
  const replaced = (changes: LayoutChange[], prefix: string) =>
    new Set(changes.filter((change) => change.action === "replace").map((change) => change.subject.slice(prefix.length)));
  const changes = [
    ...connectionChanges(before, after),
    ...studioChangesWithComposition,
    ...sources,
    ...bySubject(groupChanges(before.episodeGroups ?? {}, after.episodeGroups ?? {}, after.timeZone ?? before.timeZone)),
    // Before the layouts: in channel mode they show the channels.
    ...channelChanges(before, after, studioMoves),
    ...composition,
    // The schedule last: it shows the sources and components above, by their positions.
    ...scheduleChanges(before, after, {
      studioMoves,
      replacedSources: replaced(sources, ""),
      replacedComponents: replaced(composition.filter((change) => change.subject.startsWith("component ")), "component "),
    }),
    ...showListChanges(before.showList, after.showList),
    ...playlistChanges(before.playlist, after.playlist),
    ...studioLayoutChanges(before.studioLayouts ?? [], after.studioLayouts ?? []),
  ];
  // Names and item names are free text too: nothing that looks like a signature leaves this module.
  return changes.map(redactChange);
}

/** How many existing objects a file's `adopt` section takes over (its studio and every entry of its sections). */
export function adoptedObjects(layout: StudioFileDefinition): number {
  const adopt = layout.adopt;
  if (!adopt) return 0;
  const sections = [adopt.sources, adopt.layouts, adopt.components, adopt.episodes, adopt.episodeGroups, adopt.studioLayouts];
  return (adopt.caster ? 1 : 0) + (adopt.showList ? 1 : 0) + (adopt.playlist ? 1 : 0) + sections.reduce((total, ids) => total + Object.keys(ids ?? {}).length, 0);
}
