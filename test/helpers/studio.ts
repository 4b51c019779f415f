/** A full studio for the reliability tests: RV01–RV99 of every kind, and episode groups. */
export interface StudioDeclaration {
  sources: Record<string, Record<string, unknown>>;
  episodeGroups: Record<string, Record<string, unknown>>;
}

export function location(n: number): string {
  return `RV${String(n).padStart(2, "0")}`;
}

export function fullStudio(casterId: string, sourceCount = 99, groupCount = 10): StudioDeclaration {
  const sources: StudioDeclaration["sources"] = {};
  for (let n = 1; n <= sourceCount; n++) {
    const base = { casterId, resourceName: `Source ${n}`, locationId: location(n) };
    switch (n % 4) {
      case 0:
        sources[`source-${n}`] = { ...base, liveStreamUrl: `rtmp://push.example.com/live/cam${n}` };
        break;
      case 1:
        sources[`source-${n}`] = { ...base, vodUrl: `https://media.example.com/clips/${n}.mp4`, repeatNum: -1, beginOffset: n * 10 };
        break;
      case 2:
        sources[`source-${n}`] = { ...base, materialId: `asset${n}` };
        break;
      default:
        sources[`source-${n}`] = { ...base, imageUrl: `https://media.example.com/stills/${n}.png` };
    }
  }
  const episodeGroups: StudioDeclaration["episodeGroups"] = {};
  for (let n = 1; n <= groupCount; n++) {
    episodeGroups[`group-${n}`] = {
      casterId,
      startTime: `2030-06-${String(n).padStart(2, "0")}T18:00:00Z`,
      repeatNum: n % 2 === 0 ? -1 : 0,
      items: [
        { itemName: `Group ${n} opening`, vodUrl: `https://media.example.com/groups/${n}/a.mp4` },
        { itemName: `Group ${n} feature`, vodUrl: `https://media.example.com/groups/${n}/b.flv` },
      ],
    };
  }
  return { sources, episodeGroups };
}
