/**
 * `npm run bench`: every benchmark, each as a ratio against a baseline
 * measured in the same run on this machine. Prints; never fails on timing.
 * `npm run bench` builds the packages first and runs on their `dist`, as
 * an application would (`bench/tsconfig.dist.json`).
 */
import * as ClientBench from "./client.bench.js"
import * as DecodeBench from "./decode.bench.js"
import * as ImportBench from "./import.bench.js"
import * as MiddlewareBench from "./middleware.bench.js"
import * as ScaleBench from "./scale.bench.js"
import * as SessionBench from "./session.bench.js"

const main = async () => {
  const code = process.env.TSX_TSCONFIG_PATH?.endsWith("tsconfig.dist.json") === true
    ? "the packages' dist"
    : "the TypeScript sources through tsx (run `npm run bench` to measure the built packages)"
  console.log(`effect-keystone benchmarks — node ${process.version}, ${new Date().toISOString()}; measuring ${code}`)
  const results = [
    DecodeBench.run(),
    ...(await SessionBench.run()),
    ...(await ClientBench.run()),
    ...(await MiddlewareBench.run()),
    ...ImportBench.run(),
    ...(await ScaleBench.run())
  ]
  const met = results.filter((r) => r.met).length
  console.log(`\n${met} of ${results.length} targets met`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
