import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";

/**
 * `importId`: an existing object adopted instead of a new one made. Pulumi's own `import` option
 * cannot serve a dynamic provider (the engine reads an imported resource without its provider
 * code), so each kind that creates an object takes this property instead. Never compared: it
 * matters only when the object is first brought under management, so removing it afterwards
 * changes nothing.
 */

/** An ID the API gives an object of a studio (a ResourceId, LayoutId, ComponentId, EpisodeId, ProgramId). */
export const OBJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** `<casterId>:<objectId>`: the Pulumi ID of an object of a studio, the form its importId takes. */
export const STUDIO_OBJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/;

/** What a kind's importId names, for its schema, doc and messages. */
export interface ImportIdOf {
  /** "source", "layout", … */
  noun: string;
  /** The form, e.g. `<casterId>:<layoutId>`, or `<casterId>` for a studio. */
  form: string;
  /** A valid example of the form. */
  example: string;
  /** Whether the ID carries its studio (`<casterId>:<…>`). */
  withStudio: boolean;
  /** Where the ID is found, e.g. "DescribeCasterLayouts". */
  foundWith: string;
  /** What adopting does beyond the common words: "The layout's layers are then compared with these inputs …". */
  adopting: string;
  /** The default's words: "none: a new layout is added". */
  default: string;
}

/** The zod schema of an importId of this form. */
export function importIdSchema(of: ImportIdOf) {
  return z
    .string()
    .regex(of.withStudio ? STUDIO_OBJECT_ID_PATTERN : OBJECT_ID_PATTERN, {
      error: `use ${of.form} of the existing ${of.noun}, e.g. ${of.example}.`,
    })
    .optional()
    .describe(`an existing ${of.noun} to adopt, ${of.form}`);
}

/** The field spec of a kind's importId: onChange "ignore", so taking it out later changes nothing. */
export function importIdField(of: ImportIdOf) {
  return {
    schema: importIdSchema(of),
    doc: `Adopt an existing ${of.noun}${of.withStudio ? " of the same studio" : ""} instead of making one: \`${of.form}\` (from ${of.foundWith}). ${of.adopting} `
      + "Pulumi's own `import` option cannot serve a dynamic provider (the engine reads imported resources without their provider code), so this takes its place.",
    default: of.default,
    onChange: "ignore",
  } as const;
}

/**
 * An object is adopted only from its own studio: an importId whose studio is not casterId fails
 * at preview rather than at create. Silent while either is unknown (or invalid, which is reported
 * on its own). `idName` names the object's part of the ID in the message (`resourceId`).
 */
export function importIdOfThisStudioRule<T extends { casterId?: string; importId?: string }>(noun: string, idName: string): CrossFieldRule<T> {
  return (known) => {
    if (known.importId === undefined || known.casterId === undefined) return undefined;
    const separator = known.importId.indexOf(":");
    if (separator === -1) return undefined;
    const studio = known.importId.slice(0, separator);
    if (studio === known.casterId) return undefined;
    return {
      property: "importId",
      reason: `importId ${describeValue(known.importId)} names studio ${studio}, but casterId is ${describeValue(known.casterId)}: `
        + `use "${known.casterId}:<${idName}>" to adopt a ${noun} of this studio, or set casterId to ${studio}.`,
    };
  };
}
