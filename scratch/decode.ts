import * as D from "../bench/decode.bench.js"
for (let i = 0; i < 3; i++) D.run()
