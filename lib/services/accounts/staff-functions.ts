import { database } from "@/db/client";
import { listStaffFunctions } from "@/db/queries/users";

/** The functions a person may hold at a school (data: a Région may add its own), in their order. */
export function staffFunctionOptions() {
  return listStaffFunctions(database());
}
