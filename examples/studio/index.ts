import * as path from "node:path";
import { Studio } from "pulumi-alicloud-caster";

// The whole studio is the studio file: a change to it is a reviewed pull request (see README.md here).
const studio = new Studio("studio", { file: path.join(__dirname, "studio.yaml") });

export const casterId = studio.casterId;
// The studio that studio.yaml makes (caster: { new: ... }): its program (PGM) and preview (PVW) scenes once started.
export const pgmSceneId = studio.pgmSceneId;
export const pvwSceneId = studio.pvwSceneId;
export const resourceIds = studio.resourceIds;
export const programIds = studio.programIds;
// What is on screen: the layouts by name, the components by position, the scenes the file binds.
export const layoutIds = studio.layoutIds;
export const componentIds = studio.componentIds;
export const boundSceneIds = studio.boundSceneIds;
