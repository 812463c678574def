/** Synthetic Keystone bodies for the benchmarks: a project-scoped v3 token with a large catalog. */
const types = [
  "compute", "network", "volumev3", "image", "object-store", "identity", "orchestration", "placement",
  "load-balancer", "dns", "key-manager", "metric", "alarming", "container-infra", "share", "baremetal"
]
const regions = ["RegionOne", "RegionTwo", "RegionThree"]

/** A `{ token: … }` body like Keystone's: `services` × 3 regions × 3 interfaces endpoints. */
export const largeTokenBody = (services = types.length) => ({
  token: {
    methods: ["password"],
    user: {
      domain: { id: "default", name: "Default" },
      id: "ee4dfb6e5540447cb3741905149d9b6e",
      name: "admin",
      password_expires_at: null
    },
    audit_ids: ["3T2dc1CGQxyJsHdDu1xkcw"],
    expires_at: "2099-01-01T00:00:00.000000Z",
    issued_at: "2026-11-23T09:30:37.000000Z",
    project: { domain: { id: "default", name: "Default" }, id: "a6944d763bf64ee6a275f1263fae0352", name: "admin" },
    is_domain: false,
    roles: [{ id: "51cc68287d524c759f47c811e6463340", name: "admin" }, { id: "9fe2ff9ee4384b1894a90878d3e92bab", name: "member" }],
    catalog: types.slice(0, services).map((type, s) => ({
      id: `service-${s}-0123456789abcdef0123456789`,
      type,
      name: `${type}-svc`,
      endpoints: regions.flatMap((region, r) =>
        (["public", "internal", "admin"] as const).map((iface, i) => ({
          id: `endpoint-${s}-${r}-${i}-0123456789abcdef01234`,
          interface: iface,
          region_id: region,
          region,
          url: `https://${type}.${region.toLowerCase()}.${iface}.example.com:8774/v2.1/a6944d763bf64ee6a275f1263fae0352`
        }))
      )
    }))
  }
})
