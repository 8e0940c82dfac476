"""igraph peer of tests/bench/shortest-path.bench.ts (issue 11: the core's multi-source Dijkstra against
igraph's C Dijkstra on the same graph and sources).

Runs under Debian's Python with Debian's python-igraph and numpy (`apt-get install python3-igraph`):
    /usr/bin/python3 tests/bench/igraph-peer.py GRAPH.bin OUT_DIR

GRAPH.bin (little-endian, written by the bench):
    char[4] "CFCG"; uint32 version (1); uint32 nodes; uint32 edges; uint32 categories; uint32[3] zero
    float64 weight[edges]; int32 a[edges]; int32 b[edges]
    then per category: uint32 count; int32 node[count]
For every category the script builds a copy of the undirected graph with one extra vertex (the super source,
id = nodes) joined by 0-weight edges to every facility node of the category. Building is not timed.

Then it answers commands on stdin, one JSON line on stdout for each:
    time RUNS   -> {"ms": [median wall ms of RUNS distances() calls, per category], "cpuMs": [the same in
                   process CPU time], "listMs": ...}
    dump        -> writes OUT_DIR/dist-<c>.f64 (float64 distance of each node, inf when unreached)
    quit
"listMs" is the median time of numpy's tolist() on a float64 array of nodes + 1 values: an estimate of what
distances() spends turning igraph's C result into a Python list (it is inside the timed call).
"""
import json
import os
import statistics
import struct
import sys
import time

try:
    import igraph
    import numpy as np
except ImportError as e:  # the bench reads this line and tells the user what to install
    print(json.dumps({"error": f"{e}: install Debian's python3-igraph and python3-numpy (apt-get install python3-igraph python3-numpy)"}), flush=True)
    sys.exit(3)


def read_graph(path):
    buf = open(path, "rb").read()
    magic, version, n, m, cats = struct.unpack_from("<4sIIII", buf, 0)
    if magic != b"CFCG" or version != 1:
        raise ValueError(f"{path}: not a version-1 CFCG graph file")
    off = 32
    w = np.frombuffer(buf, dtype="<f8", count=m, offset=off)
    off += 8 * m
    a = np.frombuffer(buf, dtype="<i4", count=m, offset=off)
    off += 4 * m
    b = np.frombuffer(buf, dtype="<i4", count=m, offset=off)
    off += 4 * m
    sources = []
    for _ in range(cats):
        (k,) = struct.unpack_from("<I", buf, off)
        off += 4
        sources.append(np.frombuffer(buf, dtype="<i4", count=k, offset=off))
        off += 4 * k
    return n, w, a, b, sources


def main():
    graph_path, out_dir = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    n, w, a, b, sources = read_graph(graph_path)
    base = igraph.Graph(n=n, edges=np.column_stack((a, b)).tolist(), directed=False)
    graphs = []
    for facilities in sources:
        g = base.copy()
        g.add_vertices(1)
        g.add_edges([(n, int(f)) for f in facilities])
        g.es["weight"] = np.concatenate((w, np.zeros(len(facilities)))).tolist()
        graphs.append(g)
    build_ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"ready": True, "igraph": igraph.__version__, "buildMs": build_ms, "vertices": n + 1, "edges": base.ecount()}), flush=True)

    last = [None] * len(graphs)
    sample = np.zeros(n + 1)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "time":
            runs = int(cmd[1])
            ms = []
            cpu_ms = []
            for c, g in enumerate(graphs):
                times = []
                cpu = []
                for _ in range(runs):
                    t = time.perf_counter()
                    p = time.process_time()
                    d = g.distances(source=[n], weights="weight", mode="all")
                    cpu.append((time.process_time() - p) * 1000)
                    times.append((time.perf_counter() - t) * 1000)
                last[c] = d
                ms.append(statistics.median(times))
                cpu_ms.append(statistics.median(cpu))
            lists = []
            for _ in range(runs):
                t = time.perf_counter()
                sample.tolist()
                lists.append((time.perf_counter() - t) * 1000)
            print(json.dumps({"ms": ms, "cpuMs": cpu_ms, "listMs": statistics.median(lists)}), flush=True)
        elif cmd[0] == "dump":
            for c, g in enumerate(graphs):
                d = last[c] or g.distances(source=[n], weights="weight", mode="all")
                np.asarray(d[0][:n], dtype="<f8").tofile(os.path.join(out_dir, f"dist-{c}.f64"))
            print(json.dumps({"dumped": True}), flush=True)
        elif cmd[0] == "quit":
            break


if __name__ == "__main__":
    main()
