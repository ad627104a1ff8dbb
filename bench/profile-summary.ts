import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a function's code comes from: a package under node_modules, a folder of our dist/, Node's own
 * undici (fetch), the rest of Node's core, or V8 itself (GC, the program, natives).
 */
export function categoryOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'V8 natives';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : `${scope}`;
  }
  if (url.startsWith('node:internal/deps/undici')) return "Node's fetch (undici)";
  if (url.startsWith('node:')) return 'Node core';
  const dist = /\/dist\/(?:bench\/)?(src\/)?([^/]+)\//.exec(url) ?? /\/dist\/([^/]+)\.js$/.exec(url);
  if (dist) return `ours: ${dist[2] ?? dist[1]}`;
  return url;
}

/** Time that belongs to whoever called it: Node's core, V8's natives, the idle-less root of the loop. */
const RUNTIME = new Set(['Node core', 'V8 natives', "Node's fetch (undici)", '(program)']);

/**
 * Self time by category, the same with the runtime's time charged to its nearest caller outside it (so
 * a socket write counts against whoever wrote), and the top functions, over every profile in `dir`.
 */
export function summariseProfile(dir: string, top = 12): string {
  const byCategory = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const caller = (id: number): string => {
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = nodes.get(at);
        const category = frame && categoryOf(frame.url, frame.functionName);
        if (category !== undefined && !RUNTIME.has(category)) return category;
      }
      return '(root)';
    };
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id);
      const micros = profile.timeDeltas[i] ?? 0;
      if (frame === undefined || frame.functionName === '(idle)') return;
      const category = categoryOf(frame.url, frame.functionName);
      const fn = `${frame.functionName || '(anonymous)'} (${category}${frame.url ? `, ${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''})`;
      byCategory.set(category, (byCategory.get(category) ?? 0) + micros);
      const charged = caller(id);
      byCaller.set(charged, (byCaller.get(charged) ?? 0) + micros);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
      total += micros;
    });
  }
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `- ${((micros / total) * 100).toFixed(1)} % ${name}`)
      .join('\n');
  return [
    `Busy time sampled: ${(total / 1e6).toFixed(1)} s (idle excluded). By package:`,
    list(byCategory),
    '',
    'By package, the runtime charged to its nearest caller:',
    list(byCaller),
    '',
    'Top functions:',
    list(byFunction),
  ].join('\n');
}
