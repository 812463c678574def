import type { Seed } from "../KeystoneSim.js"

export const Domains = {
  default: { id: "default", name: "Default" },
  demo: { id: "75630e2922684bbeaa7cc2f12f83b3df", name: "demo-domain" },
  idp: { id: "177d7e9c0e6741b3bca9412e81ae5388", name: "idp-users" }
} as const

export const Projects = {
  admin: { id: "910d23834a464fc791f13a4f32ce9e92", name: "admin", domainId: Domains.default.id },
  demo: { id: "1a82709307eb49ca82a5a640ec1ba3c5", name: "demo", domainId: Domains.default.id },
  demo2: { id: "18f4f4a20a1a47979c27dde35cf892cd", name: "demo2", domainId: Domains.demo.id },
  service: { id: "cce1a4a1b1f74b1394ec82b6dd598017", name: "service", domainId: Domains.default.id },
  fed: { id: "109323492d3f4e77bad090eb2e3132a5", name: "fedproject", domainId: Domains.idp.id }
} as const

export const Roles = {
  admin: { id: "136b334122a64bf1b9c48dfb7dc970ee", name: "admin", immutable: true },
  member: { id: "fd197512b7f441f187bd0726c239aa03", name: "member", immutable: true },
  reader: { id: "7c6477729a124e468eff2188458bedf2", name: "reader", immutable: true },
  service: { id: "58f4ea3cd8054c1ab8186b3e127c691f", name: "service" }
} as const

export const Admin = {
  userId: "6e21b55a02f54885a0197c5cffc0dbac",
  username: "admin",
  password: "admin-password",
  domainId: Domains.default.id,
  domainName: Domains.default.name,
  projectId: Projects.admin.id,
  projectName: Projects.admin.name
} as const

export const Demo = {
  userId: "4a9a07ab737c44abb4e2a4f94ca611c8",
  username: "demo",
  password: "demo-password",
  passcode: "123456",
  domainId: Domains.default.id,
  domainName: Domains.default.name,
  projectId: Projects.demo.id,
  projectName: Projects.demo.name
} as const

export const Demo2 = {
  userId: "f4a0d39fdc3343329801769013fd60d1",
  username: "demo2",
  password: "demo2-password",
  domainId: Domains.demo.id,
  domainName: Domains.demo.name,
  projectId: Projects.demo2.id,
  projectName: Projects.demo2.name
} as const

export const Service = {
  userId: "a7b9e95834ed482fb6049395da2003bb",
  username: "service",
  password: "service-password",
  domainId: Domains.default.id,
  domainName: Domains.default.name,
  projectId: Projects.service.id,
  projectName: Projects.service.name
} as const

export const Mfa = {
  userId: "a414896428d4416db022ecab0eead66d",
  username: "mfa",
  password: "mfa-password",
  passcode: "654321",
  domainId: Domains.default.id,
  domainName: Domains.default.name,
  projectId: Projects.demo.id,
  projectName: Projects.demo.name
} as const

export const Disabled = {
  userId: "e2ef00836ce945bd827bbce35a0edf14",
  username: "disabled",
  password: "disabled-password",
  domainId: Domains.default.id
} as const

export const AppCred = {
  id: "fb886a0c7f2540ae8f780434704daa5b",
  name: "demo-appcred",
  secret: "demo-appcred-secret",
  userId: Demo.userId,
  projectId: Projects.demo.id
} as const

export const Trust = {
  id: "3696153f040449a7ae4700fd755a8252",
  trustorUserId: Admin.userId,
  trusteeUserId: Demo.userId,
  projectId: Projects.admin.id,
  roles: [Roles.member.id],
  impersonation: false
} as const

export const Federated = {
  identityProvider: "testidp",
  protocol: "openid",
  domainId: Domains.idp.id,
  domainName: Domains.idp.name,
  groupId: "d89faf18c1a04db49db36146ae3ae6e3",
  groupName: "cloud-users",
  projectId: Projects.fed.id,
  projectName: Projects.fed.name,
  roleName: Roles.member.name
} as const

type Interface = Seed.Endpoint["interface"]

const endpoints = (
  region: string,
  entries: ReadonlyArray<readonly [Interface, id: string, url: string]>
): Array<Seed.Endpoint> => entries.map(([iface, id, url]) => ({ id, interface: iface, region, url }))

