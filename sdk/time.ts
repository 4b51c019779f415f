import * as pulumi from "@pulumi/pulumi";

/** A Date as ISO 8601 text; pulumi.output() alone would turn a Date into an empty object. */
export function timeText(value: pulumi.Input<string | Date>): pulumi.Output<string> {
  if (value instanceof Date) return pulumi.output(value.toISOString());
  return pulumi
    .output(value as pulumi.Input<string>)
    .apply((text) => ((text as unknown) instanceof Date ? (text as unknown as Date).toISOString() : text));
}
