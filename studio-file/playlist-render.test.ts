import { readFileSync } from "node:fs";
import * as path from "node:path";
import { formatProblem, parseLayout } from "./load";
import { renderHtml, renderSvg } from "./render";
import { StudioFileDefinition } from "./schema";

const layoutOf = (text: string) => {
  const loaded = parseLayout(text, "studio.yaml");
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return loaded.layout as StudioFileDefinition;
};

/** The docs' example: a lightweight carousel studio with a playlist of three VOD files, looped. */
const EXAMPLE = readFileSync(path.join(__dirname, "..", "docs", "examples", "caster-playlist.studio.yaml"), "utf8");

describe("playlist: the picture and the page", () => {
  const layout = layoutOf(EXAMPLE);

  test("the picture draws a card per item, in playing order, with its number, name and media ID, and how often the list plays", () => {
    const svg = renderSvg(layout);
    expect(svg).toContain('data-part="playlist"');
    expect([...svg.matchAll(/<g data-playlist-item="([^"]+)"/g)].map((match) => match[1])).toEqual(["Opening", "Feature", "Credits"]);
    // The media ID in full where the card has room for only its start: in the card's tooltip.
    expect(svg).toContain("VOD file 5f8809f2-3352-4d1f-a8f7-86f9429f1234");
    expect(svg).toContain("3 items in playing order; named &quot;Night loop&quot; · the list loops forever");
    expect(svg).toContain("a playlist of 3 items");
  });

  test("the repeat is said as the list plays: once, N + 1 times", () => {
    const once = layoutOf(EXAMPLE.replace("repeatNumber: -1", "repeatNumber: 0"));
    expect(renderSvg(once)).toContain("the list plays once");
    const thrice = layoutOf(EXAMPLE.replace("repeatNumber: -1", "repeatNumber: 2"));
    expect(renderHtml(thrice)).toContain("the list plays 3 times");
  });

  test("the page lists every item in a table, in playing order", () => {
    const html = renderHtml(layout);
    expect(html).toContain('<h2 id="playlist">Playlist</h2>');
    expect([...html.matchAll(/<tr data-playlist-item="([^"]+)">/g)].map((match) => match[1])).toEqual(["Opening", "Feature", "Credits"]);
    expect(html).toContain("a2b8e671-2fe5-4642-a2ec-bf93880e1234");
  });

  test("a file without a playlist is drawn as before", () => {
    const without = layoutOf(EXAMPLE.slice(0, EXAMPLE.indexOf("playlist:")));
    expect(renderSvg(without)).not.toContain("playlist");
    expect(renderHtml(without)).not.toContain('id="playlist"');
  });
});
