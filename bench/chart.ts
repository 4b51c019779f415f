import { ScenarioResult } from "./measure";

const WIDTH = 860;
const HEIGHT = 420;
const MARGIN = { left: 60, right: 300, top: 30, bottom: 50 };
const COLOURS = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

/**
 * Operations completed over time for the create scenarios, against the line of the API's QPS:
 * the closer a curve runs to the line, the closer the run is to the physical limit.
 */
export function timelineChart(results: ScenarioResult[], qps: number, title: string): string {
  const series = results.filter((result) => result.timeline && result.timeline.length > 0);
  const maxSeconds = Math.max(1, ...series.map((result) => result.timeline![result.timeline!.length - 1]));
  const maxCount = Math.max(1, ...series.map((result) => result.timeline!.length));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (seconds: number) => MARGIN.left + (seconds / maxSeconds) * plotWidth;
  const y = (count: number) => MARGIN.top + plotHeight - (count / maxCount) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="100%" height="100%" fill="white"/>`);
  parts.push(`<text x="${MARGIN.left}" y="18" font-size="14">${escape(title)}</text>`);
  parts.push(`<line x1="${MARGIN.left}" y1="${y(0)}" x2="${x(maxSeconds)}" y2="${y(0)}" stroke="black"/>`);
  parts.push(`<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left}" y2="${y(maxCount)}" stroke="black"/>`);
  for (let tick = 0; tick <= 5; tick++) {
    const seconds = (maxSeconds * tick) / 5;
    const count = Math.round((maxCount * tick) / 5);
    parts.push(`<text x="${x(seconds)}" y="${y(0) + 16}" text-anchor="middle">${seconds.toFixed(1)}</text>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(count) + 4}" text-anchor="end">${count}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">seconds since the start</text>`);
  parts.push(`<text x="16" y="${MARGIN.top + plotHeight / 2}" transform="rotate(-90 16 ${MARGIN.top + plotHeight / 2})" text-anchor="middle">operations completed</text>`);

  const floorEnd = Math.min(maxSeconds, maxCount / qps);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(floorEnd)}" y2="${y(floorEnd * qps)}" stroke="#999" stroke-dasharray="6 4"/>`);
  const legend = (index: number, colour: string, text: string, dashed = false) => {
    const top = MARGIN.top + 10 + index * 20;
    parts.push(`<line x1="${WIDTH - MARGIN.right + 15}" y1="${top}" x2="${WIDTH - MARGIN.right + 40}" y2="${top}" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 46}" y="${top + 4}">${escape(text)}</text>`);
  };
  legend(0, "#999", `API limit: ${qps} per second`, true);
  series.forEach((result, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const points = result.timeline!.map((seconds, i) => `${x(seconds).toFixed(1)},${y(i + 1).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${x(0)},${y(0)} ${points}"/>`);
    legend(index + 1, colour, result.scenario);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
