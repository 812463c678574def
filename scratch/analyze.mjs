import fs from "node:fs"
const [file, mode = "self", filter = ""] = process.argv.slice(2)
const p = JSON.parse(fs.readFileSync(file, "utf8"))
const byId = new Map(p.nodes.map((n) => [n.id, n]))
const selfCount = new Map()
for (const s of p.samples) selfCount.set(s, (selfCount.get(s) ?? 0) + 1)
const total = p.samples.length
const key = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*perf-client\//, "")}:${n.callFrame.lineNumber + 1}`
const parent = new Map()
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const agg = new Map()
if (mode === "self") {
  for (const n of p.nodes) { const k = key(n); agg.set(k, (agg.get(k) ?? 0) + (selfCount.get(n.id) ?? 0)) }
} else if (mode === "file") {
  for (const n of p.nodes) { const k = n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*perf-client\//, "") || n.callFrame.functionName; agg.set(k, (agg.get(k) ?? 0) + (selfCount.get(n.id) ?? 0)) }
} else {
  // inclusive: for each sample, walk up the stack, count each distinct key once
  for (const [id, c] of selfCount) {
    const seen = new Set(); let cur = id
    while (cur !== undefined) { const k = key(byId.get(cur)); if (!seen.has(k)) { seen.add(k); agg.set(k, (agg.get(k) ?? 0) + c) } cur = parent.get(cur) }
  }
}
const rows = [...agg].filter(([k]) => k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, 45)
for (const [k, v] of rows) console.log(`${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`)
console.log("total samples", total)