export const catalog: ReadonlyArray<Seed.Service> = [
  {
    id: "0b59de33b8294be2a43a347c76e45f99",
    type: "identity",
    name: "keystone",
    endpoints: endpoints("RegionOne", [
      ["public", "61b2df168fb54e79aa5bd998ce6138cc", "http://keystone.test/v3"],
      ["internal", "40e3f2e0bdae4bb2a52951421ed23a5c", "http://keystone.test/v3"],
      ["admin", "43ecd1772a694e85ba31024c488f4947", "http://keystone.test/v3"]
    ])
  },
  {
    id: "2d1c9f7c737a4b648b62ee25533a111d",
    type: "compute",
    name: "nova",
    endpoints: [
      ...endpoints("RegionOne", [
        ["public", "ee5581cadca944a993204d77ee6d80f7", "http://compute.region-one.test:8774/v2.1"],
        ["internal", "a30e8829d5de4962be085ecc78c90b46", "http://compute.region-one.internal:8774/v2.1"],
        ["admin", "4a0ba9127ff047069c4bc49e4c236d16", "http://compute.region-one.admin:8774/v2.1"]
      ]),
      ...endpoints("RegionTwo", [
        ["public", "4bf63542636d4cd5844c3cf4d3200cc8", "http://compute.region-two.test:8774/v2.1"],
        ["internal", "74ab7dc709e24b2da8706a2582839da4", "http://compute.region-two.internal:8774/v2.1"],
        ["admin", "726469e462e14d4a8ed4483f20fec055", "http://compute.region-two.admin:8774/v2.1"]
      ])
    ]
  },
  {
    id: "72f6c2ddad79476483221aada78d7da4",
    type: "object-store",
    name: "swift",
    endpoints: endpoints("RegionOne", [
      ["public", "a4bc8e3c7a6a403f9b83a381749912ed", "http://object.region-one.test:8080/v1/AUTH_$(project_id)s"]
    ])
  },
  {
    id: "74a947226683419293a0c44476ff287d",
    type: "image",
    name: "glance",
    endpoints: endpoints("RegionTwo", [
      ["public", "0e28bed861a244a8bb84e31c182b2e1b", "http://image.region-two.test:9292"],
      ["internal", "2a1692edfe4e41758b083ed96b75bef8", "http://image.region-two.internal:9292"]
    ])
  }
]

export const seed: Seed = {
  domains: [Domains.default, Domains.demo, Domains.idp],
  projects: Object.values(Projects),
  roles: Object.values(Roles),
  impliedRoles: [
    { priorRoleId: Roles.admin.id, impliedRoleId: Roles.member.id },
    { priorRoleId: Roles.member.id, impliedRoleId: Roles.reader.id }
  ],
  users: [
    { id: Admin.userId, name: Admin.username, domainId: Admin.domainId, password: Admin.password, defaultProjectId: Admin.projectId },
    {
      id: Demo.userId,
      name: Demo.username,
      domainId: Demo.domainId,
      password: Demo.password,
      passcode: Demo.passcode,
      defaultProjectId: Demo.projectId
    },
    { id: Demo2.userId, name: Demo2.username, domainId: Demo2.domainId, password: Demo2.password, defaultProjectId: Demo2.projectId },
    { id: Service.userId, name: Service.username, domainId: Service.domainId, password: Service.password, defaultProjectId: Service.projectId },
    {
      id: Mfa.userId,
      name: Mfa.username,
      domainId: Mfa.domainId,
      password: Mfa.password,
      passcode: Mfa.passcode,
      defaultProjectId: Mfa.projectId,
      mfaRules: [["password", "totp"]]
    },
    { id: Disabled.userId, name: Disabled.username, domainId: Disabled.domainId, password: Disabled.password, enabled: false }
  ],
  assignments: [
    { userId: Admin.userId, roleId: Roles.admin.id, projectId: Projects.admin.id },
    { userId: Admin.userId, roleId: Roles.admin.id, domainId: Domains.default.id },
    { userId: Admin.userId, roleId: Roles.admin.id, system: true },
    { userId: Demo.userId, roleId: Roles.member.id, projectId: Projects.demo.id },
    { userId: Demo.userId, roleId: Roles.member.id, projectId: Projects.demo2.id },
    { userId: Demo.userId, roleId: Roles.reader.id, domainId: Domains.demo.id },
    { userId: Demo2.userId, roleId: Roles.member.id, projectId: Projects.demo2.id },
    { userId: Service.userId, roleId: Roles.service.id, projectId: Projects.service.id },
    { userId: Mfa.userId, roleId: Roles.member.id, projectId: Projects.demo.id },
    { userId: Disabled.userId, roleId: Roles.member.id, projectId: Projects.demo.id },
    { groupId: Federated.groupId, roleId: Roles.member.id, projectId: Federated.projectId }
  ],
  groups: [{ id: Federated.groupId, name: Federated.groupName, domainId: Federated.domainId }],
  identityProviders: [{ id: Federated.identityProvider, domainId: Federated.domainId, protocols: [Federated.protocol] }],
  applicationCredentials: [
    { id: AppCred.id, name: AppCred.name, userId: AppCred.userId, secret: AppCred.secret, projectId: AppCred.projectId }
  ],
  trusts: [
    {
      id: Trust.id,
      trustorUserId: Trust.trustorUserId,
      trusteeUserId: Trust.trusteeUserId,
      projectId: Trust.projectId,
      roles: Trust.roles,
      impersonation: Trust.impersonation
    }
  ],
  catalog,
  tokenLifetime: "1 hour",
  allowExpiredWindow: "48 hours",
  versions: ["v3", "v2.0"]
}
