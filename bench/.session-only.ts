import * as SessionBench from "./session.bench.js"
const r = await SessionBench.run()
