/** A source's Pulumi ID carries its studio: `<casterId>:<resourceId>`, the form importId takes too. */
export function videoResourceId(casterId: string, resourceId: string): string {
  return `${casterId}:${resourceId}`;
}

export function parseVideoResourceId(id: string): { casterId: string; resourceId: string } {
  const separator = id.indexOf(":");
  if (separator <= 0 || separator === id.length - 1) {
    throw new Error(`"${id}" is not a video source ID; it has the form <casterId>:<resourceId>.`);
  }
  return { casterId: id.slice(0, separator), resourceId: id.slice(separator + 1) };
}
