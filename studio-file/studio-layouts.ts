import { z } from "zod";
import { OBJECT_ID_PATTERN } from "../model/fields/import-id";
import { casterStudioLayout, studioLayoutFields } from "../model/kinds/caster-studio-layout";

/**
 * The studio file's `studioLayouts:` section: a virtual studio's studio layouts, a list, each a
 * CasterStudioLayout's properties less its studio (the file's), its importId (`adopt.studioLayouts`,
 * keyed by layoutName) and its connection (the file's).
 */

const { casterId: _casterId, importId: _importId, connection: _connection, ...entryFields } = studioLayoutFields;
/** A studio layout's properties in a studio file, as the kind checks them. */
export const fileStudioLayoutFields = entryFields;
export const fileStudioLayoutSchema = z.strictObject(entryFields).describe("a studio layout: { layoutName, layoutType, commonConfig | background and chromaKeyInputs, mediaInputs?, layerOrder? }");
/** A studio layout of a studio file. */
export type FileStudioLayout = z.infer<typeof fileStudioLayoutSchema>;

export const fileStudioLayoutsSchema = z.array(fileStudioLayoutSchema).nullable().optional()
  .describe(`${casterStudioLayout.studioFile.doc}; each known by its layoutName, unique in the list`);

/** `adopt.studioLayouts`: the existing layouts taken over, keyed by layoutName, each by its LayoutId (DescribeStudioLayouts). */
export const adoptedStudioLayoutsSchema = z.record(z.string().min(1), z.string().regex(OBJECT_ID_PATTERN, { error: "use the studio layout's LayoutId as DescribeStudioLayouts gives it: 1 to 64 letters, digits, - or _." }))
  .nullable().optional()
  .describe("the existing studio layouts taken over, keyed by layoutName, each by its LayoutId");
