import type { HalfDay } from "@/lib/domain/visit-planning";

/** What the planning pages and the school's pages show: shapes the services fill and the components draw. */
export type PersonRef = { id: string; name: string };
export type SchoolRef = { uai: string; name: string };
export type VisitSlot = { onDate: string; halfDay: HalfDay; technician: PersonRef };

export type SchoolReferentsView = { uai: string; referent: PersonRef | null; backup: PersonRef | null };
export type SchoolTechnician = SchoolReferentsView & { nextVisit: VisitSlot | null };

export type PlannedHalfDay = {
  onDate: string;
  halfDay: HalfDay;
  school: SchoolRef | null;
  /** Tickets planned for this half-day (at this school or not: a ticket planned on a free half-day shows too). */
  tickets: Array<{ reference: string; title: string }>;
};

export type TechnicianWeek = {
  technician: PersonRef;
  week: string;
  days: Array<{ date: string; absent: boolean; halfDays: PlannedHalfDay[] }>;
  absences: Array<{ id: string; startsOn: string; endsOn: string; note: string | null }>;
  /** The default week, for its editor. */
  schedule: Array<{ weekday: number; halfDay: HalfDay; school: SchoolRef | null }>;
};
