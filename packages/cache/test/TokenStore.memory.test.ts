import { TokenStore } from "../src/index.js"
import { conformance } from "./TokenStore.conformance.js"

conformance("memory", TokenStore.layerMemory)
