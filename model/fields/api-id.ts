import { z } from "zod";
import { COMPONENT_LOCATION_ID_PATTERN } from "../api-facts";

/** An ID the API gave an object (a layout's, a component's): letters, digits, `-` and `_`, as an output of its resource holds it. */
export const apiId = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `use the ${what}'s ID as the API gives it (an output of its resource).` });

/**
 * A component's ID, never its position: `RC07` has an ID's form, so the API would take it and
 * answer InvalidComponent.NotFound at `pulumi up`; the shape alone tells it is a position.
 */
export const componentIdSchema = apiId("component").refine((value) => !COMPONENT_LOCATION_ID_PATTERN.test(value), {
  error: (issue) => `${JSON.stringify(issue.input)} is a component's position (its locationId), not its ID: use the CasterComponent's componentId output.`,
});
