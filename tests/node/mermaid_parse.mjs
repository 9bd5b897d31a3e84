// Parse Mermaid diagrams with Mermaid's own parser, as GitHub's renderer would.
// Usage: node mermaid_parse.mjs < diagram.mmd
// Prints {"ok": true, "type": "journey"} or {"ok": false, "error": "..."} as one JSON line.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
// Mermaid's sanitiser (DOMPurify) needs a window; Node has none.
const { default: mermaid } = await import("mermaid");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");
try {
  mermaid.initialize({ startOnLoad: false });
  const result = await mermaid.parse(text);
  const out = { ok: true, type: result.diagramType };
  // What the diagram's parser understood, so tests can check more than "it parsed".
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  if (typeof db.getDiagramTitle === "function") out.title = db.getDiagramTitle();
  if (result.diagramType === "journey") {
    out.sections = db.getSections();
    out.tasks = db.getTasks().map((t) => ({ section: t.section, task: t.task, score: t.score, people: t.people }));
    out.actors = db.getActors();
  }
  process.stdout.write(JSON.stringify(out) + "\n");
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.message ? err.message : err) }) + "\n");
  process.exitCode = 1;
}
