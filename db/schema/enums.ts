import { pgEnum } from "drizzle-orm/pg-core";
import {
  CI_CLASSES,
  CI_CRITICALITIES,
  CI_STATUSES,
  FUNDINGS,
  IMPACTS,
  PARTIES,
  PRIORITIES,
  ROLES,
  ONBOARDING_STATES,
  SUPPORT_MODES,
  TICKET_EVENT_KINDS,
  TICKET_STATUSES,
  TICKET_CHANNELS,
  TICKET_TYPES,
  URGENCIES,
  VISIBILITIES,
} from "@/lib/domain/vocabulary";

export const supportMode = pgEnum("support_mode", SUPPORT_MODES);
export const onboardingState = pgEnum("onboarding_state", ONBOARDING_STATES);
export const role = pgEnum("role", ROLES);
export const party = pgEnum("party", PARTIES);
export const ticketType = pgEnum("ticket_type", TICKET_TYPES);
export const ticketChannel = pgEnum("ticket_channel", TICKET_CHANNELS);
export const ticketStatus = pgEnum("ticket_status", TICKET_STATUSES);
export const priority = pgEnum("priority", PRIORITIES);
export const impact = pgEnum("impact", IMPACTS);
export const urgency = pgEnum("urgency", URGENCIES);
export const visibility = pgEnum("visibility", VISIBILITIES);
export const ticketEventKind = pgEnum("ticket_event_kind", TICKET_EVENT_KINDS);
export const ciClass = pgEnum("ci_class", CI_CLASSES);
export const ciStatus = pgEnum("ci_status", CI_STATUSES);
export const ciCriticality = pgEnum("ci_criticality", CI_CRITICALITIES);
export const funding = pgEnum("funding", FUNDINGS);
