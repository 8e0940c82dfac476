/** Connected components of a CSR graph, by iterative depth-first search (no recursion: cities are deep). */
export function labelComponents(
  nodeCount: number,
  offsets: Uint32Array,
  targets: Uint32Array,
): { nodeComponent: Int32Array; componentCount: number } {
  const nodeComponent = new Int32Array(nodeCount).fill(-1);
  const stack = new Uint32Array(nodeCount);
  let componentCount = 0;
  for (let start = 0; start < nodeCount; start++) {
    if (nodeComponent[start] !== -1) continue;
    const c = componentCount++;
    let top = 0;
    stack[top++] = start;
    nodeComponent[start] = c;
    while (top > 0) {
      const u = stack[--top]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = targets[e]!;
        if (nodeComponent[v] === -1) {
          nodeComponent[v] = c;
          stack[top++] = v;
        }
      }
    }
  }
  return { nodeComponent, componentCount };
}
