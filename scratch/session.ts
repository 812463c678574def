import * as S from "../bench/session.bench.js"
const main = async () => { for (let i = 0; i < Number(process.argv[2] ?? 1); i++) await S.run() }
main()
