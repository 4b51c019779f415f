import { COMPONENT_LOCATION_ID_PATTERN, COMPONENT_LOCATION_ID_RULE, LOCATION_ID_PATTERN, LOCATION_ID_RULE } from "../model/api-facts";
import { casterComponent } from "../model/kinds/caster-component";
import { casterEpisode } from "../model/kinds/caster-episode";
import { casterEpisodeGroup } from "../model/kinds/caster-episode-group";
import { casterLayout } from "../model/kinds/caster-layout";
import { casterVideoResource, SOURCE_PROPERTIES } from "../model/kinds/caster-video-resource";
import { KindSpec } from "../model/kinds/kind";

/**
 * A name of the file's own (a group's, a layout's, an episode's): lower-case, so that its child
 * resource (`<file>-<group>`, `<file>-layout-<name>`, `<file>-episode-<name>`) reads as written,
 * a reviewer can say it aloud, and it can never take the name of a source's (`<file>-RV07`).
 */
export const FILE_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const fileNameRule = (example: string) => `use 1 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. ${example}.`;

/** A section of a studio file that maps a key to one resource of a kind. */
export interface KeyedSection {
  /** The kind each entry declares; its spec names this section (`studioFile.section`). */
  kind: KindSpec;
  /** What a key must look like, and the rule a wrong one is told. */
  keyPattern: RegExp;
  keyRule: string;
  /** What one entry is, for messages: "a source". */
  entry: string;
  /** What an entry must hold, for the message about an empty one. */
  needs: string;
  /** How the section is keyed, with an example entry: "position (RV01: { resourceName, ... })". */
  keyedBy: string;
  /** `adopt`'s section of the same name: the ID that takes an existing object over. */
  adopt: { id: string; noun: string; foundWith: string };
}

/**
 * The studio file's keyed sections, once: the file's schema, its checks, its JSON Schema and its
 * `adopt` section read them from here. In `adopt`'s order, which `caster-studio export` writes.
 */
export const KEYED_SECTIONS = {
  sources: {
    kind: casterVideoResource,
    keyPattern: LOCATION_ID_PATTERN,
    keyRule: LOCATION_ID_RULE,
    entry: "a source",
    needs: `resourceName and one of ${SOURCE_PROPERTIES.join(", ")}`,
    keyedBy: "position (RV01: { resourceName, ... })",
    adopt: { id: "ResourceId", noun: "source", foundWith: "DescribeCasterVideoResources" },
  },
  layouts: {
    kind: casterLayout,
    keyPattern: FILE_NAME_PATTERN,
    keyRule: fileNameRule("pip or split"),
    entry: "a layout",
    needs: "videoLayers (and audioLayers)",
    keyedBy: "layout name (pip: { videoLayers: [...] })",
    adopt: { id: "LayoutId", noun: "layout", foundWith: "DescribeCasterLayouts" },
  },
  components: {
    kind: casterComponent,
    keyPattern: COMPONENT_LOCATION_ID_PATTERN,
    keyRule: COMPONENT_LOCATION_ID_RULE,
    entry: "a component",
    needs: "componentType, geometry and the text, image or caption it shows",
    keyedBy: "component position (RC01: { componentType: text, geometry, text })",
    adopt: { id: "ComponentId", noun: "component", foundWith: "DescribeCasterComponents" },
  },
  episodes: {
    kind: casterEpisode,
    keyPattern: FILE_NAME_PATTERN,
    keyRule: fileNameRule("evening-news"),
    entry: "an episode",
    needs: "episodeName, startTime, endTime and its source (locationId) or components",
    keyedBy: "episode name (evening-news: { episodeName, locationId, startTime, endTime })",
    adopt: { id: "EpisodeId", noun: "episode", foundWith: "DescribeCasterProgram" },
  },
  episodeGroups: {
    kind: casterEpisodeGroup,
    keyPattern: FILE_NAME_PATTERN,
    keyRule: fileNameRule("evening-loop"),
    entry: "an episode group",
    needs: "startTime and items",
    keyedBy: "group name (evening-loop: { startTime, items })",
    adopt: { id: "ProgramId", noun: "episode group", foundWith: "AddCasterEpisodeGroup's reply" },
  },
} as const satisfies Record<string, KeyedSection>;

export type KeyedSectionName = keyof typeof KEYED_SECTIONS;

/**
 * The words of the file's own rules across its sections, once: validate's messages (which add the
 * values they found) and the JSON Schema's (which an editor shows at the key) are made of them.
 */
export const FILE_RULE_WORDS = {
  /** adopt.caster needs caster: { new: … }. */
  adoptsANewStudio: {
    what: "takes over a studio that this file makes (caster: { new: … })",
    fix: "remove adopt.caster, or declare the studio as caster: { new: { … } }.",
  },
  /** A studio the file makes new has nothing in it to take over, unless it is adopted itself. */
  nothingToTakeOver: {
    what: (noun: string) => `takes over an existing ${noun}, but the studio this file makes is new and has none`,
    fix: (what: string) => `add adopt.caster with the existing studio's CasterId, or remove ${what}.`,
  },
  /** Scenes exist on a started studio only: a studio the file makes must run. */
  scenesNeedARunningStudio: {
    why: "scenes are bound only on a started studio (StartCaster makes its PGM and PVW scenes)",
    fix: "set caster.new.running: true, or remove scenes.",
  },
  /**
   * A group plays on its studio's domain when it names none (AddCasterEpisodeGroupRequest.ts,
   * DomainName), and a new studio has none until SetCasterConfig gives it one (CreateCasterRequest.ts
   * takes no DomainName): AddCasterEpisodeGroup would be refused at `up`.
   */
  groupsNeedADomain: {
    why: "an episode group plays on a streaming domain, its studio's when it names none, and a new studio has none until its domainName is set",
    fix: "set caster.new.domainName, or domainName on the group.",
  },
};
export const KEYED_SECTION_NAMES = Object.keys(KEYED_SECTIONS) as KeyedSectionName[];

// Each kind's spec names its section; a table that disagreed would file entries under the wrong kind.
for (const [name, section] of Object.entries(KEYED_SECTIONS)) {
  if (section.kind.studioFile.section !== name) {
    throw new Error(`pulumi-alicloud-caster: studio-file/sections.ts files ${section.kind.type} under ${name}, its spec under ${section.kind.studioFile.section}; please report this.`);
  }
}
