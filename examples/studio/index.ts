import * as path from "node:path";
import { StudioLayout } from "pulumi-alicloud-caster";

// The whole studio is the layout file: a change to it is a reviewed pull request (see README.md here).
const studio = new StudioLayout("studio", { layout: path.join(__dirname, "studio.yaml") });

export const casterId = studio.casterId;
export const resourceIds = studio.resourceIds;
export const programIds = studio.programIds;
