import { Token } from "@effect-keystone/schema"
import { Redacted } from "effect"
import { largeTokenBody } from "../bench/fixtures.js"
import { compareMin } from "./cpu.js"
const text = JSON.stringify(largeTokenBody())
const id = Redacted.make("gAAAAA-bench")
console.log(text.length)
for (let k = 0; k < 3; k++) console.log(compareMin({ decode: () => Token.decodeV3(id, JSON.parse(text)), parse: () => JSON.parse(text), parse2: () => JSON.parse(text), decode2: () => Token.decodeV3(id, JSON.parse(text)) }, 5))
