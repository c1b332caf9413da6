import type { Role } from "./vocabulary";

/** Who is acting: loaded once per request, handed to permission checks and scoped queries. */
export type Caller = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Schools a requester or manager belongs to. */
  establishmentIds: string[];
  teamIds: string[];
  /** The zone a sector lead leads. */
  zoneId: string | null;
  /** Zones whose schools the caller covers: the led zone and the zones of the caller's teams. */
  zoneIds: string[];
};
