import { describe, expect, test } from "vitest";
import {
  claimedUais,
  ssoDecision,
  ssoIdentity,
  type SsoAccount,
  type SsoClaimMapping,
  type SsoDecision,
  type SsoIdentity,
} from "./sso-provisioning";

const MAPPING: SsoClaimMapping = {
  email: "mail",
  name: "displayName",
  uai: "uai",
  function: "fonction",
  functionMap: {
    DIR: { role: "manager", functionCode: "chef_etablissement" },
    DOC: { role: "requester", functionCode: "referent_numerique" },
  },
};
const KNOWN = new Set(["0370037P", "0450029M", "0180010N"]);

describe("claimedUais", () => {
  test.each<[unknown, string[]]>([
    ["0370037P", ["0370037P"]],
    [" 0370037p ", ["0370037P"]],
    [
      ["0370037P", "0450029M"],
      ["0370037P", "0450029M"],
    ],
    ["0370037P,0450029M", ["0370037P", "0450029M"]],
    ["0370037P;0370037P", ["0370037P"]],
    ["0370037A", []],
    ["nope", []],
    [42, []],
    [undefined, []],
    [[{ uai: "0370037P" }], []],
  ])("%j → %j", (value, expected) => {
    expect(claimedUais({ uai: value }, MAPPING)).toEqual(expected);
  });
});

describe("ssoIdentity", () => {
  test.each<[string, Record<string, unknown>, Partial<SsoIdentity>]>([
    [
      "the mapped claims",
      { sub: "s1", mail: "Alice@Ac-Orleans-Tours.fr", displayName: "Alice Martin", uai: "0370037P", fonction: "DIR" },
      {
        subject: "s1",
        email: "alice@ac-orleans-tours.fr",
        name: "Alice Martin",
        uaiClaimed: true,
        uais: ["0370037P"],
        function: { role: "manager", functionCode: "chef_etablissement" },
      },
    ],
    [
      "an unknown function gives a requester",
      { sub: "s2", mail: "b@x.fr", uai: "0370037P", fonction: "ENS" },
      { function: { role: "requester", functionCode: null } },
    ],
    [
      "no function claim gives a requester",
      { sub: "s2", mail: "b@x.fr", uai: "0370037P" },
      { function: { role: "requester", functionCode: null } },
    ],
    [
      "a mapped requester function keeps its code",
      { sub: "s2", mail: "b@x.fr", uai: "0370037P", fonction: "DOC" },
      { function: { role: "requester", functionCode: "referent_numerique" } },
    ],
    [
      "the higher role wins among several functions",
      { sub: "s3", mail: "c@x.fr", uai: "0370037P", fonction: ["ENS", "DOC", "DIR"] },
      { function: { role: "manager", functionCode: "chef_etablissement" } },
    ],
    [
      "unknown and malformed UAIs are dropped, the rest sorted",
      { sub: "s4", mail: "d@x.fr", uai: ["0450029M", "0280022X", "bad", "0370037P"] },
      { uais: ["0370037P", "0450029M"], uaiClaimed: true },
    ],
    ["no UAI claim at all", { sub: "s5", mail: "e@x.fr" }, { uais: [], uaiClaimed: false }],
    ["an empty UAI claim is a claim", { sub: "s5", mail: "e@x.fr", uai: [] }, { uais: [], uaiClaimed: true }],
    [
      "a name from given and family names",
      { sub: "s6", mail: "f@x.fr", given_name: "Jean", family_name: "Dupont" },
      { name: "Jean Dupont" },
    ],
    ["the e-mail when there is no name", { sub: "s7", mail: "g@x.fr" }, { name: "g@x.fr" }],
    ["no e-mail claim", { sub: "s8", email: "h@x.fr" }, { email: null }],
    ["an e-mail in an array", { sub: "s9", mail: ["I@X.fr"] }, { email: "i@x.fr" }],
  ])("%s", (_label, claims, expected) => {
    expect(ssoIdentity(claims, MAPPING, KNOWN)).toMatchObject(expected);
  });
});

const identity = (overrides: Partial<SsoIdentity> = {}): SsoIdentity => ({
  subject: "s",
  email: "a@x.fr",
  name: "A",
  uaiClaimed: true,
  uais: ["0370037P"],
  function: { role: "requester", functionCode: null },
  ...overrides,
});
const account = (overrides: Partial<SsoAccount> = {}): SsoAccount => ({
  id: "u1",
  role: "requester",
  disabled: false,
  uais: ["0370037P"],
  ...overrides,
});

describe("ssoDecision", () => {
  test.each<[string, SsoIdentity, SsoAccount | null, SsoDecision]>([
    [
      "a new identity with a known school is opened",
      identity({ function: { role: "manager", functionCode: "chef_etablissement" } }),
      null,
      { kind: "create", uais: ["0370037P"], function: { role: "manager", functionCode: "chef_etablissement" } },
    ],
    ["a new identity without a known school is refused", identity({ uais: [] }), null, { kind: "refuse", reason: "etablissement-inconnu" }],
    ["a new identity without an e-mail is refused", identity({ email: null }), null, { kind: "refuse", reason: "adresse-manquante" }],
    ["a disabled account stays closed", identity(), account({ disabled: true }), { kind: "refuse", reason: "compte-desactive" }],
    [
      "a disabled technician stays closed",
      identity({ uaiClaimed: false, uais: [] }),
      account({ role: "technician", disabled: true }),
      { kind: "refuse", reason: "compte-desactive" },
    ],
    ["same school: nothing changes", identity(), account(), { kind: "sign_in", added: [], removed: [] }],
    [
      "moved school: loses the old, gains the new",
      identity({ uais: ["0450029M"] }),
      account(),
      { kind: "sign_in", added: ["0450029M"], removed: ["0370037P"] },
    ],
    [
      "a head gains a second school",
      identity({ uais: ["0370037P", "0450029M"] }),
      account({ role: "manager" }),
      { kind: "sign_in", added: ["0450029M"], removed: [] },
    ],
    [
      "a requester whose claims name no known school is refused",
      identity({ uais: [] }),
      account(),
      { kind: "refuse", reason: "etablissement-inconnu" },
    ],
    [
      "no UAI claim: the account keeps its schools",
      identity({ uaiClaimed: false, uais: [] }),
      account(),
      { kind: "sign_in", added: [], removed: [] },
    ],
    [
      "a technician keeps what Guichet gave",
      identity({ uais: ["0450029M"] }),
      account({ role: "technician", uais: [] }),
      { kind: "sign_in", added: [], removed: [] },
    ],
    [
      "an admin without school claims signs in",
      identity({ uais: [] }),
      account({ role: "admin", uais: [] }),
      { kind: "sign_in", added: [], removed: [] },
    ],
  ])("%s", (_label, who, stored, expected) => {
    expect(ssoDecision(who, stored)).toEqual(expected);
  });
});
