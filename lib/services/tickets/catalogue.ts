import { database } from "@/db/client";
import { listCatalogue } from "@/db/queries/catalogue";

/** The service catalogue is public to every signed-in user. */
export function readCatalogue() {
  return listCatalogue(database());
}
