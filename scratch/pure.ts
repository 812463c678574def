import { Token } from "@effect-keystone/schema"
import { Redacted, Either } from "effect"
import { largeTokenBody } from "../bench/fixtures.js"
import * as Errors from "../packages/client/src/internal/errors.js"
import * as Headers from "../packages/client/src/internal/headers.js"
import * as Secrets from "../packages/client/src/internal/secrets.js"
import * as Admit from "../packages/client/src/internal/admit.js"
import { compareMin } from "./cpu.js"
const text = JSON.stringify(largeTokenBody())
const idStr = "gAAAAABjY9RKUhpkmwhbfTKS89w8nOqUevk1vJo8KEen8m5Tk5zk1ydEvcBAxJJ7UokAyGkLo4NW5voDos1x-ASAijCchuJwLVljaguIS4HaFmQlOw-n8xG7_k-Yl-y-IH1WlIJ6p3bzwW0BPbjEfxM-L4cG-G4a4UEMydYVmCxuGf8r1qKc6QqhjBQgg"
const id = Redacted.make(idStr)
const headers = { "content-type": "application/json", "x-openstack-request-id": "req-b3d6d0eb-ce32-43db-8f51-c52c662ce0df", "content-length": "34411" }
const spec = { method: "GET", url: "http://x/v3/auth/tokens", secrets: [idStr, idStr] }
const token = Either.getOrThrow(Token.decodeV3(id, JSON.parse(text)))
const reply = { status: 200, headers, text, contentType: "application/json", requestId: "req-1" }
for (let k = 0; k < 3; k++) console.log(compareMin({
  parse: () => JSON.parse(text),
  parseDecode: () => Token.decodeV3(id, JSON.parse(text)),
  requestId: () => Errors.requestIdOf(headers, [idStr, idStr]),
  headersProblem: () => Headers.problem({ "X-Auth-Token": idStr, "X-Subject-Token": idStr }, "x"),
  subjectId: () => Secrets.subjectId(token),
  admit: () => Admit.admit(spec, reply, token),
}, 5, 200))
