/** A team code per vendor, so a vendor's agents have a queue escalations can land in. */
export function vendorTeamCode(vendorName: string): string {
  return `PREST-${vendorName.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

/** A school's own queue (tasks the school does itself). */
export function schoolQueueCode(uai: string): string {
  return `ETAB-${uai}`;
}
