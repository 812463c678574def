import * as S from "../bench/session.bench.js"
// only the session.httpClient row
const mod: any = S
const main = async () => { for (let i = 0; i < Number(process.argv[2] ?? 1); i++) await mod.httpClientOverhead() }
main()
