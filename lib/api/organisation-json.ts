import type { TeamWithMembers } from "@/db/queries/organisation";
import type { EstablishmentJson, TeamJson } from "@/lib/schemas/organisation-responses";
import type { EstablishmentRecord } from "@/lib/services/organisation/read-establishment";

export function establishmentJson(school: EstablishmentRecord): EstablishmentJson {
  return {
    uai: school.uai,
    name: school.name,
    type: school.type,
    city: school.city,
    departement: school.departement,
    zone: { code: school.zone.code, name: school.zone.name },
    supportMode: school.supportMode,
    rooms: school.rooms,
    onboardingState: school.onboardingState,
    onboardingMeetings: school.meetings,
    contacts: school.contacts.staff.map((person) => ({
      name: person.name,
      email: person.email,
      phone: person.phone,
      role: person.role,
      function: person.functionLabel,
    })),
    sectorLeads: school.contacts.sectorLeads.map((person) => ({ name: person.name, email: person.email, phone: person.phone })),
    updatedAt: school.updatedAt.toISOString(),
    updatedBy: school.updatedBy,
  };
}

export function teamJson(team: TeamWithMembers): TeamJson {
  return {
    code: team.code,
    name: team.name,
    party: team.party,
    zone: team.zone,
    members: team.members.map(({ email, name, primary }) => ({ email, name, primary })),
  };
}
