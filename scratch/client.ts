import * as ClientBench from "../bench/client.bench.js"
const main = async () => { for (let i = 0; i < Number(process.argv[2] ?? 1); i++) await ClientBench.run() }
main()
